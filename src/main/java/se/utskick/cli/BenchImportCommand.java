package se.utskick.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import se.utskick.Utskick;
import se.utskick.register.ImportOptions;
import se.utskick.register.ImportReport;
import se.utskick.register.Register;
import se.utskick.register.SampleRegister;

/**
 * {@code bench import}: generates a sample register of N members and imports it twice (first
 * import, then the same file again, which must change nothing). On the embedded default it uses a
 * scratch database on the embedded server, dropped afterwards, so the demo's register is untouched;
 * on a configured {@code db.url} it refuses unless told to write there.
 * Peak heap is the sum of the heap pools' peak usage since the JVM started (MemoryPoolMXBean), which
 * includes garbage not yet collected: an upper bound. Run with -Xmx to show the import fits a limit.
 */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Time the register import of a large sample.")
final class BenchImportCommand implements Callable<Integer> {
    @ParentCommand
    BenchCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--members", defaultValue = "100000", description = "Members in the file (default ${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--seed", defaultValue = "" + SampleRegister.DEFAULT_SEED)
    long seed;

    @Option(names = "--on-configured-database",
            description = "Write the fictional members into the database at db.url (default: refuse).")
    boolean onConfigured;

    @Override
    public Integer call() throws Exception {
        Main main = (Main) spec.parent().parent().userObject();
        PrintWriter out = spec.commandLine().getOut();
        Path file = Files.createTempFile("utskick-bench-", ".csv");
        try {
            long t0 = System.nanoTime();
            SampleRegister.writeCsv(file, members, seed);
            out.printf("generated %d members (%d MB) in %d ms%n", members, Files.size(file) >> 20, ms(t0));
            try (BenchDatabase bench = BenchDatabase.open(main.config(), "bench import", members, onConfigured)) {
                Utskick app = bench.app();
                Register register = app.register();
                resetPeaks();
                ImportReport first = timed(out, "first import", () -> register.importFile(file, ImportOptions.defaults()));
                ImportReport again = timed(out, "re-import (no changes)", () -> register.importFile(file, ImportOptions.defaults()));
                out.println("first:  " + first.summary());
                out.println("second: " + again.summary());
                out.printf("peak heap during the imports: %d MB (max heap %d MB, %d processors)%n", peakHeap() >> 20,
                        Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
                return again.noChanges() ? 0 : 1;
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static ImportReport timed(PrintWriter out, String what, java.util.function.Supplier<ImportReport> run) {
        long t = System.nanoTime();
        ImportReport r = run.get();
        out.printf("%-24s %6d ms%n", what, ms(t));
        return r;
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
