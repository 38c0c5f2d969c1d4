package se.utskick.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Guards the address rules: a malformed address never rejects its member but lands as INVALID with
 * the raw value and a reason; domains are lower-cased and IDN-encoded; a BOUNCED address stays so
 * while the register brings it again and is reset by a new one; marks apply only to the address
 * they were made for.
 */
class EmailAddressTest {
    private final RegisterFixture fx = new RegisterFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void typicalTyposAreInvalidWithAReason() {
        for (String raw : List.of("anna.svenssonexample.org", "anna..svensson@example.org", "anna svensson@example.org",
                "anna@example.org,", "anna@example,com", "anna@example", "@example.org", "anna@@example.org",
                "anna@-bad-.example", "anna@exa_mple.org", "anna@example.123", "åsa@example.org")) {
            EmailCheck c = EmailCheck.of(raw);
            assertEquals(EmailStatus.INVALID, c.status(), raw);
            assertEquals(raw, c.raw());
            assertNull(c.email(), raw);
            assertNotNull(c.reason(), raw);
        }
    }

    @Test
    void addressesAreTrimmedAndTheirDomainLowerCasedAndAsciiEncoded() {
        assertEquals("Anna.Svensson@example.org", EmailCheck.of("  Anna.Svensson@EXAMPLE.Org ").email());
        assertEquals("asa@xn--freningen-07a.example", EmailCheck.of("asa@Föreningen.example").email());
        assertEquals("a+news@xn--vrmland-5wa.example", EmailCheck.of("a+news@värmland.example").email());
        assertEquals(EmailStatus.MISSING, EmailCheck.of("   ").status());
    }

    @Test
    void malformedAddressDoesNotRejectItsMember() {
        ImportReport r = fx.importFile(fx.file("m.csv",
                "1001;Åsa;Öberg;asa.oberg@example,com;;Karlstad;Söder;;",
                "1002;Göran;Ågren;;;Karlstad;Söder;;",
                "1003;Östen;Lund; Osten@Värmland.EXAMPLE ;;Karlstad;Söder;;"));
        assertEquals(3, r.added());
        assertEquals(1, r.invalidEmail());
        assertEquals(1, r.missingEmail());
        assertEquals(List.of("1001|null|asa.oberg@example,com|INVALID", "1002|null|null|MISSING",
                        "1003|Osten@xn--vrmland-5wa.example|Osten@Värmland.EXAMPLE|OK"),
                fx.rows("SELECT member_number, email, email_raw, email_status FROM member ORDER BY member_number"));
        List<MemberView> missing = fx.register.missingEmail(Optional.of("karlstad"));
        assertEquals(2, missing.size());
        MemberView asa = missing.stream().filter(m -> m.number().equals("1001")).findFirst().orElseThrow();
        assertEquals("asa.oberg@example,com", asa.email());
        assertTrue(asa.emailReason().contains("comma"), asa.emailReason());
    }

    @Test
    void bouncedAddressStaysBouncedWhenTheSameAddressComesBackAndIsResetByANewOne() {
        var file = fx.file("a.csv", "1001;Åsa;Öberg;asa@Example.org;;Karlstad;Söder;;");
        fx.importFile(file);
        long id = Long.parseLong(fx.one("SELECT id FROM member"));
        assertTrue(fx.register.markAddress(id, "asa@example.org", EmailStatus.BOUNCED, "550 5.1.1 user unknown"));
        assertFalse(fx.register.markAddress(id, "asa@example.org", EmailStatus.BOUNCED, "550 5.1.1 user unknown"),
                "the same mark twice changes nothing");

        ImportReport again = fx.importFile(fx.file("b.csv", "1001;Åsa;Öberg; asa@EXAMPLE.org;;Karlstad;Söder;;"));
        assertEquals("BOUNCED|550 5.1.1 user unknown", fx.one("SELECT email_status, email_status_reason FROM member"));
        assertEquals(1, again.updated(), "only the raw spelling changed");

        fx.importFile(fx.file("c.csv", "1001;Åsa;Öberg;asa.oberg@example.org;;Karlstad;Söder;;"));
        assertEquals("OK|null|asa.oberg@example.org", fx.one("SELECT email_status, email_status_reason, email FROM member"));
    }

    @Test
    void markForAnAddressTheMemberNoLongerHasIsIgnored() {
        fx.importFile(fx.file("a.csv", "1001;Åsa;Öberg;new@example.org;;Karlstad;Söder;;"));
        long id = Long.parseLong(fx.one("SELECT id FROM member"));
        assertFalse(fx.register.markAddress(id, "old@example.org", EmailStatus.INVALID, "550 5.1.1"));
        assertEquals("OK", fx.one("SELECT email_status FROM member"));
    }

    @Test
    void memberIsFoundByNormalisedAddressAndUnsubscribeFlagSetsAndClears() {
        fx.importFile(fx.file("a.csv", "1001;Åsa;Öberg;asa@Föreningen.example;;Karlstad;Söder;;"));
        long id = fx.register.memberIdByEmail(EmailCheck.normalise("asa@föreningen.example")).orElseThrow();
        assertEquals(Optional.empty(), fx.register.memberIdByEmail("nobody@example.org"));
        fx.register.setUnsubscribed(id, true);
        assertEquals(1, fx.register.summary().unsubscribed());
        fx.register.setUnsubscribed(id, false);
        assertEquals(0, fx.register.summary().unsubscribed());
    }
}
