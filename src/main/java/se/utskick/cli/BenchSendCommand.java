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
import se.utskick.bench.SendBenchmark;
import se.utskick.Utskick;
import se.utskick.register.SampleRegister;

/**
 * {@code bench send}: the delivery pipeline against Postfix's smtp-sink, in a
 * scratch database on the embedded server, dropped afterwards, so the register is never touched;
 * on a configured {@code db.url} it refuses unless told to write there.
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

    @Option(names = "--on-configured-database",
            description = "Write the fictional members and the benchmark letter into the database at db.url (default: refuse).")
    boolean onConfigured;

    @Override
    public Integer call() throws Exception {
        int colon = sink.lastIndexOf(':');
        Config c = bench.main.config().with("smtp.host", sink.substring(0, colon)).with("smtp.port", sink.substring(colon + 1))
                .with("smtp.starttls", "off").with("smtp.tls", "false").with("delivery.poll.interval", "PT0.1S");
        if (workers != null) {
            c = c.with("delivery.workers", workers.toString());
        }
        if (batch != null) {
            c = c.with("delivery.batch.size", batch.toString());
        }
        var out = spec.commandLine().getOut();
        Process sinkProcess = startSink ? startSink(sink) : null;
        try (BenchDatabase bench = BenchDatabase.open(c, "bench send", members, onConfigured)) {
            Utskick app = bench.app();
            long t = System.nanoTime();
            SampleRegister.load(app.database(), members, seed);
            out.printf("sample register of %d members loaded in %d ms%n", members, (System.nanoTime() - t) / 1_000_000);
            new SendBenchmark(app, out).run(Files.createTempDirectory("utskick-bench-"));
        } finally {
            if (sinkProcess != null) {
                sinkProcess.destroy();
            }
        }
        return 0;
    }

    private static Process startSink(String address) throws Exception {
        Path bin = Path.of("/usr/sbin/smtp-sink");
        if (!Files.isExecutable(bin)) {
            throw new UtskickException("--start-sink needs /usr/sbin/smtp-sink (apt-get install postfix; the daemon need not run)");
        }
        Process p = new ProcessBuilder(bin.toString(), "-u", "nobody", address, "1000").inheritIO().start();
        Thread.sleep(300);
        if (!p.isAlive()) {
            throw new UtskickException("smtp-sink did not start on " + address + " (is the port taken?)");
        }
        return p;
    }
}
