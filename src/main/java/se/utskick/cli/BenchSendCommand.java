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
import se.utskick.db.Database;
import se.utskick.db.DatabaseConfig;

/**
 * {@code bench send}: the delivery pipeline against Postfix's smtp-sink. Uses its own embedded
 * database ({@code utskick_bench}) so the register is never touched, unless {@code --configured-db}.
 */
@Command(name = "send", mixinStandardHelpOptions = true, description = {
        "Full pipeline (freeze, render, SMTP, record) and a raw SMTP baseline against a fast sink.",
        "Sink: /usr/sbin/smtp-sink -u nobody 127.0.0.1:2525 1000 (Debian package postfix; no daemon needed)."})
final class BenchSendCommand implements Callable<Integer> {
    @ParentCommand
    BenchCommand bench;

    @Spec
    CommandSpec spec;

    @Option(names = "--members", defaultValue = "100000", description = "Synthetic recipients (default ${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--sink", defaultValue = "127.0.0.1:2525", description = "SMTP sink host:port (default ${DEFAULT-VALUE}).")
    String sink;

    @Option(names = "--start-sink", description = "Start /usr/sbin/smtp-sink on --sink for the run.")
    boolean startSink;

    @Option(names = "--workers", description = "Sender workers = connections (default: delivery.workers).")
    Integer workers;

    @Option(names = "--batch", description = "Claim batch size (default: delivery.batch.size).")
    Integer batch;

    @Option(names = "--configured-db", description = "Use db.url instead of a separate embedded bench database.")
    boolean configuredDb;

    @Option(names = "--keep", description = "Keep the synthetic members and deliveries afterwards.")
    boolean keep;

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
        if (!configuredDb) {
            c = c.with("db.url", "").with("db.embedded.name", "utskick_bench");
        }
        Process sinkProcess = startSink ? startSink(sink) : null;
        try (Database db = Database.open(DatabaseConfig.from(c))) {
            new SendBenchmark(db, c, spec.commandLine().getOut()).run(members, keep);
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
