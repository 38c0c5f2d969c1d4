package se.utskick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.Config;
import se.utskick.Utskick;

/**
 * A command in another process, beside a running node on the embedded database, connects to the
 * node's server instead of starting a second one on the same data folder, and leaves it running.
 */
class SharedEmbeddedDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void aCommandBesideARunningNodeUsesTheNodesEmbeddedDatabase() throws Exception {
        Path config = Files.writeString(dir.resolve("utskick.properties"), String.join("\n",
                "db.embedded.dir = " + dir.resolve("db"), "security.secret = " + se.utskick.TestSecret.VALUE,
                "smtp.host = 127.0.0.1", "smtp.port = 1", "smtp.starttls = off", "mail.domain = varmland.example.org",
                "letters.templates.dir = " + dir.resolve("none"), "web.port = 0", ""));
        try (Utskick node = Utskick.start(Config.load(config, Map.of()))) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            long t0 = System.nanoTime();
            Process cmd = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "--config", config.toString(), "register", "show").redirectErrorStream(true).start();
            String out = new String(cmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(cmd.waitFor(120, TimeUnit.SECONDS));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("register show beside a running node, JVM start included: " + ms + " ms");
            assertEquals(0, cmd.exitValue(), out);
            assertTrue(out.contains("using the server already running"), out);
            assertTrue(out.contains("Members:"), out);
            // the command left; the node's database is still there
            assertEquals(1, (int) node.database().withConnection(c -> {
                var rs = c.createStatement().executeQuery("SELECT 1");
                rs.next();
                return rs.getInt(1);
            }));
        }
    }
}
