package se.utskick.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.utskick.Config;
import se.utskick.TestDatabase;
import se.utskick.TestSecret;
import se.utskick.Utskick;
import se.utskick.db.Database;

/**
 * Issue 12, finding 6: the throttle decision and the failure record are one atomic step, taken
 * before the password is checked. Parallel guesses, through the real composition root, get at most
 * {@code web.signin.max.failures} password checks (counted by the hasher itself), whether they aim
 * at one name from many addresses or at many names from one address; a check the server is too busy
 * to make is turned away as Busy and does not count as a failure. A refused guess never waits
 * for locks on other keys' old rows: the purge of old failures is the hourly job's (it once ran on each
 * refused guess, and parallel guesses deadlocked on it).
 */
class SignInConcurrencyTest {
    static final char[] PASSWORD = "korrekt häst batteri häftklammer".toCharArray();
    static final int LIMIT = 5;

    private Database db;
    private Users users;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh();
        Utskick app = Utskick.wire(Config.of(Map.of("security.secret", TestSecret.VALUE, "web.hash.memory", "8192",
                "web.hash.iterations", "1", "web.signin.max.failures", String.valueOf(LIMIT))), db);
        users = app.users();
        users.add("anna.k", "Anna", PASSWORD);
        users.resetTotp("anna.k");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void fortyParallelWrongGuessesForOneNameGetAtMostTheLimitChecked() throws Exception {
        long before = users.hashingLoad().checks();
        List<SignInResult> results = parallel(40, i -> () -> users.signIn("anna.k", ("gissning-" + i).toCharArray(), "10.0.0." + i));

        long checked = users.hashingLoad().checks() - before;
        long refused = results.stream().filter(r -> r instanceof SignInResult.Refused).count();
        long throttled = results.stream().filter(r -> r instanceof SignInResult.Throttled).count();
        assertTrue(checked <= LIMIT, checked + " of 40 parallel guesses had their password checked; the limit is " + LIMIT);
        assertEquals(LIMIT, refused, "exactly the limit were checked and refused: " + results);
        assertEquals(40 - LIMIT, throttled);
        assertInstanceOf(SignInResult.Throttled.class, users.signIn("anna.k", PASSWORD, "10.0.1.1"),
                "the name stays throttled, the right password included");
    }

    @Test
    void fortyParallelGuessesFromOneAddressGetAtMostTheLimitChecked() throws Exception {
        long before = users.hashingLoad().checks();
        List<SignInResult> results = parallel(40, i -> () -> users.signIn("namn" + i, PASSWORD, "198.51.100.7"));

        assertTrue(users.hashingLoad().checks() - before <= LIMIT, (users.hashingLoad().checks() - before) + " checks");
        assertEquals(LIMIT, results.stream().filter(r -> r instanceof SignInResult.Refused).count());
    }

    @Test
    void aRefusedGuessDoesNotWaitForOldRowsOfOtherKeys() throws Exception {
        db.withConnection(c -> c.createStatement().executeUpdate(
                "INSERT INTO signin_guard (guard_key, touched_at) VALUES (x'01', NOW(3) - INTERVAL 1 DAY)"));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        Future<?> holder = other.submit(() -> db.inTransaction(c -> {
            c.createStatement().executeQuery("SELECT * FROM signin_guard WHERE guard_key = x'01' FOR UPDATE").close();
            locked.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        try {
            assertTrue(locked.await(10, java.util.concurrent.TimeUnit.SECONDS));
            SignInResult r = assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                    () -> users.signIn("bo", "fel".toCharArray(), "192.0.2.50"),
                    "a refused guess waited for another key's old row (the purge belongs to the hourly job)");
            assertInstanceOf(SignInResult.Refused.class, r);
        } finally {
            release.countDown();
            holder.get();
            other.shutdown();
        }
        users.purgeExpired();
        int left = db.withConnection(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM signin_guard WHERE guard_key = x'01'")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertEquals(0, left, "the hourly purge takes the old row once it is free");
    }

    @Test
    void aCheckTheServerIsTooBusyToMakeIsTurnedAwayAndDoesNotCount() throws Exception {
        try (var occupied = users.occupyHashingForTest()) {
            SignInResult r = users.signIn("anna.k", "fel-lösenord".toCharArray(), "192.0.2.9");
            SignInResult.Busy busy = assertInstanceOf(SignInResult.Busy.class, r);
            assertTrue(busy.retryAfter().isPositive());
        }
        for (int i = 0; i < LIMIT - 1; i++) {
            assertInstanceOf(SignInResult.Refused.class, users.signIn("anna.k", "fel".toCharArray(), "192.0.2.9"));
        }
        assertInstanceOf(SignInResult.CodeNeeded.class, users.signIn("anna.k", PASSWORD, "192.0.2.9"),
                "the busy attempt gave its reservation back: four failures, not five, so the right password is checked");
    }

    @Test
    void rightPasswordReleasesItsReservation() {
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(SignInResult.CodeNeeded.class, users.signIn("anna.k", PASSWORD, "192.0.2.10"));
        }
        for (int i = 0; i < LIMIT; i++) {
            assertInstanceOf(SignInResult.Refused.class, users.signIn("anna.k", "fel".toCharArray(), "192.0.2.11"));
        }
        assertInstanceOf(SignInResult.Throttled.class, users.signIn("anna.k", "fel".toCharArray(), "192.0.2.11"));
    }

    private static List<SignInResult> parallel(int n, IntFunction<Callable<SignInResult>> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<SignInResult>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<SignInResult> a = attempt.apply(i);
                futures.add(pool.submit(() -> {
                    go.await();
                    return a.call();
                }));
            }
            go.countDown();
            List<SignInResult> out = new ArrayList<>();
            for (Future<SignInResult> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
