package se.utskick.cli;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.utskick.UtskickException;

/**
 * Postfix's {@code smtp-sink} started for a benchmark ({@code --start-sink}), with its running counters
 * on ({@code -c}) written to a file, so the benchmark can read how many messages it has received:
 * smtp-sink rewrites a line {@code sess=N quit=N mesg=N} each time a message ends.
 */
final class BenchSink implements AutoCloseable {
    private static final Pattern MESSAGES = Pattern.compile("mesg=(\\d+)");
    private final Process process;
    private final Path counters;

    private BenchSink(Process process, Path counters) {
        this.process = process;
        this.counters = counters;
    }

    /** Starts {@code /usr/sbin/smtp-sink} on {@code address} (host:port); {@code count} turns the counters on. */
    static BenchSink start(String address, boolean count) throws IOException, InterruptedException {
        Path bin = Path.of("/usr/sbin/smtp-sink");
        if (!Files.isExecutable(bin)) {
            throw new UtskickException("--start-sink needs /usr/sbin/smtp-sink (apt-get install postfix; the daemon need not run)");
        }
        Path counters = count ? Files.createTempFile("utskick-sink-", ".txt") : null;
        ProcessBuilder pb = count
                ? new ProcessBuilder(bin.toString(), "-c", "-u", "nobody", address, "1000").redirectErrorStream(true)
                        .redirectOutput(counters.toFile())
                : new ProcessBuilder(bin.toString(), "-u", "nobody", address, "1000").inheritIO();
        Process p = pb.start();
        Thread.sleep(300);
        if (!p.isAlive()) {
            throw new UtskickException("smtp-sink did not start on " + address + " (is the port taken?)");
        }
        return new BenchSink(p, counters);
    }

    /** Messages received so far (the last counter line), or -1 when not counting. */
    long messages() {
        if (counters == null) {
            return -1;
        }
        try (RandomAccessFile f = new RandomAccessFile(counters.toFile(), "r")) {
            long from = Math.max(0, f.length() - 200);
            byte[] tail = new byte[(int) (f.length() - from)];
            f.seek(from);
            f.readFully(tail);
            Matcher m = MESSAGES.matcher(new String(tail, StandardCharsets.US_ASCII));
            long last = 0;
            while (m.find()) {
                last = Long.parseLong(m.group(1));
            }
            return last;
        } catch (IOException e) {
            throw new UtskickException("cannot read smtp-sink's counters in " + counters + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        process.destroy();
        if (counters != null) {
            try {
                process.waitFor();
                Files.deleteIfExists(counters);
            } catch (IOException | InterruptedException e) {
                counters.toFile().deleteOnExit();
            }
        }
    }
}
