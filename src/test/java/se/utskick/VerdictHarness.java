package se.utskick;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import se.utskick.db.Database;
import se.utskick.letters.LetterKind;
import se.utskick.letters.LetterState;

/**
 * The whole graph ({@link Utskick#wire}) on a small hand-made register, a real GreenMail (SMTP and
 * the IMAP reply mailbox) and, when given, a hand-written SMTP server to send through instead.
 * For the tests of what comes back from receivers (issue 13).
 */
final class VerdictHarness implements AutoCloseable {
    static final String MAILBOX = "svar@varmland.example.org";
    final GreenMail mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    final Database db = TestDatabase.fresh();
    final GreenMailUser replyBox;
    final Utskick app;

    /** Sends through GreenMail, or through the SMTP server on {@code smtpPort} when it is not 0. */
    VerdictHarness(int smtpPort) {
        this(smtpPort, Map.of());
    }

    /** As above, with {@code extra} configuration keys on top of the test settings. */
    VerdictHarness(int smtpPort, Map<String, String> extra) {
        mail.start();
        replyBox = mail.setUser(MAILBOX, MAILBOX, "hemligt");
        Map<String, String> cfg = GreenMailConfig.of(mail, MAILBOX, "hemligt");
        if (smtpPort != 0) {
            cfg.put("smtp.port", String.valueOf(smtpPort));
        }
        cfg.put("letters.templates.dir", "target/no-template-overrides");
        cfg.put("delivery.retry.backoff", "PT0.1S");
        cfg.putAll(extra);
        app = Utskick.wire(Config.of(cfg), db);
    }

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

    /** An active member with an OK address and the given roles in the association. */
    long member(String number, String email, long association, String... roles) {
        return db.inTransaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO member (member_number, first_name, last_name, email, email_raw, "
                    + "email_status, email_status_since, association_id) VALUES (?, 'Test', ?, ?, ?, 'OK', NOW(3), ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, number);
                ps.setString(2, "Medlem " + number);
                ps.setString(3, email);
                ps.setString(4, email);
                ps.setLong(5, association);
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

    /** A letter of {@code kind} with one item, approved and sent through the real outbox and this process's senders. */
    long sendLetter(LetterKind kind, String period, List<String> associations, Path dir, java.time.LocalDate deadline) throws Exception {
        var l = app.letters().create(kind, period, associations, null);
        app.letters().setSubject(l.id(), "Brev " + kind);
        app.letters().addItem(l.id(), "Nytt", Files.writeString(dir.resolve("item-" + l.id() + ".md"), "Hej!"));
        if (deadline != null) {
            app.letters().setFeedbackRequest(l.id(), "Hur många kommer?");
            app.letters().setDeadline(l.id(), deadline);
        }
        app.letters().approve(l.id());
        app.delivery().send(l.id());
        sendQueued();
        return l.id();
    }

    void sendQueued() throws InterruptedException {
        var senders = app.delivery().senders();
        senders.start();
        try {
            long end = System.nanoTime() + 60_000_000_000L;
            // until every letter has finished or was paused by a sender (a relay that refuses our sender)
            while (count("SELECT COUNT(*) FROM letter l WHERE l.state = '" + LetterState.SENDING + "' AND NOT EXISTS"
                    + " (SELECT 1 FROM send_run r WHERE r.letter_id = l.id AND r.state = 'PAUSED')") > 0
                    || count("SELECT COUNT(*) FROM send_run WHERE state = 'RUNNING'") > 0) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("letters still sending after 60 s");
                }
                Thread.sleep(50);
            }
        } finally {
            senders.stop();
        }
    }

    int count(String sql, Object... params) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    String string(String sql, Object... params) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    /** Every message GreenMail received over SMTP, except the reply mailbox's own. */
    List<MimeMessage> sent() {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> !to(m).equals(MAILBOX)).toList();
    }

    MimeMessage sentTo(String address, String subjectStart) {
        return sent().stream().filter(m -> to(m).equals(address) && subject(m).startsWith(subjectStart)).findFirst().orElseThrow();
    }

    /** Puts a raw message (lines joined with CRLF) into the reply mailbox and polls it once. */
    void receive(String raw) throws Exception {
        replyBox.deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))));
        var r = app.replies().poller().pollOnce();
        if (r.failed() > 0) {
            throw new AssertionError("the poller failed on a message");
        }
    }

    /** The token of a delivery, as its Message-ID carries it. */
    static String token(MimeMessage m) {
        try {
            return m.getMessageID().replaceAll("^<|@.*$", "");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String to(MimeMessage m) {
        try {
            return ((InternetAddress) m.getRecipients(MimeMessage.RecipientType.TO)[0]).getAddress();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        db.close();
        mail.stop();
    }
}
