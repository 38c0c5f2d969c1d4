package se.utskick.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one parameter-binding helper: binds values to a statement's {@code ?} in order
 * ({@code setObject}; {@code null} binds SQL NULL; an {@link java.time.Instant} binds as a
 * {@link java.sql.Timestamp}, an enum as its name) and runs named queries with it.
 */
public final class Bind {
    private Bind() {
    }

    /** Binds {@code params} to {@code ps} from the first {@code ?}; returns {@code ps}. */
    public static PreparedStatement bind(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, value(params.get(i)));
        }
        return ps;
    }

    /** Binds {@code params} to {@code ps} from the first {@code ?}; returns {@code ps}. */
    public static PreparedStatement bind(PreparedStatement ps, Object... params) throws SQLException {
        return bind(ps, java.util.Arrays.asList(params));
    }

    private static Object value(Object v) {
        if (v instanceof java.time.Instant i) {
            return java.sql.Timestamp.from(i);
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        return v;
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the rows changed. */
    public static int update(Connection c, Sql sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.text())) {
            return bind(ps, params).executeUpdate();
        }
    }

    /** Runs an INSERT of one row; returns its generated key. */
    public static long insert(Connection c, Sql sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.text(), java.sql.Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, params).executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Runs a query and maps each row. */
    public static <T> List<T> list(Connection c, Sql sql, RowMapper<T> row, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.text())) {
            try (ResultSet rs = bind(ps, params).executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        }
    }

    /** Runs a query and maps its first row, if any. */
    public static <T> Optional<T> first(Connection c, Sql sql, RowMapper<T> row, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.text())) {
            try (ResultSet rs = bind(ps, params).executeQuery()) {
                return rs.next() ? Optional.ofNullable(row.map(rs)) : Optional.empty();
            }
        }
    }

    /** One row of a result to a value. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }
}
