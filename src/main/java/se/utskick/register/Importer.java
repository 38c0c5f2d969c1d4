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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.utskick.Keyring;
import se.utskick.db.Database;

/**
 * The import: read and check the whole file, then in one transaction load the register, diff in
 * memory and write the differences in batches. A file with any bad line throws
 * {@link ImportException} before the database is touched. A dry run writes nothing.
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
    private final MemberTable members = new MemberTable();

    Importer(Database db, RegisterConfig cfg, Keyring keyring, java.time.Clock clock) {
        this.db = db;
        this.cfg = cfg;
        this.keyring = keyring;
        this.clock = clock;
    }

    ImportReport run(Path file, ImportOptions options) {
        long t0 = System.nanoTime();
        ExportReader.Parsed parsed = new ExportReader(cfg).read(file, options);
        log.debug("register import: file read and checked in {} ms", (System.nanoTime() - t0) / 1_000_000);
        if (!options.dryRun()) {
            db.inTransaction(c -> {
                store.ensureDistrict(c, cfg.districtName());
                return null;
            });
        }
        ImportReport report = db.inTransaction(c -> apply(c, file, parsed, options));
        log.info("register import: {}", report.summary());
        return report;
    }

    private ImportReport apply(Connection c, Path file, ExportReader.Parsed parsed, ImportOptions options) throws SQLException {
        boolean dry = options.dryRun();
        int districtId = dry ? 0 : store.lockDistrict(c);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        Map<String, MemberRecord> stored = members.load(c);
        log.debug("register import: members loaded");
        Map<Long, Set<RoleKey>> storedRoles = store.roles(c);
        Set<String> erased = store.erasedHashes(c);
        log.debug("register import: state loaded ({} members)", stored.size());
        Predicate<String> isErased = erased.isEmpty() ? n -> false
                : n -> erased.contains(HexFormat.of().formatHex(keyring.mac(Register.ERASURE_PURPOSE, n.getBytes(StandardCharsets.UTF_8))));
        Map<String, Integer> associationIds = new HashMap<>();
        int associationsAdded = associations(c, file, parsed.rows(), associationIds, districtId, dry);
        log.debug("register import: associations resolved");
        ImportPlan plan = ImportPlan.of(parsed.rows(), stored, storedRoles, associationIds, isErased, options.partial(), dry, now);
        log.debug("register import: planned {} inserts, {} updates", plan.inserts.size(), plan.updates.size());
        refuseMassLeave(stored, plan, parsed, options);
        if (!dry) {
            write(c, plan);
            log.debug("register import: written");
        }
        return new ImportReport(dry, parsed.file().encoding(), parsed.file().delimiter(), parsed.rows().size(),
                plan.inserts.size(), plan.updates.size() + plan.addressUpdates.size() - plan.left, plan.left, plan.unchanged, plan.roleChanges(),
                plan.skippedErased, associationsAdded, plan.missingEmail, plan.invalidEmail, plan.changes);
    }

    /**
     * Refuses a full import that would mark more than the configured share of the active members as
     * LEFT, unless confirmed; a dry run only reports. A confirmed empty file is refused earlier or
     * meant (its own confirmation covers it).
     */
    private void refuseMassLeave(Map<String, MemberRecord> stored, ImportPlan plan, ExportReader.Parsed parsed,
                                 ImportOptions options) {
        if (options.dryRun() || options.partial() || options.allowMassLeave()
                || parsed.rows().isEmpty() && options.allowEmpty()) {
            return;
        }
        int active = (int) stored.values().stream().filter(m -> m.status() == MemberStatus.ACTIVE).count();
        if ((long) plan.left * 100 > (long) active * cfg.maxLeavePercent()) {
            log.info("register import refused: {} of {} active members would leave (threshold {}%)", plan.left, active,
                    cfg.maxLeavePercent());
            throw new MassLeaveException(plan.left, active, cfg.maxLeavePercent());
        }
    }

    /** Resolves every association of the file to an id, adding new ones (placeholder ids in a dry run). */
    private int associations(Connection c, Path file, List<ImportRow> rows, Map<String, Integer> ids, int districtId,
                             boolean dry) throws SQLException {
        Map<String, AssociationRecord> known = store.associations(c);
        Map<String, ImportRow> firstLine = new LinkedHashMap<>();
        Map<String, Region> regions = new HashMap<>();
        for (ImportRow row : rows) {
            if (row.association() != null) {
                String key = row.association().toLowerCase(Locale.ROOT);
                firstLine.putIfAbsent(key, row);
                if (row.region() != null) {
                    regions.putIfAbsent(key, row.region());
                }
            }
        }
        List<LineError> errors = new ArrayList<>();
        int added = 0;
        for (var e : firstLine.entrySet()) {
            AssociationRecord a = known.get(e.getKey());
            Region region = regions.get(e.getKey());
            if (a != null) {
                ids.put(e.getKey(), a.id());
                if (region != null && region != a.region() && !dry) {
                    store.updateAssociationRegion(c, a.id(), region);
                }
            } else if (region == null) {
                errors.add(new LineError(e.getValue().line(), cfg.header(Column.REGION), "the association '"
                        + e.getValue().association() + "' is new and no line gives its region; write "
                        + Region.NORTH.label() + " or " + Region.SOUTH.label()));
            } else {
                ids.put(e.getKey(), dry ? -(++added) : store.insertAssociation(c, districtId, e.getValue().association(), region));
                added += dry ? 0 : 1;
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportException(file, errors);
        }
        return added;
    }

    private void write(Connection c, ImportPlan plan) throws SQLException {
        long before = store.maxMemberId(c);
        members.insert(c, plan.inserts);
        log.debug("register import: inserted");
        members.update(c, plan.updates, false);
        members.update(c, plan.addressUpdates, true);
        Map<Long, Set<RoleKey>> roles = new HashMap<>(plan.changedRoles);
        if (!plan.inserts.isEmpty()) {
            Map<String, Long> ids = store.idsAfter(c, before);
            plan.newRoles.forEach((number, r) -> {
                if (!r.isEmpty()) {
                    roles.put(ids.get(number), r);
                }
            });
        }
        store.replaceRoles(c, roles);
    }
}
