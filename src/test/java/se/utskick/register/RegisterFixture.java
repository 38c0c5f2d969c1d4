package se.utskick.register;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import se.utskick.Keyring;
import se.utskick.db.Database;

/** A register on a fresh test database, and small helpers to write export files and read tables. */
final class RegisterFixture implements AutoCloseable {
    static final String HEADER = "Medlemsnummer;Förnamn;Efternamn;E-post;Telefon;Förening;Region;Inträdesdatum;Uppdrag";

    final Database db;
    final Register register;
    final Path dir;

    RegisterFixture() {
        this(RegisterConfig.defaults());
    }

    RegisterFixture(RegisterConfig cfg) {
        db = se.utskick.TestDatabase.fresh();
        register = new Register(db, cfg, Keyring.of(Keyring.DEMO_SECRET));
        try {
            dir = Files.createTempDirectory("register-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file with the default header and these lines (';'-separated), UTF-8. */
    Path file(String name, String... lines) {
        List<String> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(List.of(lines));
        return write(name, String.join("\n", all) + "\n", java.nio.charset.StandardCharsets.UTF_8);
    }

    Path write(String name, String text, Charset cs) {
        try {
            return Files.writeString(dir.resolve(name), text, cs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ImportReport importFile(Path file) {
        return register.importFile(file, ImportOptions.defaults());
    }

    /** Rows of a query, each row's columns joined by '|', in query order. */
    List<String> rows(String sql) {
        return db.withConnection(c -> {
            List<String> out = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        b.append(i > 1 ? "|" : "").append(rs.getString(i));
                    }
                    out.add(b.toString());
                }
            }
            return out;
        });
    }

    String one(String sql) {
        List<String> r = rows(sql);
        return r.isEmpty() ? null : r.get(0);
    }

    /** The whole register as comparable text (ids left out: they depend on insertion order). */
    List<String> snapshot() {
        List<String> s = new ArrayList<>(rows("SELECT m.member_number, m.first_name, m.last_name, m.email, m.email_raw,"
                + " m.email_status, m.email_status_reason, m.phone, a.name, a.region, m.joined_on, m.status"
                + " FROM member m LEFT JOIN association a ON a.id = m.association_id ORDER BY m.member_number"));
        s.addAll(rows("SELECT m.member_number, r.role, a.name, r.policy_area FROM member_role r JOIN member m ON m.id = r.member_id"
                + " LEFT JOIN association a ON a.id = r.association_id ORDER BY m.member_number, r.role, r.policy_area"));
        return s;
    }

    @Override
    public void close() {
        db.close();
    }
}
