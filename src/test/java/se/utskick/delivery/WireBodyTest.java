package se.utskick.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Random;
import org.eclipse.angus.mail.smtp.SMTPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Guards the body's short way to the socket ({@link WireBody}): for canonical bodies it writes
 * exactly the bytes Angus Mail's own filter ({@link SMTPOutputStream}, the oracle) writes, dots at
 * line starts doubled; a body with a bare CR or LF, or without a final CRLF, is refused before a
 * byte is written, and then {@link OutgoingMessage} sends it through Angus's filter.
 */
class WireBodyTest {
    @Test
    void canonicalBodiesGoOutAsAngusWouldWriteThemWithDotsDoubled() throws IOException {
        String[] bodies = {
            "Subject: x\r\n\r\nHej\r\n",
            ".\r\n",
            "Subject: x\r\n\r\n.\r\n..\r\n.punkt\r\nmitt.i\r\n. sist\r\n",
            "a\r\n.b\r\n\r\n.\r\n",
        };
        for (String b : bodies) {
            assertSameAsAngus(b.getBytes(StandardCharsets.US_ASCII));
        }
        Random r = new Random(42);
        byte[] alphabet = ".a =\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int n = 0; n < 2000; n++) {
            StringBuilder s = new StringBuilder();
            int lines = 1 + r.nextInt(8);
            for (int l = 0; l < lines; l++) {
                int len = r.nextInt(6);
                for (int i = 0; i < len; i++) {
                    char c = (char) alphabet[r.nextInt(4)]; // no CR or LF inside a line
                    s.append(c);
                }
                s.append("\r\n");
            }
            assertSameAsAngus(s.toString().getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aBodyThatIsNotCanonicalIsRefusedBeforeAByteIsWritten() throws IOException {
        for (String bad : new String[] {"a\nb\r\n", "a\rb\r\n", "a\r\nb", "a\r\nb\r", "\n", "x", "", "a\r\n\n"}) {
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            byte[] b = bad.getBytes(StandardCharsets.US_ASCII);
            assertFalse(WireBody.write(b, b.length, wire), "refused: " + bad.replace("\r", "\\r").replace("\n", "\\n"));
            assertEquals(0, wire.size());
        }
    }

    @Test
    void onlyTheFirstLengthBytesCount() throws IOException {
        byte[] b = "a\r\n\nGARBAGE".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        assertTrue(WireBody.write(b, 3, wire));
        assertEquals("a\r\n", wire.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void theMessageWritesToTheWireWhenGivenOneAndThroughAngusOtherwise() throws Exception {
        Session s = Session.getInstance(new Properties());
        byte[] canonical = "Subject: x\r\n\r\n.dold\r\n".getBytes(StandardCharsets.US_ASCII);
        OutgoingMessage m = new OutgoingMessage(s, 1, canonical, canonical.length, "b@x.example", "r@x.example", "<id@x.example>");
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        ByteArrayOutputStream filtered = new ByteArrayOutputStream();
        m.sendThrough(wire);
        m.writeTo(new SMTPOutputStream(filtered), null);
        assertEquals("Subject: x\r\n\r\n..dold\r\n", wire.toString(StandardCharsets.US_ASCII));
        assertEquals(0, filtered.size(), "nothing through Angus's filter");

        byte[] bareLf = "Subject: x\n\n.dold\n".getBytes(StandardCharsets.US_ASCII);
        OutgoingMessage old = new OutgoingMessage(s, 2, bareLf, bareLf.length, "b@x.example", "r@x.example", "<id2@x.example>");
        ByteArrayOutputStream wire2 = new ByteArrayOutputStream();
        SMTPOutputStream angus = new SMTPOutputStream(filtered);
        old.sendThrough(wire2);
        old.writeTo(angus, null);
        angus.ensureAtBOL();
        assertEquals(0, wire2.size(), "a body with bare LF never goes the short way");
        assertEquals("Subject: x\r\n\r\n..dold\r\n", filtered.toString(StandardCharsets.US_ASCII));
    }

    private static void assertSameAsAngus(byte[] body) throws IOException {
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        assertTrue(WireBody.write(body, body.length, ours), "canonical: " + new String(body, StandardCharsets.US_ASCII));
        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        SMTPOutputStream angus = new SMTPOutputStream(theirs);
        angus.write(body, 0, body.length);
        angus.ensureAtBOL();
        assertArrayEquals(theirs.toByteArray(), ours.toByteArray(), new String(body, StandardCharsets.US_ASCII));
    }
}
