package se.utskick.register;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.utskick.Keyring;
import se.utskick.db.Database;

/**
 * The import, in two passes over the file so that neither the file nor its rows are held whole:
 * {@link ExportReader#check} checks every line first (a file with any bad line throws
 * {@link ImportException} before the database is touched); then one transaction resolves the
 * associations, finds who leaves ({@link Leavers}, refusing a mass leave before anything is
 * written), and reads the file again, diffing and writing a chunk of rows at a time
 * ({@link ImportChunks}). Anything that fails in the transaction, the file changing between the
 * passes included, rolls it all back: an import applies whole or not at all. A dry run writes nothing.
 *
 * <p>Memory: the file's member numbers (for duplicates and leavers), one chunk of rows, the leavers'
 * ids and, for a dry run, the change lines it reports; not the file, its rows or the stored register.
 *
 * <p>Concurrency: imports are serialised by a lock on the district row, held until the commit
 * (so across nodes too). Address marks
 * ({@link Register#markAddress}) may run during an import: the import rewrites the address columns
 * only of members whose address in the export differs from the stored one, so a bounce recorded
 * meanwhile for an unchanged address survives, and a mark arriving after a new address is refused
 * by its expected-address check.
 */
final class Importer {
    private static final Logger log = LoggerFactory.getLogger(Importer.class);

    private final Database db;
    private final RegisterConfig cfg;
    private final Keyring keyring;
    private final java.time.Clock clock;
    private final RegisterStore store = new RegisterStore();

    Importer(Database db, RegisterConfig cfg, Keyring keyring, java.time.Clock clock) {
        this.db = db;
        this.cfg = cfg;
        this.keyring = keyring;
        this.clock = clock;
    }

    ImportReport run(Path file, ImportOptions options) {
        long t0 = System.nanoTime();
        ExportReader reader = new ExportReader(cfg);
        ExportReader.Checked checked = reader.check(file, options);
        log.debug("register import: file read and checked in {} ms", (System.nanoTime() - t0) / 1_000_000);
        if (!options.dryRun()) {
            db.inTransaction(c -> {
                store.ensureDistrict(c, cfg.districtName());
                return null;
            });
        }
        ImportReport report = db.inTransaction(c -> apply(c, file, reader, checked, options));
        log.info("register import: {}", report.summary());
        return report;
    }

    private ImportReport apply(Connection c, Path file, ExportReader reader, ExportReader.Checked checked,
                               ImportOptions options) throws SQLException {
        boolean dry = options.dryRun();
        int districtId = dry ? 0 : store.lockDistrict(c);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        Set<String> erased = store.erasedHashes(c);
        Predicate<String> isErased = erased.isEmpty() ? n -> false
                : n -> erased.contains(HexFormat.of().formatHex(keyring.mac(Register.ERASURE_PURPOSE, n.getBytes(StandardCharsets.UTF_8))));
        Map<String, Integer> associationIds = new HashMap<>();
        int associationsAdded = associations(c, file, checked.associations, associationIds, districtId, dry);
        log.debug("register import: associations resolved");
        Set<String> numbers = checked.takeNumbers();
        Leavers leavers = options.partial() ? Leavers.none() : Leavers.find(c, numbers, dry);
        numbers = null;
        refuseMassLeave(leavers, checked, options);
        int leaverRoles = leavers.withRoles(c);
        log.debug("register import: {} of {} active members leave", leavers.count(), leavers.active);
        ImportChunks chunks = new ImportChunks(c, associationIds, isErased, dry, now);
        reader.rows(file, checked, options, chunks::add);
        chunks.flush();
        if (!dry) {
            leavers.write(c, now.toLocalDate());
        }
        log.debug("register import: diffed{}", dry ? "" : " and written");
        List<String> changes = chunks.changes;
        changes.addAll(leavers.changes);
        return new ImportReport(dry, checked.file.encoding(), checked.file.delimiter(), checked.lines,
                chunks.added, chunks.updated, leavers.count(), chunks.unchanged, chunks.roleChanges + leaverRoles,
                chunks.skippedErased, associationsAdded, chunks.missingEmail, chunks.invalidEmail, changes);
    }

    /**
     * Refuses a full import that would mark more than the configured share of the active members as
     * LEFT, unless confirmed; a dry run only reports. A confirmed empty file is refused earlier or
     * meant (its own confirmation covers it).
     */
    private void refuseMassLeave(Leavers leavers, ExportReader.Checked checked, ImportOptions options) {
        if (options.dryRun() || options.partial() || options.allowMassLeave()
                || checked.lines == 0 && options.allowEmpty()) {
            return;
        }
        int active = leavers.active;
        int left = leavers.count();
        if ((long) left * 100 > (long) active * cfg.maxLeavePercent()) {
            log.info("register import refused: {} of {} active members would leave (threshold {}%)", left, active,
                    cfg.maxLeavePercent());
            throw new MassLeaveException(left, active, cfg.maxLeavePercent());
        }
    }

    /** Resolves every association of the file to an id, adding new ones (placeholder ids in a dry run). */
    private int associations(Connection c, Path file, Map<String, ExportReader.AssociationSeen> seen,
                             Map<String, Integer> ids, int districtId, boolean dry) throws SQLException {
        Map<String, AssociationRecord> known = store.associations(c);
        List<LineError> errors = new ArrayList<>();
        int added = 0;
        for (var e : seen.entrySet()) {
            AssociationRecord a = known.get(e.getKey());
            Region region = e.getValue().region();
            if (a != null) {
                ids.put(e.getKey(), a.id());
                if (region != null && region != a.region() && !dry) {
                    store.updateAssociationRegion(c, a.id(), region);
                }
            } else if (region == null) {
                errors.add(new LineError(e.getValue().line(), cfg.header(Column.REGION), "the association '"
                        + e.getValue().name() + "' is new and no line gives its region; write "
                        + Region.NORTH.label() + " or " + Region.SOUTH.label()));
            } else {
                ids.put(e.getKey(), dry ? -(++added) : store.insertAssociation(c, districtId, e.getValue().name(), region));
                added += dry ? 0 : 1;
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportException(file, errors);
        }
        return added;
    }
}
