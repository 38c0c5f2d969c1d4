package se.utskick.delivery;

import java.time.Duration;
import se.utskick.db.Database;

/**
 * A separate sender process for the crash and two-process tests: sends letter {@code args[2]} from
 * the database at {@code args[0]} (password in the environment's TEST_DB_PASSWORD) to the SMTP server on port {@code args[1]} until the letter is
 * done, then prints {@code recorded=N} and exits. Arguments: jdbcUrl smtpPort letterId workers batch lease.
 */
public final class SenderProcess {
    private SenderProcess() {
    }

    public static void main(String[] args) throws Exception {
        long letter = Long.parseLong(args[2]);
        try (Database db = Database.onUrl(args[0], se.utskick.TestDatabase.USER, System.getenv("TEST_DB_PASSWORD"), 6)) {
            Delivery d = TestDelivery.delivery(db, TestDelivery.config(Integer.parseInt(args[1]), "delivery.workers", args[3],
                    "delivery.batch.size", args[4], "delivery.lease", args[5]), new TestLetter(false, false), new RecordingInvalidAddresses());
            SenderPool pool = d.senders();
            pool.start();
            System.out.println("started");
            TestDelivery.awaitDone(d, letter, Duration.ofMinutes(5));
            pool.stop();
            System.out.println("recorded=" + pool.recorded());
        }
        System.exit(0);
    }

    /** Starts one with the test JVM's classpath; its output goes to {@code log}. */
    static Process start(String jdbcUrl, int smtpPort, long letterId, int workers, int batch, String lease, java.io.File log)
            throws java.io.IOException {
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-Xmx256m", "-cp", System.getProperty("java.class.path"), SenderProcess.class.getName(),
                jdbcUrl, String.valueOf(smtpPort), String.valueOf(letterId), String.valueOf(workers), String.valueOf(batch), lease)
                .redirectErrorStream(true).redirectOutput(log);
        pb.environment().put("TEST_DB_PASSWORD", se.utskick.TestDatabase.password());
        return pb.start();
    }
}
