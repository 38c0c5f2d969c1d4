package se.utskick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.Keyring;
import se.utskick.TestDatabase;

/**
 * Guards the README's demo: on the embedded mail server the whole month runs in one command
 * (assembly jobs, approval, sending, a reply, an out-of-office and a bounce polled from the reply
 * mailbox, the feedback table, the delivery status), and a second run exits 0 without sending again.
 */
class DemoMonthTest {

    @Test
    void demoRunsTheMonthAndASecondRunSendsNothingAgain(@TempDir Path dir) throws IOException {
        Path cfg = Files.writeString(dir.resolve("demo.properties"), "db.url = " + TestDatabase.freshUrl()
                + "\n" + TestDatabase.credentialLines() + "security.secret = " + Keyring.DEMO_SECRET + "\n"
                + "smtp.port = " + freePort() + "\nsmtp.embedded.imap.port = " + freePort() + "\nweb.port = 0\n");
        String first = demo(cfg);
        System.out.println(first);
        assertTrue(first.contains("job assemble-members: letter"), first);
        assertTrue(first.contains("created with 2 queued items"), first);
        assertTrue(first.contains("job poll-replies: 3 recorded"), first);
        assertTrue(first.contains("1 of "), first);
        assertTrue(first.contains("HARD_BOUNCE") && first.contains("AUTO_REPLY"), first);
        assertTrue(first.contains("addresses now marked BOUNCED in the register: 1"), first);
        assertTrue(first.contains("FINISHED"), first);
        assertTrue(first.matches("(?s).*open: +http://127\\.0\\.0\\.1:\\d+/.*"), first);
        assertTrue(first.contains("sign in as:      ombud / demo-ombud-2026"), first);
        String second = demo(cfg);
        System.out.println(second);
        assertTrue(second.contains("exists already"), second);
        assertTrue(second.contains("sent by an earlier run"), second);
    }

    @Test
    void demoRefusesAConfiguredDatabaseAndWritesNothingThere(@TempDir Path dir) throws Exception {
        String url = TestDatabase.freshUrl();
        Path cfg = Files.writeString(dir.resolve("demo.properties"), "db.url = " + url
                + "\n" + TestDatabase.credentialLines() + "security.secret = " + Keyring.DEMO_SECRET + "\n"
                + "smtp.port = " + freePort() + "\nsmtp.embedded.imap.port = " + freePort() + "\nweb.port = 0\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"--config", cfg.toString(), "demo", "--no-wait"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(1, code, err.toString() + out);
        assertTrue(err.toString().contains("db.url") && err.toString().contains("--use-configured"), err.toString());
        try (se.utskick.db.Database db = se.utskick.db.Database.onUrl(url, TestDatabase.USER, TestDatabase.password(), 1)) {
            assertEquals(0, se.utskick.AudienceFixture.count(db, "SELECT COUNT(*) FROM member"), "nothing written");
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String demo(Path cfg) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"--config", cfg.toString(), "demo", "--no-wait", "--use-configured"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString() + out);
        return out.toString();
    }
}
