package se.utskick.delivery;

/**
 * The sending rate cap of one process: messages are paced evenly so that no second holds more
 * than {@code perSecond} and no hour more than {@code perHour} (0 = no cap). Several processes on
 * one database each apply the cap, so divide it by the number of nodes. Thread-safe: a caller
 * reserves its slot under the lock and sleeps outside it.
 */
final class RateLimit {
    private final long secondGapNanos;
    private final long hourGapNanos;
    private long nextSecondSlot;
    private long nextHourSlot;

    RateLimit(int perSecond, int perHour) {
        this.secondGapNanos = perSecond == 0 ? 0 : 1_000_000_000L / perSecond;
        this.hourGapNanos = perHour == 0 ? 0 : 3_600_000_000_000L / perHour;
        long now = System.nanoTime();
        nextSecondSlot = now;
        nextHourSlot = now;
    }

    /** Waits for the next free slot. */
    void acquire() throws InterruptedException {
        if (secondGapNanos == 0 && hourGapNanos == 0) {
            return;
        }
        long at;
        synchronized (this) {
            long now = System.nanoTime();
            at = Math.max(now, Math.max(nextSecondSlot, nextHourSlot));
            nextSecondSlot = at + secondGapNanos;
            nextHourSlot = at + hourGapNanos;
        }
        long wait = at - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
