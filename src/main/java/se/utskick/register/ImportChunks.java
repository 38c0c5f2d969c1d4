package se.utskick.register;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The import's second pass, a chunk of {@value #SIZE} rows at a time: loads the stored members of
 * the chunk's numbers and their roles, diffs them ({@link ImportPlan}, leaving out who left: see
 * {@link Leavers}), writes the difference (unless a dry run) and adds up the counts. Only one chunk
 * is held at a time, so memory does not grow with the file. Runs on the caller's connection and
 * transaction; one per import, not thread-safe.
 */
final class ImportChunks {
    static final int SIZE = 1_000;

    private final Connection c;
    private final Map<String, Integer> associationIds;
    private final Predicate<String> erased;
    private final boolean dry;
    private final LocalDateTime now;
    private final MemberTable members = new MemberTable();
    private final RegisterStore store = new RegisterStore();
    private final List<ImportRow> rows = new ArrayList<>(SIZE);
    final List<String> changes = new ArrayList<>();
    int added;
    int updated;
    int unchanged;
    int roleChanges;
    int skippedErased;
    int missingEmail;
    int invalidEmail;

    ImportChunks(Connection c, Map<String, Integer> associationIds, Predicate<String> erased, boolean dry, LocalDateTime now) {
        this.c = c;
        this.associationIds = associationIds;
        this.erased = erased;
        this.dry = dry;
        this.now = now;
    }

    void add(ImportRow row) throws SQLException {
        rows.add(row);
        if (rows.size() == SIZE) {
            flush();
        }
    }

    /** Diffs and writes the rows held; call once more after the last row. */
    void flush() throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, MemberRecord> stored = members.load(c, rows.stream().map(ImportRow::number).toList());
        Map<Long, Set<RoleKey>> storedRoles = store.roles(c, stored.values().stream().map(MemberRecord::id).toList());
        ImportPlan plan = ImportPlan.of(rows, stored, storedRoles, associationIds, erased, dry, now);
        rows.clear();
        added += plan.inserts.size();
        updated += plan.updates.size() + plan.addressUpdates.size();
        unchanged += plan.unchanged;
        roleChanges += plan.roleChanges();
        skippedErased += plan.skippedErased;
        missingEmail += plan.missingEmail;
        invalidEmail += plan.invalidEmail;
        changes.addAll(plan.changes);
        if (!dry) {
            write(plan);
        }
    }

    private void write(ImportPlan plan) throws SQLException {
        long before = plan.inserts.isEmpty() ? 0 : store.maxMemberId(c);
        members.insert(c, plan.inserts);
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
