package se.utskick.register;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The difference between some rows of a register export (one chunk, see {@link ImportChunks}) and the
 * stored members with those numbers, computed in memory: which members to insert and update, and
 * whose roles to replace. Who leaves is not its question ({@link Leavers}). Not thread-safe; one per chunk.
 *
 * <p>Address rule: a BOUNCED (or delivery-marked INVALID) address stays so while the export brings
 * the same normalised address; any other address replaces it with the export's verdict.
 */
final class ImportPlan {
    final List<MemberRecord> inserts = new ArrayList<>();
    /** Updates that leave the address columns alone (so a concurrent bounce mark survives). */
    final List<MemberRecord> updates = new ArrayList<>();
    /** Updates that also set the address, its status, reason and since (the export brought a new verdict). */
    final List<MemberRecord> addressUpdates = new ArrayList<>();
    /** Roles of new members by member number (ids are known only after the insert). */
    final Map<String, Set<RoleKey>> newRoles = new HashMap<>();
    /** Replacement roles of existing members by id. */
    final Map<Long, Set<RoleKey>> changedRoles = new HashMap<>();
    final List<String> changes = new ArrayList<>();
    int unchanged;
    int skippedErased;
    int missingEmail;
    int invalidEmail;

    private final boolean describe;

    private ImportPlan(boolean describe) {
        this.describe = describe;
    }

    /**
     * @param stored         the stored members among the rows' numbers, by number
     * @param storedRoles    their roles by member id
     * @param associationIds association ids by lower-case name (new associations included)
     * @param erased         true for a member number that was erased and must not come back
     */
    static ImportPlan of(List<ImportRow> rows, Map<String, MemberRecord> stored, Map<Long, Set<RoleKey>> storedRoles,
                         Map<String, Integer> associationIds, Predicate<String> erased,
                         boolean describe, LocalDateTime now) {
        ImportPlan plan = new ImportPlan(describe);
        for (ImportRow row : rows) {
            MemberRecord old = stored.get(row.number());
            if (old == null && erased.test(row.number())) {
                plan.skippedErased++;
                continue;
            }
            plan.count(row.email());
            Integer assoc = row.association() == null ? null : associationIds.get(row.association().toLowerCase(Locale.ROOT));
            Set<RoleKey> roles = roleKeys(row.roles(), assoc);
            if (old == null) {
                plan.add(row, assoc, roles, now);
            } else {
                plan.sync(old, row, assoc, roles, storedRoles.getOrDefault(old.id(), Set.of()), now);
            }
        }
        return plan;
    }

    int roleChanges() {
        return changedRoles.size() + (int) newRoles.values().stream().filter(r -> !r.isEmpty()).count();
    }

    private void add(ImportRow row, Integer assoc, Set<RoleKey> roles, LocalDateTime now) {
        EmailCheck e = row.email();
        inserts.add(new MemberRecord(0, row.number(), row.firstName(), row.lastName(), e.email(), e.raw(), e.status(),
                e.reason(), now, row.phone(), assoc, row.joined(), MemberStatus.ACTIVE, null));
        newRoles.put(row.number(), roles);
        if (describe) {
            changes.add("added   " + row.number() + " " + row.firstName() + " " + row.lastName()
                    + (row.association() == null ? "" : " (" + row.association() + ")")
                    + (roles.isEmpty() ? "" : ", roles: " + labels(roles)));
        }
    }

    private void sync(MemberRecord old, ImportRow row, Integer assoc, Set<RoleKey> roles, Set<RoleKey> oldRoles,
                      LocalDateTime now) {
        EmailCheck e = row.email();
        String email = e.email();
        EmailStatus status = e.status();
        String reason = e.reason();
        LocalDateTime since = now;
        boolean keepVerdict;
        boolean stickyMark = e.status() == EmailStatus.OK && old.emailStatus() != EmailStatus.OK
                && e.email().equals(old.email());
        keepVerdict = stickyMark || (status == old.emailStatus() && Objects.equals(email, old.email())
                && Objects.equals(reason, old.emailReason()));
        if (keepVerdict) {
            email = old.email();
            status = old.emailStatus();
            reason = old.emailReason();
            since = old.emailSince();
        }
        MemberRecord wanted = new MemberRecord(old.id(), row.number(), row.firstName(), row.lastName(), email, e.raw(),
                status, reason, since, row.phone(), assoc, row.joined(), MemberStatus.ACTIVE, null);
        boolean rolesChanged = !roles.equals(oldRoles);
        if (rolesChanged) {
            changedRoles.put(old.id(), roles);
        }
        if (!wanted.equals(old)) {
            (keepVerdict ? updates : addressUpdates).add(wanted);
            if (describe) {
                changes.add("updated " + row.number() + ": " + String.join(", ", differences(old, wanted)));
            }
        } else if (!rolesChanged) {
            unchanged++;
        }
        if (rolesChanged && describe) {
            changes.add("roles   " + row.number() + ": " + labels(oldRoles) + " -> " + labels(roles));
        }
    }

    private void count(EmailCheck e) {
        if (e.status() == EmailStatus.MISSING) {
            missingEmail++;
        } else if (e.status() == EmailStatus.INVALID) {
            invalidEmail++;
        }
    }

    private static Set<RoleKey> roleKeys(Set<RoleAssignment> roles, Integer assoc) {
        Set<RoleKey> keys = new HashSet<>();
        for (RoleAssignment r : roles) {
            keys.add(new RoleKey(r.role(), r.role().districtLevel() ? null : assoc, r.policyArea()));
        }
        return keys;
    }

    private static List<String> differences(MemberRecord a, MemberRecord b) {
        List<String> d = new ArrayList<>();
        if (!a.firstName().equals(b.firstName()) || !a.lastName().equals(b.lastName())) {
            d.add("name");
        }
        if (!Objects.equals(a.emailRaw(), b.emailRaw()) || a.emailStatus() != b.emailStatus()) {
            d.add("e-mail (" + b.emailStatus() + ")");
        }
        if (!Objects.equals(a.phone(), b.phone())) {
            d.add("phone");
        }
        if (!Objects.equals(a.associationId(), b.associationId())) {
            d.add("association");
        }
        if (!Objects.equals(a.joined(), b.joined())) {
            d.add("joined date");
        }
        if (a.status() != b.status()) {
            d.add("rejoined");
        }
        return d;
    }

    private static String labels(Set<RoleKey> roles) {
        return roles.isEmpty() ? "(none)" : RoleAssignment.formatColumn(
                roles.stream().map(r -> new RoleAssignment(r.role(), r.policyArea())).toList());
    }
}
