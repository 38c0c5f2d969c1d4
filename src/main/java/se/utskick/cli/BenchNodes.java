package se.utskick.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import se.utskick.UtskickException;
import se.utskick.bench.ProcessCpu;
import se.utskick.bench.SenderNodes;

/**
 * The other nodes of {@code bench send --nodes N}: each a JVM of this same program (same java, class
 * path and -X options) running the hidden {@code bench sender} on the benchmark's database. They get the
 * same configuration file and environment (so the same {@code db.embedded.dir}: they attach to the
 * server this process started, reading its password from the folder; nothing secret goes on a command
 * line). Their logs go to this process's stderr; their stdout carries {@code ready} and {@code recorded=N}.
 */
final class BenchNodes implements SenderNodes {
    private static final long READY_SECONDS = 180;
    private final List<String> command;

    /** @param database the scratch database's name, or null for db.url; @param configFile --config, or null */
    BenchNodes(Path configFile, String database, String sink, Integer workers, Integer batch) {
        List<String> c = new ArrayList<>();
        c.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-X")).forEach(c::add);
        c.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        if (configFile != null) {
            c.addAll(List.of("--config", configFile.toString()));
        }
        c.addAll(List.of("bench", "sender", "--sink", sink));
        if (database != null) {
            c.addAll(List.of("--database", database));
        }
        if (workers != null) {
            c.addAll(List.of("--workers", workers.toString()));
        }
        if (batch != null) {
            c.addAll(List.of("--batch", batch.toString()));
        }
        this.command = List.copyOf(c);
    }

    @Override
    public Started start(long letterId, int count) throws Exception {
        List<Node> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                List<String> c = new ArrayList<>(command);
                c.addAll(List.of("--letter", String.valueOf(letterId)));
                nodes.add(new Node(new ProcessBuilder(c).redirectError(ProcessBuilder.Redirect.INHERIT).start()));
            }
            for (Node n : nodes) {
                n.awaitReady();
            }
        } catch (Exception | Error e) {
            nodes.forEach(Node::kill);
            throw e;
        }
        return new Started() {
            @Override
            public long cpuNanos() {
                return nodes.stream().mapToLong(n -> Math.max(0, ProcessCpu.of(n.process.pid()))).sum();
            }

            @Override
            public long finish() throws Exception {
                long recorded = 0;
                for (Node n : nodes) {
                    recorded += n.finish();
                }
                return recorded;
            }

            @Override
            public void close() {
                nodes.forEach(Node::kill);
            }
        };
    }

    /** One started node and what it printed on stdout. */
    private static final class Node {
        final Process process;
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        final CompletableFuture<Long> recorded = new CompletableFuture<>();

        Node(Process process) {
            this.process = process;
            Thread.ofPlatform().daemon(true).name("bench-node-" + process.pid()).start(this::read);
        }

        private void read() {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.equals("ready")) {
                        ready.complete(null);
                    } else if (line.startsWith("recorded=")) {
                        recorded.complete(Long.parseLong(line.substring("recorded=".length())));
                    }
                }
            } catch (Exception e) {
                // the checks below say the node ended without its line
            }
            UtskickException gone = new UtskickException("the sender node (pid " + process.pid() + ") ended without saying so"
                    + " (its log is above, on stderr)");
            ready.completeExceptionally(gone);
            recorded.completeExceptionally(gone);
        }

        void awaitReady() throws Exception {
            unwrap(() -> ready.get(READY_SECONDS, TimeUnit.SECONDS));
        }

        long finish() throws Exception {
            long n = unwrap(() -> recorded.get(5, TimeUnit.MINUTES));
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new UtskickException("the sender node (pid " + process.pid() + ") did not end cleanly");
            }
            return n;
        }

        private static <T> T unwrap(Callable<T> wait) throws Exception {
            try {
                return wait.call();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }

        void kill() {
            process.destroy();
        }
    }
}
