package se.utskick.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import se.utskick.Config;
import se.utskick.UtskickException;
import se.utskick.bench.NodesBenchmark;
import se.utskick.bench.SendBenchmark;
import se.utskick.Utskick;
import se.utskick.register.SampleRegister;

/**
 * {@code bench send}: the delivery pipeline against Postfix's smtp-sink, in a
 * scratch database on the embedded server, dropped afterwards, so the register is never touched;
 * on a configured {@code db.url} it refuses unless told to write there. With {@code --nodes N} (2 or
 * more) it runs {@link NodesBenchmark} instead: one letter by one node, one by N nodes sharing it (this
 * process and N-1 JVMs of {@code bench sender}, see {@link BenchNodes}), one by one node again, each
 * checked for exactly-once; the exit code is 1 when a check fails.
 */
@Command(name = "send", mixinStandardHelpOptions = true, description = {
        "Full pipeline (freeze, render, SMTP, record) and a raw SMTP baseline against a fast sink.",
        "Sink: /usr/sbin/smtp-sink -u nobody 127.0.0.1:2525 1000 (Debian package postfix; no daemon needed)."})
final class BenchSendCommand implements Callable<Integer> {
    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--members", defaultValue = "100000", description = "Members in the sample register (default ${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--sink", defaultValue = "127.0.0.1:2525", description = "SMTP sink host:port (default ${DEFAULT-VALUE}).")
    String sink;

    @Option(names = "--start-sink", description = "Start /usr/sbin/smtp-sink on --sink for the run.")
    boolean startSink;

    @Option(names = "--workers", description = "Sender workers = connections (default: delivery.workers).")
    Integer workers;

    @Option(names = "--batch", description = "Claim batch size (default: delivery.batch.size).")
    Integer batch;

    @Option(names = "--seed", defaultValue = "" + SampleRegister.DEFAULT_SEED)
    long seed;

    @Option(names = "--nodes", defaultValue = "1", description = {"Sending nodes (default ${DEFAULT-VALUE}). With 2 or more: three",
            "letters, sent by 1 node, by N nodes (this process and N-1 started JVMs on the same database, sharing the letter)",
            "and by 1 node again; database work, throughput and exactly-once checks per phase (no raw baseline)."})
    int nodes;

    @Option(names = "--on-configured-database",
            description = "Write the fictional members and the benchmark letter into the database at db.url (default: refuse).")
    boolean onConfigured;

    @Override
    public Integer call() throws Exception {
        if (nodes < 1) {
            throw new UtskickException("--nodes must be 1 or more");
        }
        Config c = sendConfig(bench.main.config(), sink, workers, batch);
        var out = spec.commandLine().getOut();
        try (BenchSink sinkProcess = startSink ? BenchSink.start(sink, nodes > 1) : null;
             BenchDatabase db = BenchDatabase.open(c, "bench send", members, onConfigured)) {
            Utskick app = db.app();
            long t = System.nanoTime();
            SampleRegister.load(app.database(), members, seed);
            out.printf("sample register of %d members loaded in %d ms%n", members, (System.nanoTime() - t) / 1_000_000);
            Path scratch = Files.createTempDirectory("utskick-bench-");
            if (nodes == 1) {
                new SendBenchmark(app, out).run(scratch);
                return 0;
            }
            BenchNodes others = new BenchNodes(bench.main.configFile, db.scratchName(), sink, workers, batch);
            boolean ok = new NodesBenchmark(app, out, others, sinkProcess == null ? () -> -1 : sinkProcess::messages).run(scratch, nodes);
            return ok ? 0 : 1;
        }
    }

    /** The benchmark's configuration: the sink as the relay (no TLS), a short poll, the given workers and batch. */
    static Config sendConfig(Config base, String sink, Integer workers, Integer batch) {
        int colon = sink.lastIndexOf(':');
        Config c = base.with("smtp.host", sink.substring(0, colon)).with("smtp.port", sink.substring(colon + 1))
                .with("smtp.starttls", "off").with("smtp.tls", "false").with("delivery.poll.interval", "PT0.1S");
        if (workers != null) {
            c = c.with("delivery.workers", workers.toString());
        }
        if (batch != null) {
            c = c.with("delivery.batch.size", batch.toString());
        }
        return c;
    }
}
