package se.utskick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.TestDatabase;

/**
 * Guards {@code bench send --nodes 2} (issue 18's 2-node run) as a command: on a configured database it
 * starts a second JVM of the program ({@code bench sender}) that shares the middle letter with this
 * process; the command's own checks pass, the other node took part, and at a real SMTP server
 * (GreenMail) every delivery of the three letters arrived exactly once (as many messages as the three
 * letters have recipients, each with its own Message-ID, which carries the delivery's token).
 */
class BenchNodesCliTest {
    private static final Pattern RECIPIENTS = Pattern.compile("approved for (\\d+) recipients");
    private static final Pattern OTHERS = Pattern.compile("with 2 node\\(s\\) \\(this node recorded (\\d+), the others (\\d+)\\)");

    @Test
    void twoNodesShareTheMiddleLetterAndEveryMessageArrivesExactlyOnce(@TempDir Path dir) throws Exception {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        try {
            Path config = Files.writeString(dir.resolve("bench.properties"), "db.url = " + TestDatabase.freshUrl() + "\n"
                    + TestDatabase.credentialLines() + "security.secret = " + se.utskick.TestSecret.VALUE + "\nweb.port = 0\n"
                    + "letters.templates.dir = " + dir.resolve("none") + "\n");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new String[] {"--config", config.toString(), "bench", "send", "--members", "300", "--nodes", "2",
                    "--workers", "2", "--batch", "10", "--sink", "127.0.0.1:" + mail.getSmtp().getPort(), "--on-configured-database"},
                    new PrintWriter(out, true), new PrintWriter(err, true));
            String printed = out.toString();
            assertEquals(0, code, printed + err);
            assertTrue(printed.contains("all checks passed"), printed);

            Matcher m = RECIPIENTS.matcher(printed);
            assertTrue(m.find(), printed);
            int recipients = Integer.parseInt(m.group(1));
            Matcher two = OTHERS.matcher(printed);
            assertTrue(two.find(), printed);
            assertTrue(Long.parseLong(two.group(1)) > 0 && Long.parseLong(two.group(2)) > 0, "both nodes took part: " + two.group());
            assertEquals(recipients, Long.parseLong(two.group(1)) + Long.parseLong(two.group(2)));

            MimeMessage[] received = mail.getReceivedMessages();
            assertEquals(3 * recipients, received.length, "three letters, each to every recipient once");
            Set<String> messageIds = new HashSet<>();
            for (MimeMessage r : received) {
                messageIds.add(r.getMessageID());
            }
            assertEquals(received.length, messageIds.size(), "no delivery sent twice (its Message-ID carries its token)");
        } finally {
            mail.stop();
        }
    }
}
