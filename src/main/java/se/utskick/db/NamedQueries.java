package se.utskick.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A feature's SQL in one place: the resource {@code sql/<feature>.sql}, a list of blocks each
 * opened by a line {@code -- name: feature.query} and holding one statement with {@code ?}
 * parameters. Other lines starting with {@code --} are comments. A block may use
 * {@code {{fragment}}} for a rule another feature owns (for example the register's
 * {@code usable}, see {@code register.AddressRule}), filled in from the map given at load; a
 * fragment not given is an error at load.
 *
 * <p>Each feature keeps its set in one small package-private class and hands it to the composition
 * root, which prepares every query against the database server before anything runs
 * ({@link #prepareAll}). Immutable and thread-safe once loaded.
 */
public final class NamedQueries {
    private static final Pattern NAME = Pattern.compile("^--\\s*name:\\s*([a-z][a-z0-9_]*\\.[a-z][a-z0-9_.]*)\\s*$");
    private static final Pattern FRAGMENT = Pattern.compile("\\{\\{([a-z_.]+)}}");
    private final String feature;
    private final Map<String, Sql> queries;

    private NamedQueries(String feature, Map<String, Sql> queries) {
        this.feature = feature;
        this.queries = queries;
    }

    /** Loads {@code sql/<feature>.sql} from the class path, with these fragments. */
    public static NamedQueries load(String feature, Map<String, String> fragments) {
        String resource = "sql/" + feature + ".sql";
        try (InputStream in = NamedQueries.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new DatabaseException("the named queries " + resource + " are not on the class path");
            }
            return parse(feature, new String(in.readAllBytes(), StandardCharsets.UTF_8), fragments);
        } catch (IOException e) {
            throw new DatabaseException("cannot read the named queries " + resource + ": " + e.getMessage(), e);
        }
    }

    /** Parses the text of a feature's file (see the class comment); every name must start with {@code feature.}. */
    public static NamedQueries parse(String feature, String text, Map<String, String> fragments) {
        Map<String, StringBuilder> blocks = new LinkedHashMap<>();
        StringBuilder current = null;
        for (String line : text.split("\n", -1)) {
            Matcher m = NAME.matcher(line.strip());
            if (m.matches()) {
                String name = m.group(1);
                if (!name.startsWith(feature + ".") || blocks.containsKey(name)) {
                    throw new DatabaseException("named query '" + name + "' in sql/" + feature + ".sql: "
                            + (blocks.containsKey(name) ? "written twice" : "must be named " + feature + ".something"));
                }
                current = new StringBuilder();
                blocks.put(name, current);
            } else if (!line.strip().startsWith("--") && !line.isBlank() && current != null) {
                current.append(current.isEmpty() ? "" : " ").append(line.strip());
            } else if (!line.strip().startsWith("--") && !line.isBlank()) {
                throw new DatabaseException("sql/" + feature + ".sql: SQL before the first '-- name:' line");
            }
        }
        Map<String, Sql> out = new LinkedHashMap<>();
        blocks.forEach((name, sql) -> out.put(name, new Sql(name, fill(name, strip(sql.toString()), fragments))));
        return new NamedQueries(feature, Map.copyOf(out));
    }

    private static String strip(String sql) {
        return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
    }

    private static String fill(String name, String sql, Map<String, String> fragments) {
        Matcher m = FRAGMENT.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String f = fragments.get(m.group(1));
            if (f == null) {
                throw new DatabaseException("named query '" + name + "' uses the fragment {{" + m.group(1) + "}}, which was not given");
            }
            m.appendReplacement(out, Matcher.quoteReplacement("(" + f + ")"));
        }
        return m.appendTail(out).toString();
    }

    /** The query of this name; an unknown name is a programming error, reported with the feature's file. */
    public Sql get(String name) {
        Sql sql = queries.get(name);
        if (sql == null) {
            throw new DatabaseException("no named query '" + name + "' in sql/" + feature + ".sql");
        }
        return sql;
    }

    public String feature() {
        return feature;
    }

    public Collection<Sql> all() {
        return queries.values();
    }

    /**
     * Prepares every query of {@code sets} on the database server ({@code PREPARE … FROM} then
     * {@code DEALLOCATE PREPARE}: the server parses the statement and resolves its tables and
     * columns, whatever the driver's client-side settings), without running any.
     *
     * @throws DatabaseException naming the first query that does not prepare, with the server's message
     */
    public static void prepareAll(Database db, Collection<NamedQueries> sets) {
        db.withConnection(c -> {
            try {
                for (NamedQueries set : sets) {
                    for (Sql q : set.all()) {
                        prepare(c, q);
                    }
                }
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("SET @utskick_check = NULL"); // the pooled connection keeps no statement text
                }
            }
            return null;
        });
    }

    private static void prepare(Connection c, Sql q) throws SQLException {
        try (PreparedStatement set = c.prepareStatement("SET @utskick_check = ?")) {
            set.setString(1, q.text());
            set.executeUpdate();
        }
        try (Statement s = c.createStatement()) {
            s.execute("PREPARE utskick_check FROM @utskick_check");
            s.execute("DEALLOCATE PREPARE utskick_check");
        } catch (SQLException e) {
            throw new DatabaseException("named query '" + q.name() + "' (sql/" + q.name().substring(0, q.name().indexOf('.'))
                    + ".sql) does not prepare on the database: " + e.getMessage(), e);
        }
    }
}
