package se.utskick.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import se.utskick.Utskick;
import se.utskick.delivery.SendRunState;
import se.utskick.delivery.SenderPool;
import se.utskick.letters.Letter;
import se.utskick.letters.RenderBenchmark;

/**
 * The delivery benchmark with several sending nodes on one database: three letters shaped like the
 * members' letter, each to every reachable member of the register in the database, sent in turn by
 * one node (this process), by {@code nodes} nodes (this process and {@code nodes - 1} others, all
 * claiming from the same letter's outbox), and by one node again (so JIT warm-up of this process
 * favours neither side). Per phase it prints messages per second and per node, the database's work
 * per message (server-wide counters, so every node's work counted once), lock waits and deadlocks,
 * CPU per message, and checks that every delivery row is SENT after one attempt, that the pools'
 * recorded rows add up to the rows frozen and that the sink received exactly that many messages.
 *
 * <p>Each phase starts the pools first (the other nodes report theirs started), then freezes the
 * letter; the time is taken from the end of the freeze to the letter's end.
 */
public final class NodesBenchmark {
    private final Utskick app;
    private final PrintWriter out;
    private final SenderNodes others;
    private final LongSupplier sinkCount;

    /** @param sinkCount messages the sink has received so far, or -1 when it cannot say */
    public NodesBenchmark(Utskick app, PrintWriter out, SenderNodes others, LongSupplier sinkCount) {
        this.app = app;
        this.out = out;
        this.others = others;
        this.sinkCount = sinkCount;
    }

    /** Runs the three phases; returns true when every check held. */
    public boolean run(Path scratch, int nodes) throws Exception {
        List<Phase> phases = new ArrayList<>();
        phases.add(phase("1 node (before)", YearMonth.of(2099, 3), 1, scratch));
        phases.add(phase(nodes + " nodes", YearMonth.of(2099, 4), nodes, scratch));
        phases.add(phase("1 node (after)", YearMonth.of(2099, 5), 1, scratch));
        out.println();
        out.println("| phase | messages | msg/s | per node | statements/msg | index reads/msg | row writes/msg | redo bytes/msg"
                + " | row lock waits | deadlocks | Java CPU ms/msg | MariaDB CPU ms/msg | checks | load |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        phases.forEach(p -> out.println(p.row()));
        boolean ok = phases.stream().allMatch(Phase::ok);
        out.println(ok ? "all checks passed: every message sent exactly once, nothing lost" : "CHECKS FAILED: see the phases above");
        return ok;
    }

    private Phase phase(String name, YearMonth period, int nodes, Path scratch) throws Exception {
        Letter letter = RenderBenchmark.sampleLetter(app.letters(), period, scratch);
        int recipients = app.letters().approve(letter.id()).recipients();
        out.printf("%n%s: letter %d approved for %d recipients; load %s%n", name, letter.id(), recipients, ProcessCpu.load());
        long sink0 = sinkCount.getAsLong();
        SenderPool pool = app.delivery().senders();
        try (SenderNodes.Started started = nodes > 1 ? others.start(letter.id(), nodes - 1) : SenderNodes.NONE) {
            Phase p;
            try (pool) {
                pool.start();
                long f0 = System.nanoTime();
                int frozen = app.delivery().send(letter.id());
                long freezeMs = (System.nanoTime() - f0) / 1_000_000;
                DatabaseWork db0 = DatabaseWork.read(app.database());
                long java0 = ProcessCpu.javaNanos() + started.cpuNanos();
                long dbCpu0 = ProcessCpu.database(app.database());
                long s0 = System.nanoTime();
                await(letter.id());
                long sendNanos = System.nanoTime() - s0;
                DatabaseWork db1 = DatabaseWork.read(app.database());
                long javaCpu = ProcessCpu.javaNanos() + started.cpuNanos() - java0;
                long dbCpu = dbCpu0 < 0 ? -1 : ProcessCpu.database(app.database()) - dbCpu0;
                p = new Phase(name, nodes, frozen, freezeMs, sendNanos, db1.perMessageSince(db0, frozen), db0, db1, javaCpu, dbCpu);
            }
            long here = pool.recorded();
            long there = started.finish();
            Thread.sleep(500); // the sink's counter is written as each message ends; let the last ones land
            long sink = sink0 < 0 ? -1 : sinkCount.getAsLong() - sink0;
            p = p.checked(here, there, sink, OutboxCheck.of(app.database(), letter.id()), ProcessCpu.load());
            p.print(out);
            return p;
        }
    }

    private void await(long letterId) throws InterruptedException {
        while (app.delivery().log().state(letterId).orElseThrow() == SendRunState.RUNNING) {
            Thread.sleep(Duration.ofMillis(50));
        }
    }

    /** One phase's figures; {@link #checked} adds what was verified after its end. */
    private record Phase(String name, int nodes, int frozen, long freezeMs, long sendNanos, String dbLine, DatabaseWork db0,
                         DatabaseWork db1, long javaCpu, long dbCpu, long here, long there, long sink, OutboxCheck rows,
                         String loadAfter) {
        Phase(String name, int nodes, int frozen, long freezeMs, long sendNanos, String dbLine, DatabaseWork db0, DatabaseWork db1,
              long javaCpu, long dbCpu) {
            this(name, nodes, frozen, freezeMs, sendNanos, dbLine, db0, db1, javaCpu, dbCpu, 0, 0, -1, null, "");
        }

        Phase checked(long here, long there, long sink, OutboxCheck rows, String loadAfter) {
            return new Phase(name, nodes, frozen, freezeMs, sendNanos, dbLine, db0, db1, javaCpu, dbCpu, here, there, sink, rows,
                    loadAfter);
        }

        double rate() {
            return frozen * 1e9 / sendNanos;
        }

        boolean ok() {
            return rows.allSentOnce(frozen) && here + there == frozen && (sink < 0 || sink == frozen);
        }

        void print(PrintWriter out) {
            out.printf("freeze: %d recipients in %d ms%n", frozen, freezeMs);
            out.printf("pipeline: %d messages in %d ms = %.0f msg/s with %d node(s) (this node recorded %d, the others %d)%n",
                    frozen, sendNanos / 1_000_000, rate(), nodes, here, there);
            out.println(dbLine);
            out.printf("cpu per message: Java %.3f ms (all nodes), MariaDB %s%n", javaCpu / 1e6 / frozen,
                    dbCpu < 0 ? "unknown (server process not found)" : String.format("%.3f ms", dbCpu / 1e6 / frozen));
            out.printf("rows: %s; recorded %d of %d; sink received %s: %s; load %s%n", rows, here + there, frozen,
                    sink < 0 ? "(not counted: use --start-sink)" : String.valueOf(sink), ok() ? "OK" : "MISMATCH", loadAfter);
        }

        String row() {
            double n = frozen;
            return String.format("| %s | %d | %.0f | %.0f | %.2f | %.1f | %.2f | %.0f | %d | %d | %.3f | %s | %s | %s |", name, frozen,
                    rate(), rate() / nodes, (db1.statements() - db0.statements()) / n, (db1.rowsRead() - db0.rowsRead()) / n,
                    (db1.rowsWritten() - db0.rowsWritten()) / n, (db1.redoBytes() - db0.redoBytes()) / n,
                    db1.lockWaits() - db0.lockWaits(), db1.deadlocks() - db0.deadlocks(), javaCpu / 1e6 / n,
                    dbCpu < 0 ? "?" : String.format("%.3f", dbCpu / 1e6 / n), ok() ? "OK" : "MISMATCH", loadAfter);
        }
    }
}
