package se.utskick.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import se.utskick.Keyring;

/** Guards the token: compact, safe in a URL and a local part, and not forgeable, truncatable or transferable. */
class DeliveryTokensTest {
    private final DeliveryTokens tokens = new DeliveryTokens(TestDelivery.KEYRING);

    @Test
    void tokenIsCompactLowerCaseBase32AndNamesItsDelivery() {
        String t = tokens.issue(123_456_789L);
        assertEquals(24, t.length());
        assertTrue(t.matches("[a-z2-7]{24}"), t);
        assertEquals(OptionalLong.of(123_456_789L), tokens.verify(t));
        assertEquals(OptionalLong.of(123_456_789L), tokens.verify(t.toUpperCase()), "mail systems may upper-case a local part");
    }

    @Test
    void forgedTruncatedOrForeignTokensAreRejected() {
        String t = tokens.issue(42);
        char last = t.charAt(23);
        String flipped = t.substring(0, 23) + (last == 'a' ? 'b' : 'a');
        assertEquals(OptionalLong.empty(), tokens.verify(flipped));
        assertEquals(OptionalLong.empty(), tokens.verify(t.substring(0, 23)));
        assertEquals(OptionalLong.empty(), tokens.verify(t + "a"));
        assertEquals(OptionalLong.empty(), tokens.verify(""));
        assertEquals(OptionalLong.empty(), tokens.verify(null));
        assertEquals(OptionalLong.empty(), tokens.verify("!!!!!!!!!!!!!!!!!!!!!!!!"));
        String otherId = tokens.issue(43);
        String spliced = otherId.substring(0, 8) + t.substring(8);
        assertEquals(OptionalLong.empty(), tokens.verify(spliced), "the MAC of one id does not sign another");
        DeliveryTokens otherSecret = new DeliveryTokens(Keyring.of("another-secret-0123456789-0123456789-xyz"));
        assertEquals(OptionalLong.empty(), otherSecret.verify(t));
    }

    @Test
    void pageTokensAreSignedUnderTheirOwnKeySoNeitherKindOpensTheOther() {
        String reply = tokens.issue(4711);
        String page = tokens.pages().issue(4711);
        org.junit.jupiter.api.Assertions.assertNotEquals(reply, page);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.OptionalLong.of(4711), tokens.pages().verify(page));
        org.junit.jupiter.api.Assertions.assertTrue(tokens.pages().verify(reply).isEmpty(), "a reply token opens no page");
        org.junit.jupiter.api.Assertions.assertTrue(tokens.verify(page).isEmpty(), "a page token is no reply or unsubscribe token");
    }
}
