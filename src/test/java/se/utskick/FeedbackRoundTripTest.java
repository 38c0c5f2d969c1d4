package se.utskick;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.db.Database;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;
import se.utskick.letters.LetterState;
import se.utskick.register.SampleRegister;
import se.utskick.replies.Feedback;
import se.utskick.web.WebConfig;
import se.utskick.web.WebServer;

/**
 * Guards the whole loop on the real graph, with nothing faked between the features: a letter to
 * three boards is sent over real SMTP, two boards answer the message they actually received (by
 * replying to its Reply-To), the third sends an out-of-office, the poller reads the real IMAP
 * mailbox, and the feedback table shows exactly the two boards that answered, by name. And a
 * member who unsubscribes with the link of the members' letter they received still gets the
 * board letter. And a bounce of a real delivery marks both the delivery and the address.
 */
class FeedbackRoundTripTest {
    private static final String MAILBOX = "svar@varmland.example.org";

    private GreenMail mail;
    private GreenMailUser mailbox;
    private Database db;
    private Utskick app;
    private Path dir;

    @BeforeEach
    void start(@TempDir Path dir) {
        this.dir = dir;
        mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        mailbox = mail.setUser(MAILBOX, MAILBOX, "hemligt");
        db = TestDatabase.fresh();
        SampleRegister.load(db, SampleRegister.DEFAULT_MEMBERS, SampleRegister.DEFAULT_SEED);
        Map<String, String> cfg = GreenMailConfig.of(mail, MAILBOX, "hemligt");
        app = Utskick.wire(Config.of(cfg), db);
    }

    @AfterEach
    void stop() {
        app.delivery().senders().stop();
        db.close();
        mail.stop();
    }

    @Test
    void twoBoardsThatRepliedAreTheTwoInTheFeedbackTableAndTheOutOfOfficeIsNot() throws Exception {
        List<String> three = associations(3);
        Letter letter = app.letters().create(LetterKind.TARGETED, null, three, null);
        app.letters().setSubject(letter.id(), "Valplanering i föreningarna");
        app.letters().addItem(letter.id(), "Hur går det?", Files.writeString(dir.resolve("a.md"), "Berätta om era **planer**."));
        app.letters().setFeedbackRequest(letter.id(), "Hur många valarbetare har ni?");
        app.letters().setDeadline(letter.id(), LocalDate.now().plusDays(14));
        List<MimeMessage> received = send(letter);

        Map<String, MimeMessage> onePerAssociation = onePerAssociation(received, three);
        assertEquals(3, onePerAssociation.size(), "each of the three boards received the letter");
        MimeMessage first = onePerAssociation.get(three.get(0));
        MimeMessage second = onePerAssociation.get(three.get(1));
        MimeMessage third = onePerAssociation.get(three.get(2));
        mailbox.deliver(reply(first, "Re: " + first.getSubject(), "Vi har tolv valarbetare.\n\n> citat", false));
        mailbox.deliver(reply(second, "SV: " + second.getSubject(), "Åtta stycken, hälsningar styrelsen", false));
        mailbox.deliver(reply(third, "Automatiskt svar: " + third.getSubject(), "Jag är på semester.", true));

        var polled = app.replies().poller().pollOnce();
        assertEquals(3, polled.recorded());

        Feedback feedback = app.replies().log().feedback(letter.id());
        assertEquals(3, feedback.expected());
        assertEquals(2, feedback.answered());
        Map<String, Boolean> answered = new LinkedHashMap<>();
        feedback.associations().forEach(a -> answered.put(a.name(), a.answered()));
        assertEquals(Map.of(three.get(0), true, three.get(1), true, three.get(2), false), answered);
    }

    @Test
    void memberWhoUnsubscribesWithTheLinkTheyReceivedStillGetsTheBoardLetter() throws Exception {
        Letter members = app.letters().create(LetterKind.MEMBERS, "2026-03", List.of(), null);
        app.letters().addItem(members.id(), "Nytt i distriktet", Files.writeString(dir.resolve("m.md"), "Hej alla!"));
        String chair = chairAddress();
        MimeMessage toChair = send(members).stream().filter(m -> to(m).equals(chair)).findFirst().orElseThrow();
        String url = unsubscribeUrl(toChair.getHeader("List-Unsubscribe", null));

        try (WebServer web = WebServer.start(new WebConfig("127.0.0.1", 0), app.replies().unsubscriber())) {
            String local = url.replaceFirst("^https://[^/]+", "http://127.0.0.1:" + web.port());
            HttpResponse<String> r = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                    HttpRequest.newBuilder(URI.create(local)).header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Location").isEmpty());
        }
        assertTrue(isUnsubscribed(chair));

        mail.purgeEmailFromAllMailboxes();
        Letter board = app.letters().create(LetterKind.BOARD, "2026-03", List.of(), null);
        app.letters().addItem(board.id(), "Till styrelserna", Files.writeString(dir.resolve("b.md"), "Hej styrelser!"));
        app.letters().setDeadline(board.id(), LocalDate.now().plusDays(10));
        assertTrue(send(board).stream().anyMatch(m -> to(m).equals(chair)), "the unsubscribed chair still gets the board letter");
        Letter nextMonth = app.letters().create(LetterKind.MEMBERS, "2026-04", List.of(), null);
        app.letters().addItem(nextMonth.id(), "April", Files.writeString(dir.resolve("n.md"), "Hej!"));
        assertFalse(send(nextMonth).stream().anyMatch(m -> to(m).equals(chair)), "but not the next members' letter");
    }

    @Test
    void hardBounceOfARealDeliveryMarksTheDeliveryAndTheAddressBounced() throws Exception {
        Letter letter = app.letters().create(LetterKind.TARGETED, null, associations(1), null);
        app.letters().setSubject(letter.id(), "Kallelse");
        app.letters().addItem(letter.id(), "Möte", Files.writeString(dir.resolve("k.md"), "Välkomna!"));
        MimeMessage sent = send(letter).get(0);
        String address = to(sent);
        String token = sent.getMessageID().replaceAll("^<|@.*$", "");
        String dsn = String.join("\r\n",
                "From: MAILER-DAEMON@mx.example.net",
                "To: bounce+" + token + "@varmland.example.org",
                "Subject: Undelivered Mail Returned to Sender",
                "Message-ID: <dsn-1@mx.example.net>",
                "Auto-Submitted: auto-replied",
                "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"",
                "",
                "--b",
                "Content-Type: text/plain",
                "",
                "Your message could not be delivered.",
                "--b",
                "Content-Type: message/delivery-status",
                "",
                "Reporting-MTA: dns; mx.example.net",
                "",
                "Final-Recipient: rfc822; " + address,
                "Action: failed",
                "Status: 5.1.1",
                "Diagnostic-Code: smtp; 550 5.1.1 User unknown",
                "",
                "--b--", "");
        mailbox.deliver(new MimeMessage(Session.getInstance(new Properties()),
                new java.io.ByteArrayInputStream(dsn.getBytes(java.nio.charset.StandardCharsets.US_ASCII))));

        assertEquals(1, app.replies().poller().pollOnce().recorded());
        assertEquals("BOUNCED", column("SELECT state FROM delivery WHERE email = ?", address));
        assertEquals("BOUNCED", column("SELECT email_status FROM member WHERE email = ?", address));
    }

    private String column(String sql, String param) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, param);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    /** Approves and sends the letter through the real outbox; returns what arrived. */
    private List<MimeMessage> send(Letter letter) throws Exception {
        int before = mail.getReceivedMessages().length;
        app.letters().approve(letter.id());
        int frozen = app.delivery().send(letter.id());
        app.delivery().senders().start();
        try {
            assertTrue(mail.waitForIncomingEmail(60_000, before + frozen), "expected " + frozen + " messages");
            long end = System.nanoTime() + 30_000_000_000L;
            while (app.letters().get(letter.id()).state() != LetterState.SENT && System.nanoTime() < end) {
                Thread.sleep(50);
            }
        } finally {
            app.delivery().senders().stop();
        }
        assertEquals(LetterState.SENT, app.letters().get(letter.id()).state());
        MimeMessage[] all = mail.getReceivedMessages();
        return List.of(all).subList(before, all.length);
    }

    /** A reply as a mail client writes it: to the Reply-To, threaded on the Message-ID. */
    private static MimeMessage reply(MimeMessage original, String subject, String text, boolean auto) throws Exception {
        MimeMessage r = new MimeMessage(Session.getInstance(new Properties()));
        r.setFrom(new InternetAddress(to(original)));
        r.setRecipients(MimeMessage.RecipientType.TO, original.getHeader("Reply-To", null));
        r.setSubject(subject, "UTF-8");
        r.setHeader("In-Reply-To", original.getMessageID());
        r.setHeader("References", original.getMessageID());
        if (auto) {
            r.setHeader("Auto-Submitted", "auto-replied");
        }
        r.setText(text, "UTF-8");
        r.saveChanges();
        return r;
    }

    private static String to(MimeMessage m) {
        try {
            return ((InternetAddress) m.getRecipients(MimeMessage.RecipientType.TO)[0]).getAddress();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first received message addressed to a board member of each association, found through the register. */
    private Map<String, MimeMessage> onePerAssociation(List<MimeMessage> received, List<String> names) {
        Map<String, String> associationOf = db.withConnection(c -> {
            Map<String, String> m = new HashMap<>();
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT m.email, a.name FROM member m JOIN association a ON a.id = m.association_id WHERE m.email IS NOT NULL")) {
                while (rs.next()) {
                    m.put(rs.getString(1), rs.getString(2));
                }
            }
            return m;
        });
        Map<String, MimeMessage> out = new HashMap<>();
        for (MimeMessage m : received) {
            String a = associationOf.get(to(m));
            if (names.contains(a)) {
                out.putIfAbsent(a, m);
            }
        }
        return out;
    }

    private List<String> associations(int n) {
        return db.withConnection(c -> {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT name FROM association ORDER BY id LIMIT " + n)) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }

    private String chairAddress() {
        return db.withConnection(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT m.email FROM member m JOIN member_role r ON r.member_id = m.id"
                    + " WHERE r.role = 'CHAIR' AND m.email_status = 'OK' ORDER BY m.id LIMIT 1")) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    private boolean isUnsubscribed(String email) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT unsubscribed_at FROM member WHERE email = ?")) {
                ps.setString(1, email);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getTimestamp(1) != null;
                }
            }
        });
    }

    private static String unsubscribeUrl(String header) {
        assertFalse(header == null, "the members' letter carries List-Unsubscribe");
        Matcher m = Pattern.compile("<(https://[^>]+)>").matcher(header);
        assertTrue(m.find(), header);
        return m.group(1);
    }

}
