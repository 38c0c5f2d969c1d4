package se.utskick.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.utskick.AudienceFixture;
import se.utskick.Config;
import se.utskick.TestDatabase;
import se.utskick.Utskick;
import se.utskick.bench.SyntheticRegister;
import se.utskick.db.Database;
import se.utskick.letters.Letter;
import se.utskick.letters.LetterKind;
import se.utskick.letters.LetterState;
import se.utskick.testing.ScriptedSmtpServer;
import se.utskick.testing.SmtpScript;

/**
 * Guards the service across processes: two {@code serve} JVMs on one database send one
 * 20,000-recipient letter together; one killed with SIGKILL loses nobody (the other finishes, at
 * most workers × batch sent twice); one stopped with SIGTERM exits within seconds, holds no lease
 * once it is gone, and the other finishes the letter at once, with nobody lost and nothing sent twice.
 */
class ServeProcessTest {
    private static final int MEMBERS = 20_000;
    private static final int WORKERS = 4;
    private static final int BATCH = 25;
    @TempDir
    Path dir;
    private String url;
    private Database db;
    private ScriptedSmtpServer smtp;
    private Path config;
    private final List<Process> nodes = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        url = TestDatabase.freshUrl();
        db = Database.onUrl(url, TestDatabase.USER, TestDatabase.password(), 4);
        smtp = ScriptedSmtpServer.start(new SmtpScript().countOnly());
        SyntheticRegister.fill(db, MEMBERS, "example.org");
        config = Files.writeString(dir.resolve("utskick.properties"), String.join("\n",
                "db.url = " + url, "db.user = " + TestDatabase.USER, "db.password = " + TestDatabase.password(), "security.secret = " + se.utskick.TestSecret.VALUE,
                "smtp.host = 127.0.0.1", "smtp.port = " + smtp.port(), "smtp.starttls = off",
                "smtp.timeout.read = 2s", "smtp.timeout.write = 2s", "delivery.message.deadline = 2s", "mail.domain = varmland.example.org",
                "letters.templates.dir = " + dir.resolve("none"), "web.port = 0",
                "delivery.workers = " + WORKERS, "delivery.batch.size = " + BATCH, "delivery.poll.interval = PT0.2S",
                "schedule.sends.interval = 1s", "schedule.cluster.checkin = 2s", "db.pool.size = 8", ""));
    }

    @AfterEach
    void stop() throws Exception {
        for (Process p : nodes) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        smtp.close();
        db.close();
    }

    /** The test JVM's own graph on the same database, to compose and approve the letter. */
    private Utskick app() {
        Map<String, String> m = new HashMap<>();
        for (String line : readLines(config)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return Utskick.wire(Config.of(m), db);
    }

    private long approvedLetter(Utskick app) throws IOException {
        Letter l = app.letters().create(LetterKind.MEMBERS, "2031-05", List.of(), null);
        app.letters().addItem(l.id(), "Nyheter", Files.writeString(dir.resolve("item.md"), "Välkommen till **våren**!"));
        assertEquals(MEMBERS, app.letters().approve(l.id()).recipients());
        return l.id();
    }

    private Process serve(String node, String lease) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--config", config.toString(), "serve");
        pb.environment().put("UTSKICK_SCHEDULE_INSTANCE_ID", node);
        pb.environment().put("UTSKICK_DELIVERY_LEASE", lease);
        File log = new File("target/serve-" + node + ".log");
        Process p = pb.redirectErrorStream(true).redirectOutput(log).start();
        nodes.add(p);
        return p;
    }

    @Test
    void twoNodesShareAScheduledLetterAndOneKilledMidSendLosesNobody() throws Exception {
        Utskick app = app();
        long letter = approvedLetter(app);
        app.delivery().schedule(letter, Instant.now().minusSeconds(60));
        Process a = serve("node-a", "5s");
        Process b = serve("node-b", "5s");
        await(() -> smtp.accepted() >= MEMBERS / 4 || !a.isAlive(), Duration.ofSeconds(180), "a quarter sent");
        assertTrue(a.isAlive(), "node a was still running when killed: " + Files.readString(Path.of("target/serve-node-a.log")));
        a.destroyForcibly().waitFor();
        long atKill = smtp.accepted();
        await(() -> app.letters().get(letter).state() == LetterState.SENT, Duration.ofSeconds(180), "letter sent by node b");
        System.out.printf("serve SIGKILL: killed after %d of %d messages; %d duplicates (bound %d)%n",
                atKill, MEMBERS, smtp.duplicates(), WORKERS * BATCH);
        assertEquals(MEMBERS, smtp.perRecipient.size(), "nobody lost");
        assertTrue(smtp.duplicates() <= WORKERS * BATCH, smtp.duplicates() + " duplicates");
        assertEquals(1, AudienceFixture.count(db, "SELECT COUNT(*) FROM send_run WHERE letter_id = " + letter), "frozen once");
        assertEquals(MEMBERS, AudienceFixture.count(db, "SELECT COUNT(*) FROM delivery WHERE state = 'SENT' AND letter_id = " + letter));
    }

    @Test
    void nodeStoppedWithSigtermExitsWithinSecondsAndGivesItsLeasesBack() throws Exception {
        Utskick app = app();
        long letter = approvedLetter(app);
        app.delivery().send(letter);
        // a lease far longer than the test: only the release at SIGTERM lets node b finish in time
        Process a = serve("node-a", "10m");
        Process b = serve("node-b", "10m");
        await(() -> smtp.accepted() >= MEMBERS / 4 || !a.isAlive(), Duration.ofSeconds(180), "a quarter sent");
        assertTrue(a.isAlive(), "node a was still running: " + Files.readString(Path.of("target/serve-node-a.log")));
        long t0 = System.nanoTime();
        a.destroy();
        assertTrue(a.waitFor(10, TimeUnit.SECONDS), "node a exits after SIGTERM");
        long exitMs = (System.nanoTime() - t0) / 1_000_000;
        int held = AudienceFixture.count(db, "SELECT COUNT(*) FROM delivery WHERE claimed_by LIKE 'p" + a.pid() + "-%'");
        String log = Files.readString(Path.of("target/serve-node-a.log"));
        await(() -> app.letters().get(letter).state() == LetterState.SENT, Duration.ofSeconds(180), "letter sent by node b");
        System.out.printf("serve SIGTERM: node a exited in %d ms (exit code %d); %d rows still held; %d duplicates%n",
                exitMs, a.exitValue(), held, smtp.duplicates());
        assertTrue(exitMs < 5_000, "exit took " + exitMs + " ms");
        assertEquals(0, held, "rows still leased by the stopped node");
        assertTrue(log.contains("rows given back to the queue"), log);
        assertEquals(MEMBERS, smtp.perRecipient.size(), "nobody lost");
        assertEquals(0, smtp.duplicates(), "a SIGTERM records every message sent before the node exits");
    }

    private static void await(BooleanSupplier done, Duration limit, String what) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }

    private static List<String> readLines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
