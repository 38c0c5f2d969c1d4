package se.utskick.cli;

import java.io.PrintWriter;
import java.time.Duration;
import se.utskick.delivery.DeliveryLog;
import se.utskick.delivery.DeliveryState;
import se.utskick.delivery.SendRun;
import se.utskick.delivery.SendRunState;

/**
 * The live progress line of a letter being sent: a bar, the counts, the rate over the last
 * seconds and the time left at that rate. Redraws one line (carriage return) every half second
 * until the run is no longer RUNNING, then prints the final counts.
 */
final class SendProgress {
    private final DeliveryLog log;
    private final PrintWriter out;

    SendProgress(DeliveryLog log, PrintWriter out) {
        this.log = log;
        this.out = out;
    }

    /** Follows the run until it stops running; returns its final state. */
    SendRun follow(long letterId) throws InterruptedException {
        SendRun run = log.run(letterId).orElseThrow();
        long lastDone = done(run);
        long lastAt = System.nanoTime();
        double rate = 0;
        while (run.state() == SendRunState.RUNNING) {
            Thread.sleep(500);
            run = log.run(letterId).orElseThrow();
            long now = System.nanoTime();
            double instant = (done(run) - lastDone) * 1e9 / (now - lastAt);
            rate = rate == 0 ? instant : 0.7 * rate + 0.3 * instant;
            lastDone = done(run);
            lastAt = now;
            out.print("\r" + line(run, rate));
            out.flush();
        }
        out.println();
        out.println(counts(run));
        return run;
    }

    static String line(SendRun run, double rate) {
        long total = Math.max(1, run.recipients());
        long done = done(run);
        int width = 30;
        int filled = (int) (width * done / total);
        String left = rate < 0.5 || run.waiting() == 0 ? "--:--" : clock(Duration.ofSeconds((long) (run.waiting() / rate)));
        return String.format("[%s%s] %3d%% %d/%d  %.0f msg/s  %s left  (deferred %d, failed %d)  ",
                "#".repeat(filled), ".".repeat(width - filled), 100 * done / total, done, total, rate, left,
                run.count(DeliveryState.DEFERRED), run.count(DeliveryState.FAILED));
    }

    static String counts(SendRun run) {
        StringBuilder sb = new StringBuilder("letter " + run.letterId() + ": " + run.state() + ", " + run.recipients() + " recipients");
        for (DeliveryState s : DeliveryState.values()) {
            sb.append(", ").append(s.name().toLowerCase()).append(' ').append(run.count(s));
        }
        if (run.count(DeliveryState.BLOCKED) > 0) {
            sb.append(System.lineSeparator()).append("warning: ").append(run.count(DeliveryState.BLOCKED))
                    .append(" deliveries were refused by the receiving servers because of us, not the members (policy, SPF/DKIM/DMARC,")
                    .append(" reputation or blocklist, our envelope sender); no member was marked. See the answers with: deliveries ")
                    .append(run.letterId()).append(" --state BLOCKED; fix the cause, then: letter resend-failed ").append(run.letterId());
        }
        return sb.toString();
    }

    private static long done(SendRun run) {
        return run.count(DeliveryState.SENT) + run.count(DeliveryState.FAILED) + run.count(DeliveryState.BOUNCED)
                + run.count(DeliveryState.CANCELLED) + run.count(DeliveryState.BLOCKED);
    }

    private static String clock(Duration d) {
        return String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }

}
