package se.utskick.associations;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import se.utskick.db.Database;

/**
 * The material bank: associations upload from their page (PROPOSED until the ombudsman approves),
 * the district adds its own from the staff pages (approved at once). An item is a Markdown text or
 * one file, whose type is taken from its bytes ({@link FileTypes}), at most
 * {@code associations.material.max-bytes}. Approved material is visible to every association; an
 * association sees its own in any state. Every change is audited. Thread-safe.
 */
public final class MaterialBank {
    private final Database db;
    private final MaterialStore store = new MaterialStore();
    private final AssociationsConfig config;
    private final AuditTrail audit;
    private final Clock clock;

    MaterialBank(Database db, AssociationsConfig config, AuditTrail audit, Clock clock) {
        this.db = db;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    /** What someone sends in: a text, or a file with the name it had (null when none was chosen). */
    public record Upload(String kind, String title, String markdown, String fileName, byte[] content) {
    }

    /** An association's upload through its page link: PROPOSED. */
    public long upload(PageAccess a, Upload u) {
        long id = store(a.associationId(), a.deliveryId(), u, "PROPOSED");
        audit.record(a.actor(), "material.upload", "material " + id, a.subject());
        return id;
    }

    /** The district's own material, added by staff: APPROVED. */
    public long addDistrict(String by, Upload u) {
        long id = store(null, null, u, "APPROVED");
        audit.record(by, "material.add", "material " + id, "the district's own");
        return id;
    }

    private long store(Long associationId, Long deliveryId, Upload u, String state) {
        MaterialKind kind = MaterialKind.parse(u.kind());
        String title = Inputs.line(u.title(), "title", 300);
        String text = Inputs.text(u.markdown(), "text", 200_000);
        boolean hasFile = u.content() != null && u.content().length > 0;
        if (hasFile == !text.isEmpty()) {
            throw hasFile ? PageException.field("file", "assoc.error.material.both", "both a text and a file")
                    : PageException.field("file", "assoc.error.material.none", "neither a text nor a file");
        }
        FileTypes type = null;
        String name = null;
        if (hasFile) {
            if (u.content().length > config.maxFileBytes()) {
                throw PageException.field("file", "assoc.error.file.large", "the file is too large", megabytes(config.maxFileBytes()));
            }
            name = Inputs.fileName(u.fileName());
            type = FileTypes.of(u.content()).orElseThrow(() -> PageException.field("file", "assoc.error.file.type",
                    "the file's content is none of the accepted types"));
        }
        FileTypes t = type;
        String n = name;
        return db.withConnection(c -> store.insert(c, associationId, deliveryId, kind, title, text.isEmpty() ? null : text, t,
                hasFile ? u.content() : null, n, state, clock.instant()));
    }

    static String megabytes(int bytes) {
        return bytes % (1024 * 1024) == 0 ? String.valueOf(bytes / (1024 * 1024)) : String.format(java.util.Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    public void approve(long id, String by) {
        decide(id, "APPROVED", null, by);
    }

    public void refuse(long id, String reason, String by) {
        decide(id, "REFUSED", Inputs.line(reason, "reason", 1000), by);
    }

    private void decide(long id, String state, String reason, String by) {
        if (!db.withConnection(c -> store.decide(c, id, state, reason, clock.instant(), by))) {
            throw PageException.wrongState("assoc.error.material.decided", "the material is not there or already decided");
        }
        audit.record(by, state.equals("APPROVED") ? "material.approve" : "material.refuse", "material " + id, "");
    }

    /** Approved material, optionally of one kind (null: all) and containing {@code text}. */
    public List<Material> search(String kind, String text) {
        MaterialKind k = kind == null || kind.isBlank() ? null : MaterialKind.parse(kind);
        return db.withConnection(c -> store.approved(c, k, text));
    }

    /**
     * What the letters' "new in the bank" section lists: material approved after {@code after}
     * (null: ever), newest first, at most {@code limit}. Static, on the database alone, because the
     * letters are wired before this feature (see Seams).
     */
    public static List<Material> approvedAfter(Database db, java.time.Instant after, int limit) {
        return db.withConnection(c -> new MaterialStore().approvedAfter(c, after, Math.max(0, limit)));
    }

    public List<Material> ofAssociation(long associationId) {
        return db.withConnection(c -> store.ofAssociation(c, associationId));
    }

    public List<Material> proposed() {
        return db.withConnection(store::proposed);
    }

    public Optional<Material> get(long id) {
        return db.withConnection(c -> store.get(c, id));
    }

    /** The file of {@code m} for a visitor: its bytes if it is approved or the visitor's association's own. */
    public Optional<byte[]> file(Material m, Long visitorAssociation) {
        boolean visible = m.state().equals("APPROVED") || (visitorAssociation != null && visitorAssociation.equals(m.associationId()));
        if (!visible || !m.hasFile()) {
            return Optional.empty();
        }
        return db.withConnection(c -> store.content(c, m.id()));
    }

    /** The file of {@code m} for staff, in any state. */
    public Optional<byte[]> staffFile(Material m) {
        return m.hasFile() ? db.withConnection(c -> store.content(c, m.id())) : Optional.empty();
    }

    /** Empties files older than the retention; the daily job calls it. */
    public int purge() {
        return db.withConnection(c -> store.purgeFiles(c, clock.instant().minus(config.fileRetention())));
    }
}
