package se.utskick.register;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.utskick.UtskickException;
import se.utskick.db.Database;

/**
 * Everything Utskick holds about one member, as JSON, for an access request (GDPR art. 15): the
 * register row with the association's name, the roles, and every row of every table that names the
 * member's id ({@link #MEMBER_TABLES}: deliveries, replies, bounce scores, reminder recipients,
 * recorded files), replies from their address that were never matched to them, and the audit rows
 * whose subject is the member. Rows are written whole ({@code SELECT *}), so a column added later is
 * exported without a change here; a test checks that every table with a {@code member_id} column is
 * listed. Read in one transaction (a consistent snapshot). Stateless apart from its collaborators.
 */
final class MemberExport {
    /** Every table with a {@code member_id} column, and the name of its section in the export. */
    static final Map<String, String> MEMBER_TABLES = Map.of(
            "delivery", "deliveries",
            "inbound_message", "replies",
            "bounce_score", "bounce_scores",
            "reminder_recipient", "reminder_recipients",
            "member_file", "files_naming_the_member",
            "member_role", "roles");

    private final Database db;
    private final Clock clock;

    MemberExport(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    String json(String memberNumber) {
        return db.inTransaction(c -> {
            List<Map<String, Object>> member = rows(c, "SELECT m.*, a.name AS association_name, a.region AS association_region"
                    + " FROM member m LEFT JOIN association a ON a.id = m.association_id WHERE m.member_number = ?", memberNumber.strip());
            if (member.isEmpty()) {
                throw new UtskickException("no member has that member number; check it with: register members --association NAME"
                        + " (an erased member has nothing left to export)");
            }
            long id = ((Number) member.get(0).get("id")).longValue();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("exported_at", clock.instant().toString());
            out.put("about", "Everything Utskick holds about this member (GDPR art. 15): the register row, then every row"
                    + " that names the member's id, replies from their address, and the audit log's rows about them.");
            out.put("member", member.get(0));
            for (var e : new java.util.TreeMap<>(MEMBER_TABLES).entrySet()) {
                out.put(e.getValue(), rows(c, "SELECT * FROM " + e.getKey() + " WHERE member_id = ?", id));
            }
            Object email = member.get(0).get("email");
            out.put("unmatched_replies_from_their_address", email == null ? List.of() : rows(c, "SELECT * FROM inbound_message"
                    + " WHERE member_id IS NULL AND (bounce_recipient = ? OR sender LIKE ? ESCAPE '!')", email,
                    "%" + email.toString().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%"));
            out.put("audit", rows(c, "SELECT * FROM audit_log WHERE subject = ? ORDER BY id", "member " + id));
            return Json.write(out);
        });
    }

    private static List<Map<String, Object>> rows(Connection c, String sql, Object... params) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            try (ResultSet rs = se.utskick.db.Bind.bind(ps, params).executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnLabel(i), value(rs, i, md.getColumnType(i)));
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    private static Object value(ResultSet rs, int i, int type) throws SQLException {
        return switch (type) {
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] b = rs.getBytes(i);
                yield b == null ? null : b.length == 32 ? java.util.HexFormat.of().formatHex(b)
                        : new String(b, StandardCharsets.UTF_8);
            }
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.BOOLEAN, Types.BIT,
                 Types.DECIMAL, Types.NUMERIC, Types.DOUBLE, Types.FLOAT, Types.REAL -> rs.getObject(i) instanceof Number n ? n
                    : rs.getObject(i) instanceof Boolean bo ? bo : rs.getString(i);
            default -> rs.getString(i);
        };
    }

    /** A minimal JSON writer for maps, lists, strings, numbers, booleans and null. */
    static final class Json {
        private Json() {
        }

        static String write(Object o) {
            StringBuilder b = new StringBuilder();
            write(b, o, "");
            return b.append('\n').toString();
        }

        private static void write(StringBuilder b, Object o, String indent) {
            if (o == null) {
                b.append("null");
            } else if (o instanceof Number || o instanceof Boolean) {
                b.append(o);
            } else if (o instanceof Map<?, ?> m) {
                if (m.isEmpty()) {
                    b.append("{}");
                    return;
                }
                b.append("{\n");
                int n = 0;
                for (var e : m.entrySet()) {
                    b.append(indent).append("  ");
                    string(b, String.valueOf(e.getKey()));
                    b.append(": ");
                    write(b, e.getValue(), indent + "  ");
                    b.append(++n < m.size() ? ",\n" : "\n");
                }
                b.append(indent).append('}');
            } else if (o instanceof List<?> l) {
                if (l.isEmpty()) {
                    b.append("[]");
                    return;
                }
                b.append("[\n");
                for (int i = 0; i < l.size(); i++) {
                    b.append(indent).append("  ");
                    write(b, l.get(i), indent + "  ");
                    b.append(i + 1 < l.size() ? ",\n" : "\n");
                }
                b.append(indent).append(']');
            } else {
                string(b, o.toString());
            }
        }

        private static void string(StringBuilder b, String s) {
            b.append('"');
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (ch < 0x20 || ch >= 0x7F && ch <= 0x9F || ch == 0x2028 || ch == 0x2029) {
                            b.append(String.format("\\u%04x", (int) ch));
                        } else {
                            b.append(ch);
                        }
                    }
                }
            }
            b.append('"');
        }
    }
}
