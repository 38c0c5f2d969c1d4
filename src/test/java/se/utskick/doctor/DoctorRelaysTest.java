package se.utskick.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.Config;
import se.utskick.TestDatabase;
import se.utskick.Utskick;
import se.utskick.db.Database;
import se.utskick.replies.RepliesConfig;
import se.utskick.testing.ScriptedSmtpServer;
import se.utskick.testing.SmtpScript;

/**
 * Guards the doctor's check of every relay of {@code smtp.relays}: each is spoken to like the
 * default one and reported under its name, and a relay that fails is a FAIL line for each letter kind
 * whose {@code smtp.route.KIND} names it. The graph is the real one ({@link Utskick#wire}); the relays
 * are {@link ScriptedSmtpServer}s, one of them a closed port.
 */
class DoctorRelaysTest {
    private static KeyPair dkimKeys;
    private static Database db;

    @TempDir
    Path dir;
    private GreenMail mail;
    private ScriptedSmtpServer relay;
    private ScriptedSmtpServer news;
    private Map<String, String> cfg;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        dkimKeys = g.generateKeyPair();
        db = TestDatabase.fresh();
    }

    @AfterAll
    static void closeDb() {
        db.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        mail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        mail.start();
        mail.setUser(DoctorTest.MAILBOX, DoctorTest.MAILBOX, "hemligt");
        relay = ScriptedSmtpServer.start(new SmtpScript().signIn("utskick", "relay-lösen"));
        news = ScriptedSmtpServer.start(new SmtpScript().signIn("nyheter", "nyhets-lösen"));
        Path key = Files.write(dir.resolve("dkim.der"), dkimKeys.getPrivate().getEncoded());
        cfg = DoctorTest.healthyConfig(relay.port(), mail.getImap().getPort(), key);
    }

    @AfterEach
    void tearDown() throws Exception {
        relay.close();
        news.close();
        mail.stop();
    }

    private List<Finding> doctor() {
        // Not closed: closing the graph closes the database it was given, which the tests share.
        Utskick app = Utskick.wire(Config.of(cfg), db);
        return new Doctor(app.delivery().config(), RepliesConfig.from(app.config()), DoctorTest.healthyDns(dkimKeys))
                .run(app::database);
    }

    private static Finding line(List<Finding> findings, String check, Status status, String... words) {
        Finding f = findings.stream().filter(x -> x.check().equals(check)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + check + "' line in:\n" + DoctorTest.text(findings)));
        assertEquals(status, f.status(), DoctorTest.text(findings));
        for (String w : words) {
            assertTrue(f.line().contains(w), "'" + w + "' not in: " + f.line());
        }
        return f;
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aRelayThatIsDownIsNamedAndFailsEachKindItCarriesWhileTheOthersAreCheckedAsTheDefaultOne() throws Exception {
        int down = closedPort();
        cfg.put("smtp.relays", "bulk=smtp://127.0.0.1:" + down + " news=smtp://nyheter@127.0.0.1:" + news.port());
        cfg.put("smtp.relays.password", "news=nyhets-lösen");
        cfg.put("smtp.route.members", "bulk default");
        cfg.put("smtp.route.targeted", "bulk");
        cfg.put("smtp.route.reminder", "news default");
        List<Finding> findings = doctor();

        line(findings, "smtp", Status.OK, "connected to 127.0.0.1:" + relay.port());
        line(findings, "smtp auth", Status.OK, "signed in as utskick");
        line(findings, "smtp bulk", Status.FAIL, "cannot connect to 127.0.0.1:" + down,
                "check the host and port of the URL of bulk in smtp.relays");
        line(findings, "smtp news", Status.OK, "connected to 127.0.0.1:" + news.port());
        line(findings, "smtp news tls", Status.OK, "no STARTTLS, with the relay on this machine", "?starttls=if_available");
        line(findings, "smtp news auth", Status.OK, "signed in as nyheter (AUTH PLAIN)");
        line(findings, "smtp news sender", Status.OK, "bounce+doctor@" + DoctorTest.DOMAIN);
        line(findings, "route members", Status.FAIL, "the relay bulk of smtp.route.members = bulk default failed its check",
                "members letters go to default only after each failed attempt", "fix bulk (it carries members, targeted;");
        line(findings, "route targeted", Status.FAIL, "smtp.route.targeted = bulk", "targeted letters will not go out",
                "or take it out of smtp.route.targeted");
        line(findings, "route board", Status.OK, "smtp.route.board = default");
        line(findings, "route reminder", Status.OK, "smtp.route.reminder = news default");
        assertEquals(4, findings.stream().filter(f -> f.check().startsWith("route ")).count(), "one line per kind");
        assertEquals(1, Doctor.exitCode(findings));
        assertTrue(findings.stream().noneMatch(f -> f.check().equals("route")), "every relay carries a kind: no warning");

        assertEquals(1, news.sessions.get(), "the further relay was spoken to once");
        assertTrue(news.commands.stream().noneMatch(c -> c.startsWith("RCPT") || c.startsWith("DATA")), news.commands.toString());
        assertTrue(news.commands.stream().anyMatch(c -> c.startsWith("MAIL FROM:<bounce+doctor@")), news.commands.toString());
        String text = DoctorTest.text(findings);
        assertTrue(!text.contains("nyhets-lösen") && !text.contains("relay-lösen"), "no secret printed");
    }

    @Test
    void aFurtherRelayIsHeldToItsOwnSettingsAndOneThatCarriesNothingIsAWarning() {
        cfg.put("smtp.relays", "news=smtp://nyheter@127.0.0.1:" + news.port() + "?starttls=required");
        cfg.put("smtp.relays.password", "news=fel");
        List<Finding> findings = doctor();
        line(findings, "smtp news tls", Status.FAIL, "STARTTLS is not offered", "?starttls=required in the URL of news",
                "port 465 with smtps:// in the URL of news in smtp.relays");
        line(findings, "route", Status.WARN, "the relay news is named in no smtp.route.*");
        line(findings, "route members", Status.OK, "smtp.route.members = default");
        line(findings, "smtp auth", Status.OK, "signed in as utskick");
        assertEquals(1, Doctor.exitCode(findings), "a broken relay is an error even when no route names it yet");

        cfg.put("smtp.relays", "news=smtp://nyheter@127.0.0.1:" + news.port());
        cfg.put("smtp.route.board", "news");
        findings = doctor();
        line(findings, "smtp news auth", Status.FAIL, "refuses the sign-in of nyheter", "535",
                "check the user of the URL of news in smtp.relays (smtp://user@host) and smtp.relays.password (news=…");
        line(findings, "route board", Status.FAIL, "the relay news of smtp.route.board = news failed its check",
                "board letters will not go out", "fix news (it carries board; see the smtp news lines)");
        assertTrue(!DoctorTest.text(findings).contains("fel'"), "the wrong password is not printed");
    }
}
