package se.utskick.replies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.utskick.replies.ReplyRepository.Place;

/** Guards that soft bounces only cost an address once they pass the threshold on distinct days. */
class SoftBounceTest {
    MailboxHarness h;
    long frida;

    @BeforeEach
    void setUp() {
        h = new MailboxHarness();
        frida = h.register.member("5", "frida.fors@example.com", null);
        h.deliveries.add("f1", 1, 10, "BOARD", frida, null, "frida.fors@example.com");
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private MessageProcessor processorOn(String day) {
        Clock clock = Clock.fixed(Instant.parse(day + "T10:00:00Z"), ZoneOffset.UTC);
        return new MessageProcessor(h.db, new ReplyRepository(), new Correlator(h.deliveries, h.register),
                new BounceScores(2, 7), h.register, h.register, clock);
    }

    @Test
    void softBouncesOnTwoDaysWithThresholdTwoMarkTheAddressBounced() {
        processorOn("2026-11-22").process(new Place("INBOX", 1, 1), Fixtures.bounce("postfix-soft-4.2.2.eml", "f1"), Instant.now());
        assertEquals("OK", h.register.emailStatus(frida));

        processorOn("2026-11-27").process(new Place("INBOX", 1, 2), Fixtures.bounce("exim-soft-retry-timeout.eml", "f1"), Instant.now());

        assertEquals("BOUNCED", h.register.emailStatus(frida));
    }

    @Test
    void twoSoftBouncesOnOneDayKeepTheAddress() {
        processorOn("2026-11-22").process(new Place("INBOX", 1, 1), Fixtures.bounce("postfix-soft-4.2.2.eml", "f1"), Instant.now());
        processorOn("2026-11-22").process(new Place("INBOX", 1, 2), Fixtures.bounce("exim-soft-retry-timeout.eml", "f1"), Instant.now());

        assertEquals("OK", h.register.emailStatus(frida));
    }
}
