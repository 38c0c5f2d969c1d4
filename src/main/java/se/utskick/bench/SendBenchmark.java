package se.utskick.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import se.utskick.Utskick;
import se.utskick.delivery.DeliveryConfig;
import se.utskick.delivery.DeliveryState;
import se.utskick.delivery.LetterComposer;
import se.utskick.delivery.SendRun;
import se.utskick.delivery.SendRunState;
import se.utskick.delivery.SenderPool;
import se.utskick.delivery.SmtpBaseline;
import se.utskick.letters.Letter;
import se.utskick.letters.RenderBenchmark;

/**
 * The delivery benchmark on the real graph: the members' letter (Markdown items, events, the
 * shipped templates) to every reachable member of the register already in the database, through
 * the whole pipeline — freeze, compose and render per recipient, SMTP to the sink, record outcomes
 * — between two runs of the raw baseline (one pre-rendered message sent as many times over as
 * many connections). Baseline before and after, so JIT warm-up favours neither side; the ratio is
 * taken against their mean. Prints messages per second, freeze time and peak heap.
 */
public final class SendBenchmark {
    private final Utskick app;
    private final PrintWriter out;

    public SendBenchmark(Utskick app, PrintWriter out) {
        this.app = app;
        this.out = out;
    }

    public void run(Path scratch) throws Exception {
        DeliveryConfig cfg = app.delivery().config();
        Letter letter = RenderBenchmark.sampleLetter(app.letters(), YearMonth.of(2099, 2), scratch);
        int recipients = app.letters().approve(letter.id()).recipients();
        LetterComposer.PreparedLetter prepared = app.letters().composer().prepare(letter.id());
        LetterComposer samePrepared = id -> prepared;

        double before = baseline(cfg, samePrepared, letter.id(), recipients, "before");
        resetPeaks();
        long f0 = System.nanoTime();
        int frozen = app.delivery().send(letter.id());
        out.printf("freeze: %d recipients in %d ms%n", frozen, ms(System.nanoTime() - f0));
        DatabaseWork db0 = DatabaseWork.read(app.database());
        long javaCpu0 = ProcessCpu.javaNanos();
        long dbCpu0 = ProcessCpu.database(app.database());
        long s0 = System.nanoTime();
        SendRun run;
        try (SenderPool pool = app.delivery().senders()) {
            pool.start();
            run = await(letter.id());
        }
        long send = System.nanoTime() - s0;
        double rate = frozen * 1e9 / send;
        out.printf("pipeline: %d messages in %d ms = %.0f msg/s with %d workers, batch %d (sent %d, failed %d, deferred %d)%n",
                frozen, ms(send), rate, cfg.workers(), cfg.batchSize(), run.count(DeliveryState.SENT),
                run.count(DeliveryState.FAILED), run.count(DeliveryState.DEFERRED));
        out.println(DatabaseWork.read(app.database()).perMessageSince(db0, frozen));
        long dbCpu = ProcessCpu.database(app.database()) - dbCpu0;
        out.printf("cpu per message: Java %.3f ms, MariaDB %s%n", (ProcessCpu.javaNanos() - javaCpu0) / 1e6 / frozen,
                dbCpu0 < 0 ? "unknown (server process not found)" : String.format("%.3f ms", dbCpu / 1e6 / frozen));
        out.printf("peak heap used during the send: %d MB (max heap %d MB)%n", peakHeap() >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        double after = baseline(cfg, samePrepared, letter.id(), recipients, "after");
        out.printf("ratio pipeline / baseline: %.2f%n", rate / ((before + after) / 2));
    }

    private double baseline(DeliveryConfig cfg, LetterComposer composer, long letterId, int n, String when)
            throws InterruptedException {
        long nanos = SmtpBaseline.send(cfg, app.delivery().tokens(), composer, letterId, n, cfg.workers());
        double rate = n * 1e9 / nanos;
        out.printf("baseline (%s): %d pre-rendered messages over %d connections in %d ms = %.0f msg/s%n",
                when, n, cfg.workers(), ms(nanos), rate);
        return rate;
    }

    private SendRun await(long letterId) throws InterruptedException {
        while (app.delivery().log().state(letterId).orElseThrow() == SendRunState.RUNNING) {
            Thread.sleep(Duration.ofMillis(100));
        }
        return app.delivery().log().run(letterId).orElseThrow();
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
