package se.utskick.register;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.utskick.Keyring;
import se.utskick.db.Bind;
import se.utskick.db.Database;

/**
 * The register's public face: the import, the address marks other features make, erasure and the
 * read-side lists. Built once in the composition root ({@code Utskick.register()}). Thread-safe.
 *
 * <p>Erasure steps are registered with {@link #addErasureStep} by features built after the register
 * (the composition root wires them in order), so the register depends on none of them.
 */
public final class Register {
    /** The {@link Keyring} purpose of the hash that remembers erased member numbers. */
    public static final String ERASURE_PURPOSE = "erasure";
    private static final Logger log = LoggerFactory.getLogger(Register.class);

    private final Database db;
    private final RegisterConfig cfg;
    private final Importer importer;
    private final Erasure erasure;
    private final RegisterQueries queries = new RegisterQueries();
    private final MemberDirectory directory;
    private final MemberFiles files;
    private final MemberExport export;
    private final java.time.Clock clock;

    public Register(Database db, RegisterConfig cfg, Keyring keyring) {
        this(db, cfg, keyring, java.time.Clock.systemUTC());
    }

    /** On a given clock: the import's dates, the tombstone's time and the left-member retention read it. */
    public Register(Database db, RegisterConfig cfg, Keyring keyring, java.time.Clock clock) {
        this.db = db;
        this.cfg = cfg;
        this.clock = clock;
        this.importer = new Importer(db, cfg, keyring, clock);
        this.erasure = new Erasure(db, keyring, clock);
        this.directory = new MemberDirectory(db);
        this.files = new MemberFiles(db, clock);
        this.export = new MemberExport(db, clock);
    }

    /**
     * Everything Utskick holds about the member with this number, as JSON, for an access request
     * (GDPR art. 15). Personal data: hand it to the person, never log it. The caller audits it.
     *
     * @throws se.utskick.UtskickException if no member has the number
     */
    public String exportMember(String memberNumber) {
        return export.json(memberNumber);
    }

    /** The record of files that name a member (previews); erased with the member. */
    public MemberFiles files() {
        return files;
    }

    /**
     * The register's scheduled work: {@code erase-left-members}, daily, erases (as {@link #erase} does,
     * with tombstone) every member who left more than {@code register.left.retention} ago.
     */
    public List<se.utskick.schedule.ScheduledJob> jobs() {
        return List.of(se.utskick.schedule.ScheduledJob.of("erase-left-members",
                "Erase members who left more than register.left.retention ago (as register erase does)", "0 20 3 * * ?",
                () -> eraseLeftMembers() + " members who had left erased"));
    }

    /**
     * Erases every member whose {@code left_on} is more than {@code register.left.retention} before
     * today (UTC), each in its own erasure transaction. Idempotent; a member who rejoined in between
     * is ACTIVE and not touched.
     *
     * @return how many were erased
     */
    public int eraseLeftMembers() {
        java.time.LocalDate cutoff = java.time.LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                .minusDays(cfg.leftRetention().toDays());
        List<String> numbers = db.withConnection(c -> Bind.list(c, RegisterSql.LEFT_BEFORE, rs -> rs.getString(1), cutoff));
        int n = 0;
        RuntimeException first = null;
        for (String number : numbers) {
            try {
                erasure.erase(number);
                n++;
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (n > 0) {
            log.info("register: {} members who left before {} erased", n, cutoff);
        }
        if (first != null) {
            throw new se.utskick.UtskickException((numbers.size() - n) + " of " + numbers.size() + " members who left before "
                    + cutoff + " could not be erased (" + n + " were); the first reason: " + first.getMessage(), first);
        }
        return n;
    }

    /** Member search and the member and association pages' reads. */
    public MemberDirectory directory() {
        return directory;
    }

    public RegisterConfig config() {
        return cfg;
    }

    /**
     * Synchronises the register with a register export; all or nothing.
     *
     * @throws ImportException listing every bad line; the register is then unchanged
     */
    public ImportReport importFile(Path file, ImportOptions options) {
        return importer.run(file, options);
    }

    /**
     * Sets the address status of a member, but only if their current normalised address is still
     * {@code expectedEmail} (an import may have replaced it since the mail was sent).
     *
     * @return true if the status or reason changed
     */
    public boolean markAddress(long memberId, String expectedEmail, EmailStatus status, String reason) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
        int n = db.withConnection(c -> Bind.update(c, RegisterSql.MARK_ADDRESS, status, reason, now, memberId, expectedEmail,
                status, reason));
        if (n > 0) {
            log.info("register: one address marked {}", status);
        }
        return n > 0;
    }

    /**
     * Replaces a member's address by hand (the staff's correction): checked and normalised exactly as
     * the import does ({@link EmailCheck}), stored with status OK and the problem cleared, in one
     * statement. A later import that still carries the old address replaces it again.
     *
     * @return the verdict, with the normalised address
     * @throws AddressException if the address is blank or malformed; nothing is changed
     */
    public EmailCheck correctAddress(long memberId, String email) {
        EmailCheck check = EmailCheck.of(email);
        if (check.status() != EmailStatus.OK) {
            throw new AddressException(check);
        }
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
        int n = db.withConnection(c -> Bind.update(c, RegisterSql.CORRECT_ADDRESS, check.email(), check.raw(), now, memberId));
        if (n == 0) {
            throw new se.utskick.UtskickException("there is no member " + memberId);
        }
        log.info("register: one address corrected by hand");
        return check;
    }

    /** Sets or clears the member's unsubscription from the members' letter (role-based letters still reach them). */
    public void setUnsubscribed(long memberId, boolean unsubscribed) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
        db.withConnection(c -> Bind.update(c, RegisterSql.SET_UNSUBSCRIBED, unsubscribed, now, memberId));
    }

    /** The member with this normalised address (active members first, then the oldest), for reply correlation. */
    public Optional<Long> memberIdByEmail(String normalisedEmail) {
        return db.withConnection(c -> Bind.first(c, RegisterSql.MEMBER_BY_EMAIL, rs -> rs.getLong(1), normalisedEmail));
    }

    /** The member with this member number, in any state; for commands that name a member. */
    public Optional<Long> memberIdByNumber(String memberNumber) {
        return db.withConnection(c -> Bind.first(c, RegisterSql.MEMBER_BY_NUMBER, rs -> rs.getLong(1), memberNumber.strip()));
    }

    /** Every association's name by id (in name order): a few dozen rows; the one reader the other features are given. */
    public java.util.Map<Long, String> associationNames() {
        return db.withConnection(AssociationNames::read);
    }

    /** The register's named queries ({@code sql/register.sql}), prepared at start by the composition root. */
    public static se.utskick.db.NamedQueries queries() {
        return RegisterSql.QUERIES;
    }

    /** Registers a step that erases a feature's data about a member; runs in every later erasure. */
    public void addErasureStep(ErasureStep step) {
        erasure.add(step);
    }

    /** Erases the member with this number (GDPR art. 17); see {@link Erasure}. */
    public void erase(String memberNumber) {
        erasure.erase(memberNumber);
    }

    public RegisterSummary summary() {
        return db.withConnection(queries::summary);
    }

    /** Active members of the association named {@code association} (any case). */
    public List<MemberView> members(String association) {
        return db.withConnection(c -> queries.members(c, Optional.of(queries.associationId(c, association)), true, false));
    }

    /** Active members whose address is MISSING, INVALID or BOUNCED, of one association or all. */
    public List<MemberView> missingEmail(Optional<String> association) {
        return db.withConnection(c -> queries.members(c,
                association.isPresent() ? Optional.of(queries.associationId(c, association.get())) : Optional.empty(), true, true));
    }

    /** Every association with its count of active members whose address does not work, by reason. */
    public List<AddressProblems> addressProblems() {
        return db.withConnection(queries::addressProblems);
    }

    /** Writes the active members as a register export (configured columns, UTF-8, ';'); returns the count. */
    public int export(Path file) {
        return export(file, java.nio.charset.StandardCharsets.UTF_8, ';');
    }

    public int export(Path file, Charset encoding, char delimiter) {
        List<String[]> rows = db.withConnection(queries::exportRows);
        try (ExportWriter w = new ExportWriter(file, cfg, encoding, delimiter, false)) {
            rows.forEach(w::write);
        }
        log.info("register export: {} members written", rows.size());
        return rows.size();
    }
}
