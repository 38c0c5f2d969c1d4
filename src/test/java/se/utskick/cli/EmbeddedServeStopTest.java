package se.utskick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Guards the README's way of running the service on the embedded defaults: a {@code serve} node
 * on its own embedded MariaDB, stopped with SIGTERM (what Ctrl-C on the demo does too), stops
 * cleanly within seconds: its exit hook still has the database while it gives its work back, no
 * error is logged, and no {@code mariadbd} of it outlives the JVM.
 */
class EmbeddedServeStopTest {

    @Test
    void serveOnTheEmbeddedDatabaseStopsCleanlyOnSigterm() throws Exception {
        Path home = Path.of("target", "embedded-serve-stop").toAbsolutePath();
        Path config = Files.createDirectories(home).resolve("utskick.properties");
        Files.writeString(config, String.join("\n", "db.embedded.dir = " + home.resolve("mariadb"),
                "security.secret = " + se.utskick.TestSecret.VALUE, "smtp.host = embedded", "smtp.port = " + freePort(),
                "smtp.embedded.imap.port = " + freePort(), "web.port = 0", ""));
        File log = home.resolve("serve.log").toFile();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--config", config.toString(), "serve").redirectErrorStream(true).redirectOutput(log).start();
        try {
            long end = System.nanoTime() + 240_000_000_000L;
            while (!Files.readString(log.toPath()).contains("stop with SIGTERM") && p.isAlive() && System.nanoTime() < end) {
                Thread.sleep(250);
            }
            assertTrue(p.isAlive(), "serve started: " + Files.readString(log.toPath()));
            long t0 = System.nanoTime();
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "serve exits after SIGTERM");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            String out = Files.readString(log.toPath());
            System.out.printf("embedded serve SIGTERM: exited in %d ms%n", ms);
            assertTrue(out.contains("serve: stopped in"), out);
            assertFalse(out.contains(" ERROR ") || out.contains("Exception"), out);
            assertTrue(ms < 15_000, "stop took " + ms + " ms");
            assertEquals(0, ProcessHandle.allProcesses().filter(h -> h.info().commandLine().orElse("")
                    .contains(home.resolve("mariadb").toString())).count(), "no mariadbd of the node is left");
        } finally {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
