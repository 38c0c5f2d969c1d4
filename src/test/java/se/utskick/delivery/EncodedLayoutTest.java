package se.utskick.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Guards the per-layout body encoding: for any layout and any values, the fixed lines encoded once
 * plus the lines with values encoded per recipient are byte for byte the quoted-printable encoding
 * of the whole filled text, which decodes (by Angus Mail's decoder) to that text, with lines of at
 * most 76 characters and without the boundary prefix.
 */
class EncodedLayoutTest {

    private static byte[] whole(String text) {
        MessageBytes out = new MessageBytes(8);
        QuotedPrintable.encode(text, out);
        return out.toByteArray();
    }

    private static byte[] laidOut(BodyLayout.Body body) {
        MessageBytes out = new MessageBytes(8);
        body.layout().encoded().encode(body.values(), out);
        return out.toByteArray();
    }

    private static String decode(byte[] encoded) throws Exception {
        try (var in = MimeUtility.decode(new ByteArrayInputStream(encoded), "quoted-printable")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Asserts the layout filled with {@code values} encodes as the whole text does, and returns the decoded text. */
    private static String check(List<String> literals, int[] slots, String... values) throws Exception {
        BodyLayout.Body body = BodyLayout.of(literals, slots).fill(values);
        String text = body.toString();
        byte[] encoded = laidOut(body);
        assertArrayEquals(whole(text), encoded, () -> "differs from the whole-text encoding of " + text);
        String ascii = new String(encoded, StandardCharsets.US_ASCII);
        for (String line : ascii.split("\r\n")) {
            assertTrue(line.length() <= 76, "line too long: " + line);
        }
        assertFalse(ascii.contains("=_"), "boundary prefix in the body");
        return decode(encoded);
    }

    @Test
    void swedishLetterWithValuesInTheMiddleOfLinesDecodesToTheFilledText() throws Exception {
        List<String> lits = List.of("VÄNSTERPARTIET VÄRMLAND\n\nHej ", "!\nVälkommen till årsmötet i Säffle. Här är länken:\n",
                "\n\nHälsningar,\nStyrelsen\n");
        String decoded = check(lits, new int[] {0, 2}, "Åsa-Örjan", "Öberg", "https://example.org/avregistrera/ÅÄÖ?t=1&x=2");
        assertEquals("VÄNSTERPARTIET VÄRMLAND\r\n\r\nHej Åsa-Örjan!\r\nVälkommen till årsmötet i Säffle. Här är länken:\r\n"
                + "https://example.org/avregistrera/ÅÄÖ?t=1&x=2\r\n\r\nHälsningar,\r\nStyrelsen\r\n", decoded);
    }

    @Test
    void longLinesAroundAValueAreSoftBrokenAsTheWholeTextWouldBe() throws Exception {
        String longLine = "Medlemsmötet i Karlstad börjar klockan sju och alla är välkomna att delta i samtalet om ".repeat(4);
        check(List.of("Intro\n" + longLine, longLine + "\n" + longLine + "\nslut"), new int[] {1}, "x", "Åsa ".repeat(40));
    }

    @Test
    void spacesAndTabsBeforeALineEndAreEncodedAcrossTheSeam() throws Exception {
        assertEquals("Hej Åsa \r\nnästa\t\r\n", check(List.of("Hej ", " \nnästa\t\n"), new int[] {0}, "Åsa"));
        assertEquals("Hej Kim \r\nrad", check(List.of("Hej ", "\nrad"), new int[] {0}, "Kim "));
        assertEquals("slut ", check(List.of("slut", ""), new int[] {0}, " "));
    }

    @Test
    void aDotAtALineStartStaysText() throws Exception {
        assertEquals(".\r\n.Åsa\r\n..\r\n", check(List.of(".\n", "\n..\n"), new int[] {0}, ".Åsa"));
    }

    @Test
    void aCarriageReturnEndingALiteralPairsWithALineFeedAfterTheValue() throws Exception {
        assertEquals("a\r\nb", check(List.of("a\r", "\nb"), new int[] {0}, ""));
        assertEquals("a\r\nx\r\nb\r\n", check(List.of("a\r", "\nb\r"), new int[] {0}, "\nx\r"));
        assertEquals("a\r\nb\r\nc", check(List.of("a\rb\r\n", "c"), new int[] {0}, ""));
    }

    @Test
    void valuesAtTheEdgesAndRepeatedValuesAreFilledEveryTime() throws Exception {
        assertEquals("ÅsaÅsa\r\nmitt\r\nÅsa", check(List.of("", "", "\nmitt\n", ""), new int[] {0, 0, 0}, "Åsa"));
        assertEquals("bara fast text\r\n", check(List.of("bara fast text\n"), new int[0]));
    }

    @Test
    void randomLayoutsEncodeExactlyAsTheirWholeTexts() throws Exception {
        Random r = new Random(20261122);
        String alphabet = "aåäöÅÄÖ =.\t\r\n\n\nxyz€😀<>&";
        for (int round = 0; round < 2000; round++) {
            int holes = r.nextInt(5);
            List<String> lits = new ArrayList<>();
            int[] slots = new int[holes];
            for (int i = 0; i <= holes; i++) {
                lits.add(random(r, alphabet, r.nextInt(4) == 0 ? 200 : 30));
                if (i < holes) {
                    slots[i] = r.nextInt(3);
                }
            }
            String[] values = {random(r, alphabet, 12), random(r, alphabet, 90), random(r, alphabet, 3)};
            String text = BodyLayout.of(lits, slots).fill(values).toString();
            assertEquals(text.replaceAll("\r\n|\r|\n", "\r\n"), check(lits, slots, values));
        }
    }

    @Test
    void aLayoutWithoutAValueForOneOfItsHolesIsRefused() {
        BodyLayout layout = BodyLayout.of(List.of("Hej ", "!"), new int[] {2});
        assertThrows(IllegalArgumentException.class, () -> layout.fill("Åsa"));
        assertThrows(IllegalArgumentException.class, () -> BodyLayout.of(List.of("a"), new int[] {0}));
    }

    private static String random(Random r, String alphabet, int max) {
        int n = r.nextInt(max + 1);
        StringBuilder b = new StringBuilder(n);
        int[] cps = alphabet.codePoints().toArray();
        for (int i = 0; i < n; i++) {
            b.appendCodePoint(cps[r.nextInt(cps.length)]);
        }
        return b.toString();
    }
}
