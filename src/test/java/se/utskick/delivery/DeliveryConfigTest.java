package se.utskick.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import se.utskick.ConfigException;

/** Guards that a wrong delivery setting stops the start with a message naming the key. */
class DeliveryConfigTest {

    private static String error(String key, String value) {
        return assertThrows(ConfigException.class, () -> DeliveryConfig.from(TestDelivery.config(25, key, value))).getMessage();
    }

    @Test
    void portOutOfRangeIsRefusedNamingTheKey() {
        String m = error("smtp.port", "70000");
        assertTrue(m.contains("smtp.port") && m.contains("70000") && m.contains("65535"), m);
    }

    @Test
    void unknownStartTlsModeIsRefusedListingTheModes() {
        String m = error("smtp.starttls", "sometimes");
        assertTrue(m.contains("smtp.starttls") && m.contains("if_available") && m.contains("required"), m);
    }

    @Test
    void negativeRateIsRefused() {
        String m = error("delivery.rate.per.second", "-5");
        assertTrue(m.contains("delivery.rate.per.second") && m.contains("0 to"), m);
    }

    @Test
    void badDomainsAddressesUrlsAndDurationsAreRefused() {
        assertTrue(error("mail.domain", "not a domain").contains("mail.domain"));
        assertTrue(error("mail.from.address", "distriktet").contains("mail.from.address"));
        assertTrue(error("mail.from.name", "Evil\r\nBcc: x@y.se").contains("mail.from.name"));
        assertTrue(error("mail.unsubscribe.url", "javascript:alert(1)").contains("mail.unsubscribe.url"));
        assertTrue(error("delivery.lease", "0s").contains("delivery.lease"));
        assertTrue(error("delivery.workers", "0").contains("delivery.workers"));
        assertTrue(error("dkim.private.key.file", "/nonexistent").contains("dkim.domain"), "DKIM needs its domain");
    }

    @Test
    void aLeaseShorterThanAMessageCanTakeIsRefusedNamingTheKeys() {
        String m = assertThrows(ConfigException.class, () -> DeliveryConfig.from(se.utskick.Config.of(java.util.Map.of(
                "delivery.lease", "1s")))).getMessage();
        assertTrue(m.contains("delivery.lease is 1s") && m.contains("at least 4m") && m.contains("delivery.message.deadline = 2m"), m);
        // at 1 message a minute per process and 4 workers, a worker may wait 4 minutes for its turn
        String r = assertThrows(ConfigException.class, () -> DeliveryConfig.from(se.utskick.Config.of(java.util.Map.of(
                "delivery.rate.per.hour", "60")))).getMessage();
        assertTrue(r.contains("delivery.lease is 5m") && r.contains("at least 12m") && r.contains("delivery.rate.per.hour = 60"), r);
        assertEquals(java.time.Duration.ofMinutes(12), DeliveryConfig.from(se.utskick.Config.of(java.util.Map.of(
                "delivery.rate.per.hour", "60", "delivery.lease", "12m"))).lease());
        assertTrue(error("delivery.message.deadline", "0s").contains("delivery.message.deadline"));
        assertTrue(error("delivery.stall.attempts", "0").contains("delivery.stall.attempts"));
    }

    @Test
    void shippedConfigurationFileIsValid() {
        DeliveryConfig c = DeliveryConfig.from(se.utskick.Config.load(java.nio.file.Path.of("config", "utskick.properties"),
                java.util.Map.of()));
        assertTrue(c.embedded());
        assertEquals(4, c.workers());
        assertTrue(c.dkim().isEmpty());
    }

    @Test
    void idnMailDomainIsKeptInAsciiForm() {
        DeliveryConfig c = DeliveryConfig.from(TestDelivery.config(25, "mail.domain", "räksmörgås.se",
                "mail.from.address", "x@räksmörgås.se"));
        assertEquals("xn--rksmrgs-5wao1o.se", c.mailDomain());
        assertEquals(DeliveryConfig.StartTls.OFF, c.startTls());
    }
}
