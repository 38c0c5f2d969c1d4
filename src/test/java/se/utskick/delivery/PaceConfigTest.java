package se.utskick.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import se.utskick.ConfigException;

/**
 * Guards the grouping of receiving domains (issue 18): the providers' domains under any top-level
 * domain, the district's own domain from mail.domain, everything else "other"; the defaults; and that
 * wrong values of the pace and relay keys stop the start naming the key (a password is never shown).
 */
class PaceConfigTest {
    private static DeliveryConfig cfg(String... overrides) {
        return DeliveryConfig.from(TestDelivery.config(25, overrides));
    }

    @Test
    void addressesFallIntoTheirProvidersGroupOrOther() {
        PaceConfig p = cfg().pacing();
        assertEquals("gmail", p.groupOf("a@GMail.com").name());
        assertEquals("gmail", p.groupOf("a@googlemail.com").name());
        assertEquals("microsoft", p.groupOf("a@hotmail.se").name());
        assertEquals("microsoft", p.groupOf("a@live.co.uk").name());
        assertEquals("yahoo", p.groupOf("a@yahoo.se").name());
        assertEquals("district", p.groupOf("ordforande@varmland.example.org").name());
        assertEquals("other", p.groupOf("a@telia.com").name());
        assertEquals("other", p.groupOf("a@notgmail.com").name());
        assertEquals(600, p.groups().get(0).perMinute());
        assertEquals(0, p.groups().get(4).connections(), "the rest: every sender may send at once");
        assertEquals("district", cfg("delivery.pace.district.domains", "vansterpartiet.se").pacing()
                .groupOf("x@vansterpartiet.se").name());
    }

    @Test
    void wrongPaceAndRelayValuesStopTheStartNamingTheKey() {
        assertTrue(assertThrows(ConfigException.class, () -> cfg("delivery.pace.gmail.domains", "gmail com!"))
                .getMessage().contains("delivery.pace.gmail.domains"));
        assertTrue(assertThrows(ConfigException.class, () -> cfg("smtp.route.members", "bulk"))
                .getMessage().contains("smtp.route.members"));
        String m = assertThrows(ConfigException.class, () -> cfg("smtp.relays", "bulk=smtp://u:hemligt@relay.example.net"))
                .getMessage();
        assertTrue(m.contains("smtp.relays.password") && !m.contains("hemligt"), m);
        RelayConfig r = cfg("smtp.relays", "bulk=smtps://u@relay.example.net?per.hour=3600", "smtp.relays.password", "bulk=x",
                "smtp.route.members", "bulk default").relays();
        assertEquals(465, r.relays().get("bulk").port());
        assertEquals("u", r.relays().get("bulk").user().orElseThrow());
        assertEquals(java.util.List.of("bulk", "default"), r.routes().get("members"));
        assertEquals(java.util.List.of("default"), r.routes().get("board"));
    }
}
