package se.utskick.db;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Another Utskick process on an embedded folder, for the sharing and orphan tests: opens the server of
 * {@code args[0]}, prints {@code pid=N started=B}, and closes it when a line arrives on its input (or
 * is killed before). Its log goes to {@code target/embedded-db-process.log}.
 */
public final class EmbeddedDbProcess {
    private EmbeddedDbProcess() {
    }

    public static void main(String[] args) throws IOException {
        EmbeddedMariaDb db = EmbeddedMariaDb.open(Path.of(args[0]), 0);
        System.out.println("pid=" + db.pid() + " started=" + db.startedHere());
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        db.close();
        System.out.println("closed");
        System.exit(0);
    }

    /** A running one, with what it printed first. */
    record Child(Process process, long serverPid, boolean started) {
        /** Asks it to close the server and waits for it to end. */
        void closeAndWait() throws IOException, InterruptedException {
            process.getOutputStream().write('\n');
            process.getOutputStream().flush();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                throw new AssertionError("the other process did not end");
            }
        }
    }

    static Child start(Path home) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"), EmbeddedDbProcess.class.getName(),
                home.toString()).redirectError(ProcessBuilder.Redirect.appendTo(new File("target/embedded-db-process.log"))).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        while (line != null && !line.startsWith("pid=")) {
            line = out.readLine(); // the log
        }
        if (line == null || !line.startsWith("pid=")) {
            p.destroyForcibly();
            throw new AssertionError("the other process failed to open the server (see target/embedded-db-process.log): " + line);
        }
        String[] parts = line.split(" ");
        return new Child(p, Long.parseLong(parts[0].substring(4)), Boolean.parseBoolean(parts[1].substring(8)));
    }
}
