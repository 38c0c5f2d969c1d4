package se.utskick.audience;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import se.utskick.db.Bind;
import se.utskick.db.Database;

/**
 * Creating, changing and deleting saved lists from a form. Each change is one transaction that
 * also writes its audit row ({@code list.create}, {@code list.update}, {@code list.delete}, subject
 * {@code list <id>}, detail the rule's codes, never member data), with the actor passed in; so the
 * change and its row are committed or rolled back together. A refusal is an
 * {@link InvalidListField} naming the field; nothing is then written. Thread-safe.
 *
 * <p>Names: 1-60 characters, letters (å, ä, ö too), digits, spaces, dashes and dots, starting
 * with a letter or digit, not a built-in list's name, unique regardless of case.
 */
public final class SavedLists {
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} .-]{0,59}");
    private final Database db;
    private final ListAudit audit;

    public SavedLists(Database db, ListAudit audit) {
        this.db = db;
        this.audit = audit;
    }

    /** What a list form holds; roles and regions as the register's codes, the policy areas as typed. */
    public record ListForm(String name, String description, Collection<String> roles, Collection<String> policyAreas,
                           Collection<String> regions, Collection<Integer> associationIds) {
    }

    /** Checks the form and builds its rule without saving (for a preview). */
    public Rule rule(ListForm f) {
        List<String> roles = new ArrayList<>();
        for (String r : f.roles()) {
            if (!Rule.KNOWN_ROLES.contains(r)) {
                throw new InvalidListField("roles", "error.list.role", "unknown role '" + r + "'", r);
            }
            roles.add(r);
        }
        for (String a : f.policyAreas()) {
            if (a == null || a.isBlank()) {
                continue;
            }
            try {
                roles.add(Rule.policyLead(a));
            } catch (AudienceException e) {
                throw new InvalidListField("area", "error.list.area", e.getMessage(), a);
            }
        }
        for (String r : f.regions()) {
            if (!Rule.KNOWN_REGIONS.contains(r)) {
                throw new InvalidListField("regions", "error.list.region", "unknown region '" + r + "'", r);
            }
        }
        for (Integer id : f.associationIds()) {
            if (!associationExists(id)) {
                throw new InvalidListField("associations", "error.list.association", "unknown association " + id, String.valueOf(id));
            }
        }
        return new Rule(java.util.Set.copyOf(roles), java.util.Set.copyOf(f.associationIds()), java.util.Set.copyOf(f.regions()),
                java.util.Set.of(), java.util.Set.of());
    }

    /** Saves a new list and its audit row in one transaction. */
    public NamedList create(String actor, ListForm f) {
        String name = name(f.name());
        String description = description(f.description());
        Rule rule = rule(f);
        return db.inTransaction(c -> {
            if (idOf(c, name).isPresent()) {
                throw taken(name);
            }
            long id;
            try {
                id = Bind.insert(c, AudienceQueries.LIST_INSERT, name, description, rule.format());
            } catch (java.sql.SQLIntegrityConstraintViolationException e) {
                throw taken(name);
            }
            audit.record(c, actor, "list.create", "list " + id, rule.format());
            return new NamedList(name, description, rule, false);
        });
    }

    /** Replaces a saved list's name, description and rule, with its audit row, in one transaction. */
    public NamedList update(String actor, String currentName, ListForm f) {
        String name = name(f.name());
        String description = description(f.description());
        Rule rule = rule(f);
        return db.inTransaction(c -> {
            long id = idOf(c, currentName).orElseThrow(() -> new ListNotFound(currentName));
            Optional<Long> other = idOf(c, name);
            if (other.isPresent() && other.get() != id) {
                throw taken(name);
            }
            Bind.update(c, AudienceQueries.LIST_UPDATE, name, description, rule.format(), id);
            audit.record(c, actor, "list.update", "list " + id, rule.format());
            return new NamedList(name, description, rule, false);
        });
    }

    /** Deletes a saved list (letters keep their copy of the rule), with its audit row, in one transaction. */
    public void delete(String actor, String name) {
        db.inTransaction(c -> {
            long id = idOf(c, name).orElseThrow(() -> new ListNotFound(name));
            Bind.update(c, AudienceQueries.LIST_DELETE, id);
            audit.record(c, actor, "list.delete", "list " + id, "");
            return null;
        });
    }

    /** The policy areas the register's policy leads hold, sorted: for the area picker. */
    public List<String> policyAreas() {
        return db.withConnection(c -> {
            return Bind.list(c, AudienceQueries.POLICY_AREAS, rs -> rs.getString(1));
        });
    }

    private static String name(String typed) {
        String n = typed == null ? "" : typed.strip().replaceAll("\\s+", " ");
        if (n.isEmpty()) {
            throw new InvalidListField("name", "error.list.name.empty", "a list needs a name");
        }
        if (!NAME.matcher(n).matches()) {
            throw new InvalidListField("name", "error.list.name.bad", "the list name '" + n + "' may hold letters, digits,"
                    + " spaces, '.' and '-' (at most 60)", n);
        }
        if (BuiltInList.named(n).isPresent()) {
            throw new InvalidListField("name", "error.list.name.builtin", "'" + n + "' is a built-in list", n);
        }
        return n;
    }

    private static String description(String typed) {
        String d = typed == null ? "" : typed.strip();
        if (d.length() > 500) {
            throw new InvalidListField("description", "error.list.description", "the description is longer than 500 characters");
        }
        return d;
    }

    private static InvalidListField taken(String name) {
        return new InvalidListField("name", "error.list.name.taken", "a list named '" + name + "' already exists", name);
    }

    private static Optional<Long> idOf(Connection c, String name) throws SQLException {
        return Bind.first(c, AudienceQueries.LIST_ID_LOCKED, rs -> rs.getLong(1), name == null ? "" : name);
    }

    private boolean associationExists(int id) {
        return db.withConnection(c -> {
            return Bind.first(c, AudienceQueries.ASSOCIATION_EXISTS, rs -> true, id).isPresent();
        });
    }
}
