package se.utskick.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;

/** Guards header values: CR/LF/NUL never pass, Swedish text round-trips through RFC 2047, domains go out in ASCII. */
class HeaderTextTest {

    @Test
    void lineBreaksAndNulAreRefusedWithoutShowingTheValue() {
        for (String bad : new String[] {"a\r\nBcc: x@y.se", "a\nb", "a\rb", "a\0b"}) {
            HeaderInjectionException e = assertThrows(HeaderInjectionException.class, () -> HeaderText.encoded("the subject", bad));
            assertTrue(e.getMessage().contains("the subject") && !e.getMessage().contains("Bcc"), e.getMessage());
        }
        assertThrows(HeaderInjectionException.class, () -> HeaderText.mailbox("to", "Eve", "eve@example.org\r\nBcc: x@y.se"));
    }

    @Test
    void longSwedishTextRoundTripsInShortEncodedWords() throws Exception {
        String subject = "Månadsbrev: årsmöte i Åmål, smörgåstårta och höstens arrangemang i Säffle 😀 ".repeat(3).strip();
        String encoded = HeaderText.encoded("the subject", subject);
        for (String line : encoded.split("\r\n")) {
            assertTrue(line.length() <= 66, line);
        }
        assertEquals(subject, MimeUtility.decodeText(MimeUtility.unfold(encoded)));
        assertEquals("Plain ASCII", HeaderText.encoded("the subject", "Plain ASCII"));
    }

    @Test
    void mailboxEncodesTheNameAndSendsTheDomainInAscii() throws Exception {
        InternetAddress a = new InternetAddress(MimeUtility.unfold(HeaderText.mailbox("to", "Björn Ärlig", "bjorn@räksmörgås.se")));
        assertEquals("Björn Ärlig", a.getPersonal());
        assertEquals("bjorn@xn--rksmrgs-5wao1o.se", a.getAddress());
        InternetAddress q = new InternetAddress(HeaderText.mailbox("to", "Anna \"A\" Berg", "anna@example.org"));
        assertEquals("Anna \"A\" Berg", q.getPersonal());
        assertThrows(IllegalArgumentException.class, () -> HeaderText.asciiAddress("to", "åsa@example.org"));
        assertThrows(IllegalArgumentException.class, () -> HeaderText.asciiAddress("to", "no-at-sign"));
    }
}
