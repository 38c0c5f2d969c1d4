package se.utskick.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark's raw baseline: one message of a letter, rendered once, sent {@code total} times
 * over {@code connections} reused connections through the same Angus transport the workers use,
 * with no database and no rendering. What the pipeline achieves divided by this is the pipeline's
 * own overhead. Blocks until done.
 */
public final class SmtpBaseline {
    private SmtpBaseline() {
    }

    /** Returns the elapsed nanoseconds; throws if any message was not accepted. */
    public static long send(DeliveryConfig cfg, DeliveryTokens tokens, LetterComposer composer, long letterId, int total,
                            int connections) throws InterruptedException {
        LetterRenderer renderer = new LetterRenderer(letterId, composer.prepare(letterId), cfg, tokens, null);
        ClaimedDelivery one = new ClaimedDelivery(1, letterId, 1L, "baseline@bench.example.org", "Åsa", "Öberg", null, 1,
                Instant.now(), null);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        // a deadline per message as the workers have, so the baseline writes bodies the workers' way (WireBody)
        ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, r -> Thread.ofPlatform().daemon().name("baseline-deadline").unstarted(r));
        watchdog.setRemoveOnCancelPolicy(true);
        long t0 = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try (SmtpConnection c = new SmtpConnection(cfg, watchdog)) {
                    OutgoingMessage m = renderer.render(c.session(), one, new MessageBytes(32 * 1024));
                    while (next.getAndIncrement() < total) {
                        if (c.send(m).state() != DeliveryState.SENT) {
                            failures.incrementAndGet();
                        }
                    }
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        long elapsed = System.nanoTime() - t0;
        watchdog.shutdownNow();
        if (failures.get() > 0) {
            throw new DeliveryException(failures.get() + " baseline messages were not accepted by " + cfg.smtpHost() + ":"
                    + cfg.smtpPort());
        }
        return elapsed;
    }
}
