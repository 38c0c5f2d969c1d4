package se.utskick.users;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Guards the TOTP arithmetic against the RFC test vectors: RFC 6238 Appendix B (SHA1, 8 digits,
 * 30-second steps), RFC 4226 Appendix D (HOTP, 6 digits), RFC 4648 section 10 (base32); and the
 * window of one step either side.
 */
class TotpTest {
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void rfc6238AppendixBSha1Vectors() {
        long[][] vectors = {{59, 94287082}, {1111111109, 7081804}, {1111111111, 14050471}, {1234567890, 89005924},
                {2000000000, 69279037}, {20000000000L, 65353130}};
        String[] expected = {"94287082", "07081804", "14050471", "89005924", "69279037", "65353130"};
        for (int i = 0; i < vectors.length; i++) {
            long step = Totp.step(Instant.ofEpochSecond(vectors[i][0]));
            assertEquals(expected[i], Totp.code(RFC_KEY, step, 8, "HmacSHA1"), "T = " + vectors[i][0]);
        }
        assertEquals(1, Totp.step(Instant.ofEpochSecond(59)));
        assertEquals(0x23523EC, Totp.step(Instant.ofEpochSecond(1111111109)));
    }

    @Test
    void rfc4226AppendixDHotpVectorsInSixDigits() {
        String[] expected = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"};
        for (int count = 0; count < expected.length; count++) {
            assertEquals(expected[count], Totp.code(RFC_KEY, count, 6, "HmacSHA1"), "count " + count);
        }
    }

    @Test
    void base32IsRfc4648AndForgivesHowPeopleTypeIt() {
        String[][] v = {{"", ""}, {"f", "MY"}, {"fo", "MZXQ"}, {"foo", "MZXW6"}, {"foob", "MZXW6YQ"}, {"fooba", "MZXW6YTB"},
                {"foobar", "MZXW6YTBOI"}};
        for (String[] p : v) {
            assertEquals(p[1], Totp.base32Encode(p[0].getBytes(StandardCharsets.US_ASCII)));
            assertArrayEquals(p[0].getBytes(StandardCharsets.US_ASCII), Totp.base32Decode(p[1]));
        }
        assertArrayEquals("foobar".getBytes(StandardCharsets.US_ASCII), Totp.base32Decode("mzxw 6ytb-oi======"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Totp.base32Decode("MZX1"));
        assertTrue(e.getMessage().contains("'1' at position 4"), e.getMessage());
        byte[] secret = Totp.newSecret();
        assertEquals(20, secret.length);
        assertEquals(32, Totp.base32Encode(secret).length(), "160 bits are 32 base32 characters, no padding");
        assertArrayEquals(secret, Totp.base32Decode(Totp.base32Encode(secret)));
    }

    @Test
    void aCodeMatchesOneStepEitherSideButNotTwo() {
        Instant now = Instant.ofEpochSecond(1_800_000_015L);
        long step = Totp.step(now);
        for (int offset = -2; offset <= 2; offset++) {
            String code = Totp.code(RFC_KEY, step + offset, 6, "HmacSHA1");
            OptionalLong m = Totp.matchingStep(RFC_KEY, code, now, 1);
            if (Math.abs(offset) <= 1) {
                assertEquals(OptionalLong.of(step + offset), m, "offset " + offset);
            } else {
                assertFalse(m.isPresent(), "offset " + offset);
            }
        }
    }

    @Test
    void theEnrolmentPrintsTheKeyUriAndHidesTheSecretFromToString() {
        TotpEnrolment e = new TotpEnrolment("anna.k", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
        assertEquals("otpauth://totp/Utskick:anna.k?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Utskick&algorithm=SHA1&digits=6&period=30",
                e.uri());
        assertEquals("JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP", e.grouped());
        assertFalse(e.toString().contains("JBSW"), e.toString());
    }
}
