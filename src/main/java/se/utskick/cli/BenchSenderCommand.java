package se.utskick.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import se.utskick.Utskick;
import se.utskick.UtskickException;
import se.utskick.delivery.SendRunState;
import se.utskick.delivery.SenderPool;

/**
 * {@code bench sender} (hidden): one extra sending node of {@code bench send --nodes N}, started by it
 * as a separate JVM of the same program. It opens the benchmark's database (the scratch database on the
 * embedded server the first process started, found through the same {@code db.embedded.dir}; or
 * {@code db.url}), starts a sender pool like {@code senders} does, prints {@code ready}, and once the
 * letter has been frozen and is no longer running stops the pool and prints {@code recorded=N} (the
 * rows its pool recorded). It also ends when the process that started it is gone. Logs go to stderr.
 */
@Command(name = "sender", hidden = true, mixinStandardHelpOptions = true,
        description = "One extra sending node of 'bench send --nodes N' (started by it).")
final class BenchSenderCommand implements Callable<Integer> {
    private static final Duration FREEZE_WAIT = Duration.ofMinutes(10);

    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--database", description = "The scratch database on the embedded server (none: db.url).")
    String database;

    @Option(names = "--letter", required = true, description = "The letter to send.")
    long letter;

    @Option(names = "--sink", defaultValue = "127.0.0.1:2525")
    String sink;

    @Option(names = "--workers")
    Integer workers;

    @Option(names = "--batch")
    Integer batch;

    @Override
    public Integer call() throws Exception {
        if (database != null && !database.matches("[a-z0-9_]{1,64}")) {
            throw new UtskickException("--database must be a scratch database's name (letters, digits, _), not '" + database + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        try (BenchDatabase db = BenchDatabase.attach(BenchSendCommand.sendConfig(bench.main.config(), sink, workers, batch), database)) {
            Utskick app = db.app();
            SenderPool pool = app.delivery().senders();
            pool.start();
            out.println("ready");
            out.flush();
            try {
                awaitEnd(app, parent);
            } finally {
                pool.stop();
            }
            out.println("recorded=" + pool.recorded());
            out.flush();
        }
        return 0;
    }

    /** Until the letter has been frozen and has stopped running, or the process that started this one is gone. */
    private void awaitEnd(Utskick app, Optional<ProcessHandle> parent) throws InterruptedException {
        long frozenBy = System.nanoTime() + FREEZE_WAIT.toNanos();
        while (true) {
            if (parent.isPresent() && !parent.get().isAlive()) {
                throw new UtskickException("the process that started this sender (" + parent.get().pid() + ") is gone");
            }
            Optional<SendRunState> state = app.delivery().log().state(letter);
            if (state.isPresent() && state.get() != SendRunState.RUNNING) {
                return;
            }
            if (state.isEmpty() && System.nanoTime() > frozenBy) {
                throw new UtskickException("letter " + letter + " was not frozen within " + FREEZE_WAIT.toMinutes() + " minutes");
            }
            Thread.sleep(50);
        }
    }
}
