package se.utskick.replies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Guards that each delivery report real servers send is read right: the kind (hard, soft,
 * delayed), the enhanced status code, the failed recipient, and the token it came back to.
 */
class BounceClassificationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "postfix-hard-5.1.1.eml,        HARD_BOUNCE, 5.1.1,  anna.andersson@example.com",
        "postfix-soft-4.2.2.eml,        SOFT_BOUNCE, 4.2.2,  bertil.berg@example.org",
        "postfix-delayed.eml,           DELAYED,     4.4.1,  gun.gustafsson@example.net",
        "exim-hard.eml,                 HARD_BOUNCE, 5.1.1,  cecilia.carlsson@example.net",
        "exim-soft-retry-timeout.eml,   SOFT_BOUNCE, 4.2.2,  frida.fors@example.com",
        "office365-hard-5.1.10.eml,     HARD_BOUNCE, 5.1.10, david.dahl@contoso.se",
        "gmail-hard-5.1.1.eml,          HARD_BOUNCE, 5.1.1,  erik.ek.example@gmail.com",
    })
    void eachServersReportIsClassifiedWithItsStatusAndRecipient(String file, MessageKind kind, String status, String recipient) {
        IncomingMessage m = IncomingMessage.parse(Fixtures.bounce(file, "tok123"));

        assertTrue(m.bounce().isPresent(), file + " is a bounce");
        assertEquals(kind, m.bounce().get().kind());
        assertEquals(status, m.bounce().get().status());
        assertEquals(recipient, m.bounce().get().recipient());
        assertTrue(m.tokens().contains(new TokenAddress(TokenAddress.Purpose.BOUNCE, "tok123")), file + " token");
        assertTrue(m.referencedIds().contains("tok123@utskick.example.se"), file + " returns our Message-ID");
        assertFalse(m.automatic(), "a bounce is not counted as an auto-reply");
    }

    @Test
    void diagnosticOfAStandardReportIsKeptUnfolded() {
        Bounce b = IncomingMessage.parse(Fixtures.bounce("postfix-hard-5.1.1.eml", "t")).bounce().orElseThrow();

        assertEquals("smtp; 550 5.1.1 <anna.andersson@example.com>: Recipient address rejected: User unknown in virtual mailbox table",
                b.diagnostic());
    }

    @Test
    void delayedReportIsNotAFailure() {
        Bounce b = IncomingMessage.parse(Fixtures.bounce("postfix-delayed.eml", "t")).bounce().orElseThrow();

        assertTrue(b.delayed());
        assertFalse(b.hard());
    }

    @Test
    void reportWithoutAnyCodeCountsAsTemporary() {
        String raw = "From: MAILER-DAEMON@mx.example.net\r\nTo: bounce+t@utskick.example.se\r\n"
                + "Subject: failure notice\r\n\r\nSorry, we were unable to deliver your message to somebody.\r\n";
        Bounce b = IncomingMessage.parse(raw.getBytes(StandardCharsets.UTF_8)).bounce().orElseThrow();

        assertEquals(MessageKind.SOFT_BOUNCE, b.kind());
        assertEquals("4.0.0", b.status());
    }

    @Test
    void reportWithOnlyABasicSmtpCodeTakesItsClass() {
        String raw = "From: MAILER-DAEMON@mx.example.net\r\nTo: bounce+t@utskick.example.se\r\n"
                + "Subject: failure notice\r\n\r\n<kim@example.net>:\r\n198.51.100.3 does not like recipient.\r\n"
                + "Remote host said: 550 No such user here\r\nGiving up on 198.51.100.3.\r\n";
        Bounce b = IncomingMessage.parse(raw.getBytes(StandardCharsets.UTF_8)).bounce().orElseThrow();

        assertEquals("5.0.0", b.status());
        assertEquals("kim@example.net", b.recipient());
    }

    @Test
    void personWritingAboutDeliveryIsNoBounce() {
        String raw = "From: Anna <anna@example.com>\r\nTo: reply+t@utskick.example.se\r\n"
                + "Subject: Re: Undelivered Mail Returned to Sender\r\n\r\nVarför studsade mitt brev? Fel 5.1.1 säger den.\r\n";

        assertTrue(IncomingMessage.parse(raw.getBytes(StandardCharsets.UTF_8)).bounce().isEmpty());
    }

    @Test
    void tokensAreFoundInEveryRecipientHeader() {
        String raw = "X-Original-To: reply+abc@utskick.example.se\r\nTo: styrelsen@example.com\r\n"
                + "Cc: \"Kansliet\" <unsubscribe+def@utskick.example.se>\r\nSubject: x\r\n\r\nx\r\n";

        assertEquals(List.of(new TokenAddress(TokenAddress.Purpose.REPLY, "abc"),
                new TokenAddress(TokenAddress.Purpose.UNSUBSCRIBE, "def")),
                IncomingMessage.parse(raw.getBytes(StandardCharsets.UTF_8)).tokens());
    }
}
