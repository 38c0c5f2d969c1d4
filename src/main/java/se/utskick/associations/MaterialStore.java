package se.utskick.associations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of the material bank: table {@code material} (V18). */
final class MaterialStore {
    private static final String COLUMNS = "SELECT m.id, m.association_id, a.name, m.kind, m.title, m.body_md, m.content_type,"
            + " m.size_bytes, m.state, m.refusal_reason, m.created_at FROM material m LEFT JOIN association a ON a.id = m.association_id ";

    long insert(Connection c, Long associationId, Long deliveryId, MaterialKind kind, String title, String markdown,
                FileTypes type, byte[] content, String fileName, String state, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO material (association_id, delivery_id, kind, title, body_md,"
                + " file_name, content_type, content, size_bytes, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                PreparedStatement.RETURN_GENERATED_KEYS)) {
            PageStore.setLong(ps, 1, associationId);
            PageStore.setLong(ps, 2, deliveryId);
            ps.setString(3, kind.name());
            ps.setString(4, title);
            ps.setString(5, markdown);
            ps.setString(6, fileName);
            ps.setString(7, type == null ? null : type.contentType());
            ps.setBytes(8, content);
            ps.setInt(9, content == null ? 0 : content.length);
            ps.setString(10, state);
            ps.setTimestamp(11, Timestamp.from(now));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    boolean decide(Connection c, long id, String state, String reason, Instant at, String by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE material SET state = ?, refusal_reason = ?, decided_at = ?, decided_by = ?"
                + " WHERE id = ? AND state = 'PROPOSED'")) {
            ps.setString(1, state);
            ps.setString(2, reason);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setString(4, by);
            ps.setLong(5, id);
            return ps.executeUpdate() == 1;
        }
    }

    Optional<Material> get(Connection c, long id) throws SQLException {
        return query(c, COLUMNS + "WHERE m.id = ?", List.of(id)).stream().findFirst();
    }

    /** APPROVED material, newest first, optionally of one kind and containing {@code text} in title or body. */
    List<Material> approved(Connection c, MaterialKind kind, String text) throws SQLException {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(COLUMNS).append("WHERE m.state = 'APPROVED'");
        if (kind != null) {
            sql.append(" AND m.kind = ?");
            params.add(kind.name());
        }
        if (text != null && !text.isBlank()) {
            sql.append(" AND (m.title LIKE ? OR m.body_md LIKE ?)");
            String like = "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
        }
        sql.append(" ORDER BY m.created_at DESC, m.id DESC LIMIT 200");
        return query(c, sql.toString(), params);
    }

    /** APPROVED material decided after {@code after} (null: any time), newest first; the district's own counts from its creation. */
    List<Material> approvedAfter(Connection c, Instant after, int limit) throws SQLException {
        String when = "COALESCE(m.decided_at, m.created_at)";
        return after == null
                ? query(c, COLUMNS + "WHERE m.state = 'APPROVED' ORDER BY " + when + " DESC, m.id DESC LIMIT " + limit, List.of())
                : query(c, COLUMNS + "WHERE m.state = 'APPROVED' AND " + when + " > ? ORDER BY " + when + " DESC, m.id DESC LIMIT " + limit,
                        List.of(Timestamp.from(after)));
    }

    List<Material> ofAssociation(Connection c, long associationId) throws SQLException {
        return query(c, COLUMNS + "WHERE m.association_id = ? ORDER BY m.id DESC LIMIT 200", List.of(associationId));
    }

    List<Material> proposed(Connection c) throws SQLException {
        return query(c, COLUMNS + "WHERE m.state = 'PROPOSED' ORDER BY m.id", List.of());
    }

    /** The stored bytes of a file, if it still has them. */
    Optional<byte[]> content(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT content FROM material WHERE id = ? AND content IS NOT NULL")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** Empties the files of material created before {@code cutoff} (title and text stay). */
    int purgeFiles(Connection c, Instant cutoff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE material SET content = NULL, size_bytes = 0"
                + " WHERE content IS NOT NULL AND created_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            return ps.executeUpdate();
        }
    }

    private List<Material> query(Connection c, String sql, List<?> params) throws SQLException {
        List<Material> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Material(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3),
                            MaterialKind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                            rs.getString(9), rs.getString(10), rs.getTimestamp(11).toInstant()));
                }
            }
        }
        return out;
    }
}
