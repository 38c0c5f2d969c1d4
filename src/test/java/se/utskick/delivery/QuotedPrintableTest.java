package se.utskick.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Guards the body encoding: it decodes (by Angus Mail's decoder) to the text, keeps lines short and never contains the boundary prefix. */
class QuotedPrintableTest {

    private static String roundTrip(String text) throws Exception {
        MessageBytes out = new MessageBytes(8);
        QuotedPrintable.encode(text, out);
        String encoded = new String(out.toByteArray(), StandardCharsets.US_ASCII);
        for (String line : encoded.split("\r\n")) {
            assertTrue(line.length() <= 76, "line too long: " + line);
        }
        assertFalse(encoded.contains("=_"), "boundary prefix in the body");
        try (var in = MimeUtility.decode(new ByteArrayInputStream(out.toByteArray()), "quoted-printable")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void swedishTextLongLinesAndTrailingSpacesSurviveTheRoundTrip() throws Exception {
        String text = "Hej Åsa Öberg! Välkommen till årsmötet =_ i Säffle. \r\n" + "ä".repeat(100) + "\t\r\n"
                + "x".repeat(300) + " \r\nslut";
        assertEquals(text, roundTrip(text));
    }

    @Test
    void bareLineFeedsBecomeCrLf() throws Exception {
        assertEquals("ett\r\ntvå\r\n", roundTrip("ett\ntvå\n"));
    }
}
