package se.utskick.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Duration;
import java.sql.PreparedStatement;
import se.utskick.Config;
import se.utskick.Keyring;
import se.utskick.db.Database;
import se.utskick.delivery.Delivery;
import se.utskick.delivery.DeliveryConfig;
import se.utskick.delivery.DeliveryState;
import se.utskick.delivery.SendRun;
import se.utskick.delivery.SendRunState;
import se.utskick.delivery.SenderPool;
import se.utskick.delivery.SmtpBaseline;

/**
 * The delivery benchmark: a synthetic register of {@code members}, then the full pipeline (freeze,
 * render per recipient, SMTP to the sink, record outcomes) and the raw baseline (one pre-rendered
 * message sent as many times over as many connections). Prints messages per second, freeze time,
 * peak heap and the ratio. Removes its rows afterwards unless told to keep them.
 */
public final class SendBenchmark {
    private final Database db;
    private final Config config;
    private final PrintWriter out;

    public SendBenchmark(Database db, Config config, PrintWriter out) {
        this.db = db;
        this.config = config;
        this.out = out;
    }

    public void run(int members, boolean keep) throws InterruptedException {
        DeliveryConfig cfg = DeliveryConfig.from(config);
        long letterId = System.currentTimeMillis();
        long t0 = System.nanoTime();
        long first = SyntheticRegister.fill(db, members, "bench.example.org");
        out.printf("register: %d synthetic members in %d ms%n", members, ms(System.nanoTime() - t0));
        BenchLetter letter = new BenchLetter(first);
        Delivery delivery = new Delivery(db, cfg, Keyring.from(config), letter, letter, letter,
                (m, e, r) -> { }, Clock.systemUTC());
        resetPeaks();
        long f0 = System.nanoTime();
        int frozen = delivery.send(letterId);
        long freeze = System.nanoTime() - f0;
        out.printf("freeze: %d recipients in %d ms%n", frozen, ms(freeze));
        long s0 = System.nanoTime();
        SendRun run;
        try (SenderPool pool = delivery.senders()) {
            pool.start();
            run = await(delivery, letterId);
        }
        long send = System.nanoTime() - s0;
        double rate = frozen * 1e9 / send;
        out.printf("pipeline: %d messages in %d ms = %.0f msg/s with %d workers, batch %d (sent %d, failed %d, deferred %d)%n",
                frozen, ms(send), rate, cfg.workers(), cfg.batchSize(), run.count(DeliveryState.SENT),
                run.count(DeliveryState.FAILED), run.count(DeliveryState.DEFERRED));
        out.printf("peak heap used: %d MB (max heap %d MB)%n", peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        long base = SmtpBaseline.send(cfg, delivery.tokens(), letter, letterId, frozen, cfg.workers());
        double baseRate = frozen * 1e9 / base;
        out.printf("baseline: %d pre-rendered messages over %d connections in %d ms = %.0f msg/s%n",
                frozen, cfg.workers(), ms(base), baseRate);
        out.printf("ratio pipeline/baseline: %.2f%n", rate / baseRate);
        if (!keep) {
            cleanUp(letterId, first);
        }
    }

    private SendRun await(Delivery delivery, long letterId) throws InterruptedException {
        while (delivery.log().state(letterId).orElseThrow() == SendRunState.RUNNING) {
            Thread.sleep(Duration.ofMillis(100));
        }
        return delivery.log().run(letterId).orElseThrow();
    }

    private void cleanUp(long letterId, long firstMember) {
        db.withConnection(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM delivery WHERE letter_id = ?");
                 PreparedStatement r = c.prepareStatement("DELETE FROM send_run WHERE letter_id = ?");
                 PreparedStatement m = c.prepareStatement("DELETE FROM member WHERE id >= ? AND member_number LIKE 'S%'")) {
                d.setLong(1, letterId);
                d.executeUpdate();
                r.setLong(1, letterId);
                r.executeUpdate();
                m.setLong(1, firstMember);
                m.executeUpdate();
            }
            return null;
        });
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peaks: an upper bound on the peak heap in use. */
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
