package se.utskick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.TestDatabase;
import se.utskick.doctor.DnsServer;
import se.utskick.testing.ScriptedSmtpServer;
import se.utskick.testing.SmtpScript;

/**
 * Guards {@code utskick doctor} from the command line, with every part real: the configured MariaDB,
 * a hand-written SMTP relay, GreenMail's IMAP, the JNDI resolver asking a hand-written DNS server
 * ({@code doctor.dns.server}). A healthy set-up prints only OK lines and exits 0; an unreachable
 * relay prints its FAIL line with the fix and exits 1, and so does a further relay of {@code
 * smtp.relays} that is down, by name, with a FAIL line for the letter kind whose route names it.
 */
class DoctorCliTest {
    private static final String DOMAIN = "varmland.example.org";

    @TempDir
    Path dir;
    private GreenMail mail;
    private ScriptedSmtpServer relay;
    private DnsServer dns;
    private Path config;

    @BeforeEach
    void setUp() throws Exception {
        mail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        mail.start();
        mail.setUser("svar@" + DOMAIN, "svar@" + DOMAIN, "hemligt");
        relay = ScriptedSmtpServer.start(new SmtpScript().signIn("utskick", "relay-secret"));
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair keys = g.generateKeyPair();
        Path key = Files.write(dir.resolve("dkim.der"), keys.getPrivate().getEncoded());
        dns = new DnsServer()
                .txt(DOMAIN, "v=spf1 ip4:127.0.0.1 -all")
                .txt("u1._domainkey." + DOMAIN, "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()))
                .txt("_dmarc." + DOMAIN, "v=DMARC1; p=reject")
                .mx(DOMAIN, 10, "mx." + DOMAIN);
        config = write(relay.port());
    }

    private Path write(int smtpPort, String... more) throws Exception {
        return Files.writeString(dir.resolve("utskick.properties"), String.join("\n", more) + "\n" + String.join("\n",
                "db.url = " + TestDatabase.freshUrl(), "db.user = " + TestDatabase.USER, "db.password = " + TestDatabase.password(),
                "security.secret = cli-test-secret-0123456789-0123456789",
                "smtp.host = 127.0.0.1", "smtp.port = " + smtpPort, "smtp.user = utskick", "smtp.password = relay-secret",
                "smtp.timeout.connect = 2s", "smtp.timeout.read = 5s",
                "mail.domain = " + DOMAIN, "mail.from.address = distriktet@" + DOMAIN,
                "dkim.domain = " + DOMAIN, "dkim.selector = u1", "dkim.private.key.file = " + dir.resolve("dkim.der"),
                "replies.imap.protocol = imap", "replies.imap.host = 127.0.0.1",
                "replies.imap.port = " + mail.getImap().getPort(), "replies.imap.starttls = false",
                "replies.imap.user = svar@" + DOMAIN, "replies.imap.password = hemligt",
                "doctor.dns.server = " + dns.address(), ""));
    }

    @AfterEach
    void tearDown() throws Exception {
        relay.close();
        dns.close();
        mail.stop();
    }

    @Test
    void aHealthySetUpPrintsOkLinesAndExitsZero() {
        CliRun run = CliRun.of(config, "doctor");
        assertEquals(0, run.code(), run.out() + run.err());
        for (String line : new String[] {"OK   database       MariaDB", "OK   smtp auth      signed in as utskick",
                "OK   imap           signed in", "OK   spf            the record at " + DOMAIN + " covers the relay 127.0.0.1",
                "OK   dkim           the key at u1._domainkey." + DOMAIN + " matches", "OK   dmarc          ",
                "OK   mx             " + DOMAIN + " receives mail at mx." + DOMAIN, "0 WARN, 0 FAIL"}) {
            assertTrue(run.out().contains(line), "'" + line + "' not in:\n" + run.out());
        }
        assertTrue(!run.out().contains("relay-secret") && !run.out().contains("hemligt"), "no secret printed");
    }

    @Test
    void anUnreachableRelayPrintsItsFailLineAndExitsOne() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        config = write(closed);
        CliRun run = CliRun.of(config, "doctor");
        assertEquals(1, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("FAIL smtp           cannot connect to 127.0.0.1:" + closed), run.out());
        assertTrue(run.out().contains("Fix: check smtp.host and smtp.port"), run.out());
        assertTrue(run.out().contains("OK   dkim"), "the other checks still run:\n" + run.out());
        assertTrue(run.out().contains(", 1 FAIL"), run.out());
    }

    @Test
    void aFurtherRelayThatIsDownIsPrintedByNameWithTheKindsItCarriesAndExitsOne() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        config = write(relay.port(), "smtp.relays = bulk=smtp://127.0.0.1:" + closed, "smtp.route.members = bulk default");
        CliRun run = CliRun.of(config, "doctor");
        assertEquals(1, run.code(), run.out() + run.err());
        for (String line : new String[] {"OK   smtp auth      signed in as utskick",
                "FAIL smtp bulk      cannot connect to 127.0.0.1:" + closed,
                "FAIL route members  the relay bulk of smtp.route.members = bulk default failed its check above",
                "Fix: fix bulk (it carries members; see the smtp bulk lines), or take it out of smtp.route.members",
                "OK   route board    smtp.route.board = default", ", 2 FAIL"}) {
            assertTrue(run.out().contains(line), "'" + line + "' not in:\n" + run.out());
        }
    }
}
