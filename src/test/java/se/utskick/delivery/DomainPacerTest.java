package se.utskick.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Guards the turns of {@link DomainPacer}: a group at its cap gives rows back due one gap apart, in
 * order (not all at the same moment, which would have every sender claim and give them back again),
 * while another group is not held up at all.
 */
class DomainPacerTest {
    @Test
    void aThrottlingAnswerIsLoggedWithoutTheAddressesItNames() {
        assertEquals("421 4.7.0 Try again later for <address> (<address>)",
                DomainPacer.withoutAddresses("421 4.7.0 Try again later for anna.svensson@gmail.com (bo@example.org)"));
        assertEquals("451 4.7.28 rate limited", DomainPacer.withoutAddresses("451 4.7.28 rate limited"));
    }

    @Test
    void rowsOfAGroupAtItsCapComeDueOneGapApartAndOtherGroupsGoOn() throws Exception {
        PaceConfig pace = DeliveryConfig.from(TestDelivery.config(25, "delivery.pace.gmail.per.minute", "30")).pacing();
        DomainPacer pacer = new DomainPacer(pace, null, "test");
        PaceConfig.Group gmail = pacer.groupOf("a@gmail.com");
        PaceConfig.Group other = pacer.groupOf("a@example.net");
        Instant now = Instant.now();

        assertNull(pacer.acquire(gmail, now), "the first message goes at once");
        Outbox.Result sent = new Outbox.Result(1, DeliveryState.SENT, now, now, "250 ok", null, false, false);
        assertNull(pacer.release(gmail, sent, now));
        Instant second = pacer.acquire(gmail, now);
        Instant third = pacer.acquire(gmail, now);
        Instant fourth = pacer.acquire(gmail, now);
        long gap = Duration.ofSeconds(2).toMillis();
        assertTrue(Math.abs(Duration.between(now, second).toMillis() - gap) < 300, "next turn one gap (2 s) on: " + second);
        assertEquals(gap, Duration.between(second, third).toMillis(), 5);
        assertEquals(gap, Duration.between(third, fourth).toMillis(), 5);

        long t0 = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            assertNull(pacer.acquire(other, now), "the rest is not held up");
            pacer.release(other, sent, now);
        }
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L);
    }
}
