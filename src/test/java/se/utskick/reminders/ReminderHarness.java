package se.utskick.reminders;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.utskick.Config;
import se.utskick.TestDatabase;
import se.utskick.Utskick;
import se.utskick.db.Database;
import se.utskick.letters.LetterState;

/**
 * The whole application on a fresh database, a real GreenMail (SMTP for what is sent, IMAP for the
 * reply mailbox) and a clock the test moves. One per test; close it.
 */
final class ReminderHarness implements AutoCloseable {
    static final String MAILBOX = "svar@varmland.example.org";
    final GreenMail mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    final Database db = TestDatabase.fresh();
    final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T08:00:00Z"));
    final GreenMailUser replyBox;
    final Utskick app;

    ReminderHarness(String... overrides) {
        mail.start();
        replyBox = mail.setUser(MAILBOX, MAILBOX, "hemligt");
        Map<String, String> cfg = new HashMap<>();
        cfg.put("security.secret", se.utskick.TestSecret.VALUE);
        cfg.put("smtp.host", "127.0.0.1");
        cfg.put("smtp.port", String.valueOf(mail.getSmtp().getPort()));
        cfg.put("smtp.starttls", "off");
        cfg.put("mail.domain", "varmland.example.org");
        cfg.put("delivery.poll.interval", "PT0.05S");
        cfg.put("letters.templates.dir", "target/no-template-overrides");
        cfg.put("replies.imap.protocol", "imap");
        cfg.put("replies.imap.host", "127.0.0.1");
        cfg.put("replies.imap.port", String.valueOf(mail.getImap().getPort()));
        cfg.put("replies.imap.user", MAILBOX);
        cfg.put("replies.imap.password", "hemligt");
        cfg.put("replies.imap.starttls", "false");
        for (int i = 0; i < overrides.length; i += 2) {
            cfg.put(overrides[i], overrides[i + 1]);
        }
        app = Utskick.wire(Config.of(cfg), db, clock);
    }

    /** A new association (with the district on first use); returns its id. */
    long association(String name) {
        return db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT IGNORE INTO district (id, name) VALUES (1, 'Vänsterpartiet Värmland')");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO association (district_id, name, region) VALUES (1, ?, 'NORTH')",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, name);
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    return k.getLong(1);
                }
            }
        });
    }

    /**
     * A member: address {@code number@example.org} when OK or BOUNCED, else none; {@code raw} and
     * {@code reason} as the register would keep them; roles held in the member's association.
     */
    long member(String number, String first, String last, long association, String emailStatus, String raw, String reason,
                String... roles) {
        String email = emailStatus.equals("OK") || emailStatus.equals("BOUNCED") ? number.toLowerCase() + "@example.org" : null;
        return db.inTransaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO member (member_number, first_name, last_name, email, email_raw, "
                    + "email_status, email_status_reason, email_status_since, association_id) VALUES (?, ?, ?, ?, ?, ?, ?, NOW(3), ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, number);
                ps.setString(2, first);
                ps.setString(3, last);
                ps.setString(4, email);
                ps.setString(5, raw != null ? raw : email);
                ps.setString(6, emailStatus);
                ps.setString(7, reason);
                ps.setLong(8, association);
                ps.executeUpdate();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    k.next();
                    id = k.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO member_role (member_id, role, association_id) VALUES (?, ?, ?)")) {
                for (String role : roles) {
                    ps.setLong(1, id);
                    ps.setString(2, role);
                    ps.setLong(3, association);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return id;
        });
    }

    /** Runs this process's senders until every letter being sent is SENT. */
    void sendQueued() throws InterruptedException {
        var senders = app.delivery().senders();
        senders.start();
        try {
            long end = System.nanoTime() + 60_000_000_000L;
            while (sending() > 0) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("letters still sending after 60 s");
                }
                Thread.sleep(50);
            }
        } finally {
            senders.stop();
        }
    }

    private int sending() {
        return count("SELECT COUNT(*) FROM letter WHERE state = '" + LetterState.SENDING + "'");
    }

    int count(String sql) {
        return db.withConnection(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    List<String> strings(String sql) {
        return db.withConnection(c -> {
            List<String> out = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** Every message that arrived over SMTP (not counting the reply mailbox's own). */
    List<MimeMessage> sent() {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> !to(m).equals(MAILBOX)).toList();
    }

    List<MimeMessage> sentTo(String address) {
        return sent().stream().filter(m -> to(m).equals(address)).toList();
    }

    static String to(MimeMessage m) {
        try {
            return ((InternetAddress) m.getRecipients(MimeMessage.RecipientType.TO)[0]).getAddress();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(MimeMessage m, String name) {
        try {
            String[] h = m.getHeader(name);
            return h == null ? null : h[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text/plain or text/html part. */
    static String part(MimeMessage m, String type) {
        try {
            return find(m, type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(Part p, String type) throws Exception {
        if (p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart b = mp.getBodyPart(i);
                String s = find(b, type);
                if (s != null) {
                    return s;
                }
            }
            return null;
        }
        return p.isMimeType(type) ? (String) p.getContent() : null;
    }

    @Override
    public void close() {
        db.close();
        mail.stop();
    }

    /** A clock the test sets; UTC. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(String instant) {
            now = Instant.parse(instant);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            MovableClock outer = this;
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId z) {
                    return outer.withZone(z);
                }

                @Override
                public Instant instant() {
                    return outer.instant();
                }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
