package se.utskick.audience;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import se.utskick.db.Bind;
import se.utskick.db.Database;
import se.utskick.delivery.RecipientSource.Query;

/**
 * The audience service: named lists (built-in and saved) and the resolution of rules against the
 * register. Every resolution is one SQL statement over the whole register; nothing loops over
 * members in Java except the consumer of {@link #forEachRecipient}. Thread-safe.
 */
public final class Audiences {
    /** The audience feature's named queries ({@code sql/audience.sql}), prepared at start by the composition root. */
    public static se.utskick.db.NamedQueries queries() {
        return AudienceQueries.QUERIES;
    }

    private static final Pattern LIST_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final Database db;
    private final MailingListRepository lists;

    public Audiences(Database db) {
        this.db = db;
        this.lists = new MailingListRepository(db);
    }

    /** Saves a named list. Names are lower case letters, digits and dashes, and not a built-in name. */
    public NamedList create(String name, String description, Rule rule) {
        if (name == null || !LIST_NAME.matcher(name).matches()) {
            throw new AudienceException("list name '" + name + "' must be lower-case letters, digits and dashes (e.g. feminism-leads)");
        }
        if (BuiltInList.named(name).isPresent()) {
            throw new AudienceException("'" + name + "' is a built-in list; choose another name");
        }
        lists.insert(name, description == null ? "" : description, rule);
        return new NamedList(name, description == null ? "" : description, rule, false);
    }

    /** A built-in or saved list by name. */
    public NamedList list(String name) {
        Optional<BuiltInList> b = BuiltInList.named(name);
        if (b.isPresent()) {
            return new NamedList(b.get().listName(), b.get().description(), b.get().rule(), true);
        }
        return lists.find(name).orElseThrow(() -> new AudienceException("no list named '" + name
                + "'; see 'utskick lists show' for the lists there are"));
    }

    /** The built-in lists, then the saved ones by name. */
    public List<NamedList> lists() {
        List<NamedList> out = new ArrayList<>();
        for (BuiltInList b : BuiltInList.values()) {
            out.add(new NamedList(b.listName(), b.description(), b.rule(), true));
        }
        out.addAll(lists.all());
        return out;
    }

    /** Association ids for names as typed; an unknown name is an error naming it. */
    public List<Integer> associationIds(Collection<String> names) {
        return names.stream().map(n -> lists.associationId(n).orElseThrow(() -> new AudienceException(
                "unknown association '" + n.strip() + "'; give the name exactly as in the register"))).toList();
    }

    /** The rule in words, with association names: for {@code lists show} and {@code letter show}. */
    public String describe(Rule rule) {
        StringBuilder b = new StringBuilder(rule.roles().isEmpty() ? "alla medlemmar" : "roller " + lower(rule.roles()));
        if (!rule.associationIds().isEmpty()) {
            b.append(" i ").append(String.join(", ", rule.associationIds().stream().map(lists::associationName).toList()));
        }
        if (!rule.regions().isEmpty()) {
            b.append(" i region ").append(lower(rule.regions()));
        }
        if (!rule.excludeRoles().isEmpty()) {
            b.append(", utom roller ").append(lower(rule.excludeRoles()));
        }
        if (!rule.excludeAssociationIds().isEmpty()) {
            b.append(", utom ").append(String.join(", ", rule.excludeAssociationIds().stream().map(lists::associationName).toList()));
        }
        return b.toString();
    }

    /** The SELECT of the recipients (see {@link se.utskick.delivery.RecipientSource}). */
    public Query recipients(Rule rule, boolean membersLetter) {
        return AudienceSql.recipients(rule, membersLetter);
    }

    /** Counts recipients and left-out people by reason, in one statement. */
    public Resolution resolve(Rule rule, boolean membersLetter) {
        Query q = AudienceSql.reasons(rule, membersLetter);
        return db.withConnection(c -> {
            int included = 0;
            Map<LeftOut, Integer> left = new EnumMap<>(LeftOut.class);
            try (PreparedStatement ps = prepared(c, q); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String reason = rs.getString(1);
                    if (reason.equals("INCLUDED")) {
                        included = rs.getInt(2);
                    } else {
                        left.put(LeftOut.valueOf(reason), rs.getInt(2));
                    }
                }
            }
            return new Resolution(included, left);
        });
    }

    /** Up to {@code limit} of the people the rule matches but leaves out, with the reason: for {@code lists preview}. */
    public List<LeftOutPerson> leftOut(Rule rule, boolean membersLetter, int limit) {
        Query q = AudienceSql.leftOut(rule, membersLetter, Math.max(0, limit));
        return db.withConnection(c -> {
            List<LeftOutPerson> out = new ArrayList<>();
            try (PreparedStatement ps = prepared(c, q); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new LeftOutPerson(rs.getString(1), rs.getString(2), rs.getString(3), LeftOut.valueOf(rs.getString(4))));
                }
            }
            return out;
        });
    }

    /** One person left out of an audience, and why. */
    public record LeftOutPerson(String memberNumber, String firstName, String lastName, LeftOut reason) {
    }

    /** Streams every recipient to {@code each}, in member order, on one connection. */
    public void forEachRecipient(Rule rule, boolean membersLetter, Consumer<AudienceMember> each) {
        Query base = AudienceSql.recipients(rule, membersLetter);
        streamed(new Query("SELECT * FROM (" + base.sql() + ") x ORDER BY member_id", base.params()), each);
    }

    /** The recipient with the lowest member id, if any: for previews. */
    public Optional<AudienceMember> first(Rule rule, boolean membersLetter) {
        return firstRecipients(rule, membersLetter, 1).stream().findFirst();
    }

    /** The first {@code limit} recipients by member id: for a list's page. */
    public List<AudienceMember> firstRecipients(Rule rule, boolean membersLetter, int limit) {
        Query base = AudienceSql.recipients(rule, membersLetter);
        List<AudienceMember> found = new ArrayList<>();
        streamed(new Query("SELECT * FROM (" + base.sql() + ") x ORDER BY member_id LIMIT " + Math.max(0, limit), base.params()), found::add);
        return found;
    }

    /**
     * Up to {@code limit} recipients whose name contains {@code text} (any case, first name, last name
     * or both), by last and first name: for choosing whom to preview a letter as.
     */
    public List<NamedRecipient> recipientsNamed(Rule rule, boolean membersLetter, String text, int limit) {
        Query base = AudienceSql.recipients(rule, membersLetter);
        List<Object> params = new ArrayList<>(base.params());
        String like = "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        params.add(like);
        String sql = "SELECT m.member_number, x.first_name, x.last_name FROM (" + base.sql() + ") x JOIN member m ON m.id = x.member_id "
                + "WHERE CONCAT(x.first_name, ' ', x.last_name) LIKE ? ORDER BY x.last_name, x.first_name LIMIT " + Math.max(0, limit);
        return db.withConnection(c -> {
            List<NamedRecipient> out = new ArrayList<>();
            try (PreparedStatement ps = prepared(c, new Query(sql, params)); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new NamedRecipient(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        });
    }

    /** A recipient found by name. */
    public record NamedRecipient(String memberNumber, String firstName, String lastName) {
    }

    /** The recipient with this member number, if the rule reaches them. */
    public Optional<AudienceMember> recipient(Rule rule, boolean membersLetter, String memberNumber) {
        Query base = AudienceSql.recipients(rule, membersLetter);
        List<Object> params = new ArrayList<>(base.params());
        params.add(memberNumber);
        List<AudienceMember> found = new ArrayList<>();
        streamed(new Query("SELECT * FROM (" + base.sql() + ") x WHERE member_id = (SELECT id FROM member WHERE member_number = ?)",
                params), found::add);
        return found.stream().findFirst();
    }

    private void streamed(Query q, Consumer<AudienceMember> each) {
        db.withConnection(c -> {
            try (PreparedStatement ps = prepared(c, q)) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long assoc = rs.getLong(5);
                        each.accept(new AudienceMember(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.wasNull() ? null : assoc));
                    }
                }
            }
            return null;
        });
    }

    private static PreparedStatement prepared(java.sql.Connection c, Query q) throws java.sql.SQLException {
        return Bind.bind(c.prepareStatement(q.sql()), q.params());
    }

    private static String lower(Collection<String> names) {
        return String.join(", ", names.stream().map(n -> n.toLowerCase(java.util.Locale.ROOT).replace('_', '-')).toList());
    }
}
