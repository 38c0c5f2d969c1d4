package se.utskick.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import se.utskick.Utskick;
import se.utskick.letters.RenderBenchmark;
import se.utskick.register.SampleRegister;

/**
 * {@code bench render}: loads a sample register of N members, then resolves "all members" and
 * composes the members' letter for every one of them (see {@link RenderBenchmark}). On the embedded
 * default it works in a scratch database on the embedded server, dropped afterwards; on a
 * configured {@code db.url} it refuses unless told to write there.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Time audience resolution and per-recipient composition of the members' letter.")
final class BenchRenderCommand implements Callable<Integer> {
    @ParentCommand
    BenchCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--members", defaultValue = "100000", description = "Members in the sample register (default ${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--seed", defaultValue = "" + SampleRegister.DEFAULT_SEED)
    long seed;

    @Option(names = "--on-configured-database",
            description = "Write the fictional members and the benchmark letter into the database at db.url (default: refuse).")
    boolean onConfigured;

    @Override
    public Integer call() throws Exception {
        Main main = (Main) spec.parent().parent().userObject();
        var out = spec.commandLine().getOut();
        try (BenchDatabase bench = BenchDatabase.open(main.config(), "bench render", members, onConfigured)) {
            Utskick app = bench.app();
            long t = System.nanoTime();
            SampleRegister.load(app.database(), members, seed);
            out.printf("sample register of %d members loaded in %d ms%n", members, (System.nanoTime() - t) / 1_000_000);
            Path items = Files.createTempDirectory("utskick-bench-");
            new RenderBenchmark(app.audiences(), app.letters(), out).run(YearMonth.of(2099, 1), items);
        }
        return 0;
    }
}
