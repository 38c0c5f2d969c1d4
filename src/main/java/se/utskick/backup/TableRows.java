package se.utskick.backup;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The rows of one table as a backup holds them: multi-row INSERTs of {@value #ROWS_PER_INSERT} rows,
 * one statement a line, every value NULL, a number as the server wrote it, or hex (see
 * {@link Backup}). Package-private, stateless.
 */
final class TableRows {
    static final int ROWS_PER_INSERT = 200;

    private TableRows() {
    }

    /** Writes every row of {@code table} to {@code out}; returns how many. */
    static long write(Connection c, String table, Writer out) throws SQLException, IOException {
        List<String> select = new ArrayList<>();
        int[] types = columns(c, table, select);
        long n = 0;
        try (Statement st = c.createStatement()) {
            st.setFetchSize(1000);
            try (ResultSet rs = st.executeQuery("SELECT " + String.join(", ", select) + " FROM `" + table + "`")) {
                StringBuilder insert = new StringBuilder();
                int inBatch = 0;
                while (rs.next()) {
                    insert.append(inBatch == 0 ? "INSERT INTO `" + table + "` VALUES (" : ",(");
                    for (int i = 1; i <= types.length; i++) {
                        insert.append(i == 1 ? "" : ",").append(literal(rs, i, types[i - 1]));
                    }
                    insert.append(')');
                    n++;
                    if (++inBatch == ROWS_PER_INSERT) {
                        out.write(insert.append(";\n").toString());
                        insert.setLength(0);
                        inBatch = 0;
                    }
                }
                if (inBatch > 0) {
                    out.write(insert.append(";\n").toString());
                }
            }
        }
        return n;
    }

    /**
     * The table's column types in order, and into {@code select} each column as it is read: all but
     * binary ones as the server's own text ({@code CAST … AS CHAR}), since the driver's own text of a
     * DATETIME(3) drops the leading zero of a fraction (.065 became .65).
     */
    private static int[] columns(Connection c, String table, List<String> select) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM `" + table + "` LIMIT 0")) {
            ResultSetMetaData md = rs.getMetaData();
            int[] types = new int[md.getColumnCount()];
            for (int i = 0; i < types.length; i++) {
                types[i] = md.getColumnType(i + 1);
                String col = "`" + md.getColumnName(i + 1).replace("`", "``") + "`";
                select.add(binary(types[i]) ? col : "CAST(" + col + " AS CHAR CHARACTER SET utf8mb4)");
            }
            return types;
        }
    }

    private static boolean binary(int type) {
        return type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB;
    }

    /** NULL, a number as the server wrote it, or hex: raw bytes for binary columns, UTF-8 text otherwise. */
    private static String literal(ResultSet rs, int i, int type) throws SQLException {
        if (binary(type)) {
            byte[] b = rs.getBytes(i);
            return b == null ? "NULL" : b.length == 0 ? "''" : "X'" + HexFormat.of().formatHex(b) + "'";
        }
        String v = rs.getString(i);
        if (v == null) {
            return "NULL";
        }
        return switch (type) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC,
                 Types.FLOAT, Types.REAL, Types.DOUBLE -> v;
            default -> v.isEmpty() ? "''" : "_utf8mb4 X'" + HexFormat.of().formatHex(v.getBytes(StandardCharsets.UTF_8)) + "'";
        };
    }
}
