package se.utskick.health;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import se.utskick.delivery.WorkerHealth;

/**
 * This node's sender workers and the letters they had to stop: FAIL when the node has workers and
 * none of them is alive, or one has stopped (nothing would be sent); WARN when a worker backs off
 * after a failure, or a letter is paused for an error (it waits for the ombudsman, see its page).
 * The letters' reasons are technical texts that name no person; only letter ids are listed.
 */
public final class SendersProbe implements Probe {
    private final Supplier<List<WorkerHealth>> workers;
    private final Supplier<Map<Long, se.utskick.delivery.Pause>> pausedForError;

    public SendersProbe(Supplier<List<WorkerHealth>> workers, Supplier<Map<Long, se.utskick.delivery.Pause>> pausedForError) {
        this.workers = workers;
        this.pausedForError = pausedForError;
    }

    @Override
    public Check check() {
        List<WorkerHealth> all = workers.get();
        long alive = all.stream().filter(WorkerHealth::alive).count();
        if (!all.isEmpty() && (alive == 0 || all.stream().anyMatch(w -> w.state() == WorkerHealth.State.STOPPED))) {
            return Check.fail("senders", alive + " of " + all.size() + " sender workers alive: letters will not be sent; restart the node");
        }
        StringBuilder warn = new StringBuilder();
        all.stream().filter(w -> w.state() == WorkerHealth.State.BACKING_OFF).forEach(w -> warn.append(w.worker())
                .append(" backs off after ").append(w.failuresInARow()).append(" failures (last: ").append(w.lastError()).append("); "));
        Map<Long, se.utskick.delivery.Pause> paused = pausedForError.get();
        if (!paused.isEmpty()) {
            warn.append("letters paused for an error, waiting for the ombudsman: ").append(paused.keySet()).append("; ");
        }
        if (!warn.isEmpty()) {
            return Check.warn("senders", warn.substring(0, warn.length() - 2));
        }
        return Check.ok("senders", all.isEmpty() ? "no sender workers on this node" : alive + " of " + all.size() + " sender workers alive");
    }
}
