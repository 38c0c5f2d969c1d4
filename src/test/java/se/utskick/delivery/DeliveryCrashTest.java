package se.utskick.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.utskick.TestDatabase;
import se.utskick.bench.SyntheticRegister;
import se.utskick.db.Database;
import se.utskick.testing.ScriptedSmtpServer;
import se.utskick.testing.SmtpScript;

/**
 * Guards the outbox's promise across processes: a sender JVM killed with SIGKILL in the middle of a
 * 20,000-recipient letter loses nobody once another process takes over, and sends again at most
 * the messages that were in flight (workers × batch); two live sender processes on one database
 * share a letter without sending anything twice.
 */
class DeliveryCrashTest {
    private Database db;
    private String url;
    private ScriptedSmtpServer smtp;

    @BeforeEach
    void start() throws Exception {
        url = TestDatabase.freshUrl();
        db = Database.onUrl(url, TestDatabase.USER, TestDatabase.password(), 4);
        smtp = ScriptedSmtpServer.start(SmtpScript.faults());
    }

    @AfterEach
    void stop() throws Exception {
        smtp.close();
        db.close();
    }

    @Test
    void killedSenderLosesNobodyAndDuplicatesAtMostWhatWasInFlight() throws Exception {
        int members = 20_000;
        int workers = 4;
        int batch = 25;
        SyntheticRegister.fill(db, members, "example.org");
        TestLetter letter = new TestLetter(false, false).approve(11);
        Delivery d = TestDelivery.delivery(db, TestDelivery.config(smtp.port()), letter, new RecordingInvalidAddresses());
        assertEquals(members, d.send(11));

        File log = new File("target/crash-sender-1.log");
        Process first = SenderProcess.start(url, smtp.port(), 11, workers, batch, "3s", log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (smtp.received.size() < members / 4 && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(first.isAlive(), "the first sender was still sending when killed: " + Files.readString(log.toPath()));
        first.destroyForcibly().waitFor();
        int atKill = smtp.received.size();

        File log2 = new File("target/crash-sender-2.log");
        Process second = SenderProcess.start(url, smtp.port(), 11, workers, batch, "3s", log2);
        assertTrue(second.waitFor(180, TimeUnit.SECONDS), "second sender finished");
        assertEquals(0, second.exitValue(), Files.readString(log2.toPath()));

        Map<String, Long> perRecipient = smtp.received.stream().collect(Collectors.groupingBy(r -> r.rcpt(), Collectors.counting()));
        long duplicates = smtp.received.size() - perRecipient.size();
        System.out.printf("crash test: killed after %d of %d messages; %d duplicates (bound %d)%n",
                atKill, members, duplicates, workers * batch);
        assertEquals(members, perRecipient.size(), "nobody lost");
        assertTrue(duplicates <= (long) workers * batch, duplicates + " duplicates");
        SendRun run = d.log().run(11).orElseThrow();
        assertEquals(members, run.count(DeliveryState.SENT));
        assertEquals(SendRunState.FINISHED, run.state());
    }

    @Test
    void twoSenderProcessesShareOneLetterWithoutSendingAnythingTwice() throws Exception {
        int members = 4_000;
        SyntheticRegister.fill(db, members, "example.org");
        TestLetter letter = new TestLetter(false, false).approve(12);
        Delivery d = TestDelivery.delivery(db, TestDelivery.config(smtp.port(), "delivery.workers", "2",
                "delivery.batch.size", "20"), letter, new RecordingInvalidAddresses());
        d.send(12);
        File log = new File("target/two-process-sender.log");
        Process other = SenderProcess.start(url, smtp.port(), 12, 2, 20, "5m", log);
        long here;
        try (SenderPool pool = d.senders()) {
            while (!Files.readString(log.toPath()).contains("started") && other.isAlive()) {
                Thread.sleep(20);
            }
            pool.start();
            TestDelivery.awaitDone(d, 12, Duration.ofSeconds(120));
            here = pool.recorded();
        }
        assertTrue(other.waitFor(60, TimeUnit.SECONDS));
        String out = Files.readString(log.toPath());
        long there = Long.parseLong(out.replaceAll("(?s).*recorded=(\\d+).*", "$1"));
        System.out.printf("two processes: this one sent %d, the other %d%n", here, there);
        Map<String, Long> perRecipient = smtp.received.stream().collect(Collectors.groupingBy(r -> r.rcpt(), Collectors.counting()));
        assertEquals(members, perRecipient.size());
        assertEquals(members, smtp.received.size(), "nothing sent twice");
        assertEquals(members, here + there);
        assertTrue(here > 0 && there > 0, "both processes took part");
    }
}
