package se.utskick.replies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.utskick.replies.MessageProcessor.Outcome;
import se.utskick.replies.ReplyRepository.Place;

/**
 * Guards exactly-once recording when two nodes read the same message at the same moment: both
 * pass the "already recorded?" check, the unique keys let one record it, the other is told it was
 * already recorded, and the hard bounce's effect is the same as if one node had done it.
 */
class ConcurrentProcessingTest {
    MailboxHarness h;

    @BeforeEach
    void setUp() {
        h = new MailboxHarness();
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    @Test
    void twoNodesProcessingOneMessageAtOnceRecordItOnce() throws Exception {
        long anna = h.register.member("1", "anna.andersson@example.com", null);
        h.deliveries.add("b1", 1, 10, "BOARD", anna, null, "anna.andersson@example.com");
        CyclicBarrier bothLookedUp = new CyclicBarrier(2);
        DeliveryDirectory meetingPoint = new DeliveryDirectory() {
            @Override
            public Optional<SentDelivery> byToken(String token) {
                try {
                    bothLookedUp.await(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return h.deliveries.byToken(token);
            }

            @Override
            public Optional<SentDelivery> byMessageId(String messageId) {
                return h.deliveries.byMessageId(messageId);
            }
        };
        byte[] raw = Fixtures.bounce("postfix-hard-5.1.1.eml", "b1");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Outcome>> outcomes = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                MessageProcessor p = new MessageProcessor(h.db, new ReplyRepository(), new Correlator(meetingPoint, h.register),
                        new BounceScores(5, 7), h.register, h.register, Clock.systemUTC());
                int uid = node + 1;
                outcomes.add(pool.submit(() -> p.process(new Place("INBOX", 1, uid), raw, Instant.now())));
            }
            List<Outcome> results = new ArrayList<>();
            for (Future<Outcome> f : outcomes) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }

            assertEquals(1, results.stream().filter(o -> o == Outcome.RECORDED).count());
            assertEquals(1, results.stream().filter(o -> o == Outcome.ALREADY_RECORDED).count());
            assertEquals(1, h.replies().log().list(null, null, 10).size());
            assertEquals("BOUNCED", h.register.emailStatus(anna));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void messageWithoutMessageIdIsStillRecordedOncePerPlace() {
        byte[] raw = "From: a@example.com\r\nSubject: utan id\r\n\r\nhej\r\n".getBytes(StandardCharsets.UTF_8);
        MessageProcessor p = h.processor();

        assertEquals(Outcome.RECORDED, p.process(new Place("INBOX", 1, 1), raw, Instant.now()));
        assertEquals(Outcome.ALREADY_RECORDED, p.process(new Place("INBOX", 1, 1), raw, Instant.now()));
        assertEquals(Outcome.RECORDED, p.process(new Place("INBOX", 2, 1), raw, Instant.now()),
                "a new UIDVALIDITY is a new mailbox generation");
    }
}
