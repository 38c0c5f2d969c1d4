package se.utskick.smtp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guards {@link Refusals#throttling}: the answers by which receivers say "too fast, come back later"
 * (they slow down one group of receiving domains, issue 18) are told from temporary answers about a
 * recipient, and no permanent answer is ever throttling.
 */
class ThrottlingTest {
    @Test
    void theProvidersTooFastAnswersAreThrottling() {
        List<String> throttling = List.of(
                "421 4.7.0 [TSS04] Messages from 192.0.2.10 temporarily deferred due to unexpected volume or user complaints",
                "421-4.7.28 Gmail has detected an unusual rate of unsolicited mail originating from your IP address",
                "451 4.7.500 Server busy. Please try again later from [192.0.2.10]. (S77719)",
                "450 4.7.1 Client host rejected: too many connections",
                "452 4.5.3 Too many recipients",
                "421 Service not available, closing transmission channel",
                "450 4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages"
                        + " from being delivered. Please resend your message at a later time. Rate limited.",
                "451 Temporarily rate limited, try again later");
        for (String t : throttling) {
            assertTrue(Refusals.throttling(t), t);
        }
    }

    @Test
    void temporaryAnswersAboutARecipientAndPermanentAnswersAreNot() {
        List<String> not = List.of(
                "452 4.2.2 Mailbox full",
                "450 4.1.1 <x@example.org>: Recipient address rejected: unverified address",
                "451 4.3.0 Temporary lookup failure",
                "550 5.7.1 Too many messages, rate limited",
                "554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org",
                "250 2.0.0 Ok: queued",
                "");
        for (String t : not) {
            assertFalse(Refusals.throttling(t), t);
        }
        assertFalse(Refusals.throttling(null));
    }
}
