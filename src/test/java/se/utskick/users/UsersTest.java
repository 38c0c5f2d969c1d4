package se.utskick.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.utskick.Keyring;
import se.utskick.TestDatabase;
import se.utskick.audit.AuditEntry;
import se.utskick.audit.AuditLog;
import se.utskick.db.Database;

/**
 * Guards sign-in: only the right password of an active account opens a session; wrong and unknown
 * names get the same refusal; repeated failures throttle the name and the address, the right
 * password included; sessions end when idle, at their lifetime, at sign-out, and when the account
 * is disabled or its password changed; a forged token finds nothing.
 */
class UsersTest {
    static final char[] PASSWORD = "korrekt häst batteri häftklammer".toCharArray();
    static final Keyring KEYRING = Keyring.of("users-test-secret-0123456789-0123456789");
    static final UsersConfig CHEAP = new UsersConfig(8192, 1, 1, Duration.ofHours(2), Duration.ofHours(12), 5, Duration.ofMinutes(15));

    private Database db;
    private MovingClock clock;
    private AuditLog audit;
    private Users users;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh();
        clock = new MovingClock("2026-11-02T08:00:00Z");
        audit = new AuditLog(db, clock);
        users = new Users(db, CHEAP, audit::record, clock, KEYRING);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private final Map<String, String> secrets = new HashMap<>();
    private final Map<String, Long> lastStep = new HashMap<>();

    /** Adds an account and enrols its second factor, as {@code users add} does. */
    private User add(String name, String display, char[] password) {
        User u = users.add(name, display, password);
        secrets.put(u.username(), users.resetTotp(u.username()).secret());
        return u;
    }

    /**
     * Both steps: the password, then the app's code. A second sign-in within one 30-second step
     * uses the next step's code (accepted, one step ahead), as the current one is used up.
     */
    private Session signIn(String name, char[] password) {
        PendingSignIn p = assertInstanceOf(SignInResult.CodeNeeded.class, users.signIn(name, password, "192.0.2.1")).pending();
        String user = name.strip().toLowerCase(java.util.Locale.ROOT);
        long step = Math.max(Totp.step(clock.instant()), lastStep.getOrDefault(user, Long.MIN_VALUE) + 1);
        lastStep.put(user, step);
        String code = Totp.code(Totp.base32Decode(secrets.get(user)), step, Totp.DIGITS, "HmacSHA1");
        return assertInstanceOf(CodeResult.SignedIn.class, users.verifyCode(p.token(), code, "192.0.2.1")).session();
    }

    @Test
    void addedUsersAreListedFoundAndDisabled() {
        User anna = add("anna.k", "Anna Karlsson", PASSWORD);
        add("bo", null, PASSWORD);
        assertEquals(List.of("anna.k", "bo"), users.list().stream().map(User::username).toList());
        assertEquals(new User(anna.id(), "anna.k", "Anna Karlsson", true, Instant.parse("2026-11-02T08:00:00Z")),
                users.find("anna.k").orElseThrow());
        assertEquals("bo", users.find("bo").orElseThrow().displayName(), "the display name defaults to the username");
        users.disable("bo");
        assertFalse(users.find("bo").orElseThrow().active());
        assertTrue(users.find("nobody").isEmpty());
    }

    @Test
    void rightPasswordOpensASessionFoundByItsToken() {
        add("anna.k", "Anna", PASSWORD);
        Session s = signIn("  Anna.K ", PASSWORD);
        assertEquals(43, s.token().length());
        assertEquals(43, s.csrfToken().length());
        assertNotEquals(s.token(), s.csrfToken());
        assertEquals(Instant.parse("2026-11-02T10:00:00Z"), s.expiresAt());
        Session found = users.session(s.token()).orElseThrow();
        assertEquals("anna.k", found.user().username());
        assertEquals(s.csrfToken(), found.csrfToken());
        assertFalse(s.toString().contains(s.token()) || s.toString().contains(s.csrfToken()), "toString leaks no token");
        AuditEntry signin = audit.recent(null, "user.signin", null, 10).getFirst();
        assertEquals("anna.k", signin.actor());
        assertEquals("from 192.0.2.1", signin.detail());
    }

    @Test
    void wrongPasswordAndUnknownNameAreRefusedAlike() {
        add("anna.k", "Anna", PASSWORD);
        assertInstanceOf(SignInResult.Refused.class, users.signIn("anna.k", "korrekt häst batteri häftklamme".toCharArray(), "192.0.2.1"));
        assertInstanceOf(SignInResult.Refused.class, users.signIn("nobody", PASSWORD, "192.0.2.1"));
        assertInstanceOf(SignInResult.Refused.class, users.signIn("not a valid name at all", PASSWORD, "192.0.2.1"));
        assertInstanceOf(SignInResult.Refused.class, users.signIn(null, null, null));
        List<AuditEntry> refused = audit.recent(null, "user.signin.refused", null, 10);
        assertEquals(4, refused.size());
        assertEquals(List.of("user (unknown name)", "user (unknown name)", "user (unknown name)", "user anna.k"),
                refused.stream().map(AuditEntry::subject).toList());
        assertTrue(refused.stream().allMatch(e -> e.actor().equals("anonymous")));
        assertTrue(refused.stream().noneMatch(e -> e.subject().contains("nobody")), "what was typed is not kept");
    }

    @Test
    void afterFiveFailuresEvenTheRightPasswordIsThrottledUntilTheWindowPasses() {
        add("anna.k", "Anna", PASSWORD);
        char[] wrong = "fel fel fel fel fel".toCharArray();
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(SignInResult.Refused.class, users.signIn("anna.k", wrong, "192.0.2." + i));
            clock.advance(Duration.ofMinutes(1));
        }
        SignInResult.Throttled t = assertInstanceOf(SignInResult.Throttled.class, users.signIn("anna.k", PASSWORD, "198.51.100.7"));
        assertEquals(Duration.ofMinutes(10), t.retryAfter(), "the first failure (5 minutes ago) leaves the 15-minute window in 10");
        assertEquals(5, audit.recent(null, "user.signin.refused", null, 100).size(), "a throttled attempt is not counted");
        clock.advance(Duration.ofMinutes(10));
        signIn("anna.k", PASSWORD);
    }

    @Test
    void failuresFromOneAddressThrottleEveryNameFromIt() {
        add("anna.k", "Anna", PASSWORD);
        for (int i = 0; i < 5; i++) {
            users.signIn("guess" + i, PASSWORD, "203.0.113.9");
        }
        assertInstanceOf(SignInResult.Throttled.class, users.signIn("anna.k", PASSWORD, "203.0.113.9"));
        signIn("anna.k", PASSWORD);
    }

    @Test
    void successClearsTheNamesFailures() {
        add("anna.k", "Anna", PASSWORD);
        char[] wrong = "fel fel fel fel fel".toCharArray();
        for (int i = 0; i < 4; i++) {
            users.signIn("anna.k", wrong, "192.0.2." + i);
        }
        signIn("anna.k", PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertInstanceOf(SignInResult.Refused.class, users.signIn("anna.k", wrong, "198.51.100." + i));
        }
        signIn("anna.k", PASSWORD);
    }

    @Test
    void sessionEndsWhenIdleButUseSlidesIt() {
        add("anna.k", "Anna", PASSWORD);
        Session s = signIn("anna.k", PASSWORD);
        clock.advance(Duration.ofMinutes(119));
        assertEquals(Instant.parse("2026-11-02T11:59:00Z"), users.session(s.token()).orElseThrow().expiresAt());
        clock.advance(Duration.ofMinutes(119));
        assertTrue(users.session(s.token()).isPresent(), "used 119 minutes ago");
        clock.advance(Duration.ofMinutes(120));
        assertTrue(users.session(s.token()).isEmpty(), "unused for the idle timeout");
    }

    @Test
    void sessionEndsAtItsLifetimeHoweverBusy() {
        add("anna.k", "Anna", PASSWORD);
        Session s = signIn("anna.k", PASSWORD);
        for (int hour = 1; hour < 12; hour++) {
            clock.advance(Duration.ofHours(1));
            assertTrue(users.session(s.token()).isPresent(), "hour " + hour);
        }
        assertEquals(Instant.parse("2026-11-02T20:00:00Z"), users.session(s.token()).orElseThrow().expiresAt());
        clock.advance(Duration.ofHours(1));
        assertTrue(users.session(s.token()).isEmpty());
    }

    @Test
    void forgedUnknownOrMalformedTokensFindNoSession() {
        add("anna.k", "Anna", PASSWORD);
        Session s = signIn("anna.k", PASSWORD);
        char[] t = s.token().toCharArray();
        t[10] = t[10] == 'A' ? 'B' : 'A';
        for (String bad : new String[] {null, "", "abc", new String(t), s.csrfToken(), s.token() + "A", s.token().substring(1),
                s.token().substring(0, 42) + "=", "' OR 1=1 -- xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}) {
            assertTrue(users.session(bad).isEmpty(), String.valueOf(bad));
        }
        assertTrue(users.session(s.token()).isPresent());
    }

    @Test
    void csrfMatchesOnlyTheSessionsOwnToken() {
        add("anna.k", "Anna", PASSWORD);
        Session s = signIn("anna.k", PASSWORD);
        assertTrue(s.csrfMatches(s.csrfToken()));
        assertFalse(s.csrfMatches(null));
        assertFalse(s.csrfMatches(""));
        assertFalse(s.csrfMatches(s.csrfToken().substring(1)));
        assertFalse(s.csrfMatches(s.token()));
        assertFalse(s.csrfMatches(signIn("anna.k", PASSWORD).csrfToken()), "another session's token");
    }

    @Test
    void signOutEndsTheSession() {
        add("anna.k", "Anna", PASSWORD);
        Session s = signIn("anna.k", PASSWORD);
        Session other = signIn("anna.k", PASSWORD);
        users.signOut(s.token());
        users.signOut("not a token");
        assertTrue(users.session(s.token()).isEmpty());
        assertTrue(users.session(other.token()).isPresent(), "only that session");
        assertEquals("user anna.k", audit.recent("anna.k", "user.signout", null, 10).getFirst().subject());
    }

    @Test
    void disablingAUserEndsItsSessionsAndRefusesItsSignIn() {
        add("anna.k", "Anna", PASSWORD);
        Session s = signIn("anna.k", PASSWORD);
        users.disable("anna.k");
        assertTrue(users.session(s.token()).isEmpty());
        assertInstanceOf(SignInResult.Refused.class, users.signIn("anna.k", PASSWORD, "192.0.2.1"));
    }

    @Test
    void newPasswordEndsSessionsAndOnlyItSignsIn() {
        add("anna.k", "Anna", PASSWORD);
        Session s = signIn("anna.k", PASSWORD);
        char[] fresh = "ett helt annat lösenord".toCharArray();
        users.setPassword("anna.k", fresh);
        assertTrue(users.session(s.token()).isEmpty());
        assertInstanceOf(SignInResult.Refused.class, users.signIn("anna.k", PASSWORD, "192.0.2.1"));
        signIn("anna.k", fresh);
    }

    @Test
    void badNamesShortPasswordsAndTakenNamesAreRefusedWithTheRule() {
        for (String bad : new String[] {null, "a", "Anna", "anna k", "ånna", "a@b.se", "x".repeat(41), "anna\n"}) {
            UsersException e = assertThrows(UsersException.class, () -> add(bad, "Anna", PASSWORD), String.valueOf(bad));
            assertTrue(e.getMessage().contains("2 to 40 of a-z"), e.getMessage());
        }
        UsersException shortOne = assertThrows(UsersException.class, () -> add("anna.k", "Anna", "elva tecken".toCharArray()));
        assertTrue(shortOne.getMessage().contains("at least 12 characters"), shortOne.getMessage());
        assertThrows(UsersException.class, () -> add("anna.k", "Anna", null));
        assertThrows(UsersException.class, () -> add("anna.k", "Anna\nKarlsson", PASSWORD));
        add("anna.k", "Anna", PASSWORD);
        UsersException taken = assertThrows(UsersException.class, () -> add("anna.k", "Anna 2", PASSWORD));
        assertTrue(taken.getMessage().contains("is taken"), taken.getMessage());
        assertThrows(UsersException.class, () -> users.disable("nobody"));
        assertThrows(UsersException.class, () -> users.setPassword("nobody", PASSWORD));
        assertThrows(UsersException.class, () -> users.setPassword("anna.k", "kort".toCharArray()));
    }

    @Test
    void theSecondFactorIsSealedForItsAccountAndKeyAndACodeWorksOnce() throws Exception {
        add("anna.k", "Anna", PASSWORD);
        add("bo", "Bo", PASSWORD);
        assertTrue(users.hasSecondFactor("anna.k"));
        Session s = signIn("anna.k", PASSWORD);
        // Bo's sealed secret copied into Anna's row does not open for Anna (the username is bound in).
        db.withConnection(c -> c.createStatement().executeUpdate("UPDATE user_account a JOIN user_account b ON b.username = 'bo'"
                + " SET a.totp_secret = b.totp_secret WHERE a.username = 'anna.k'"));
        assertFalse(users.hasSecondFactor("anna.k"));
        assertEquals(new SignInResult.NotEnrolled("anna.k"), users.signIn("anna.k", PASSWORD, "192.0.2.1"));
        assertTrue(users.session(s.token()).isPresent(), "a refused sign-in ends nothing");
        // Under another deployment secret no account's secret opens.
        Users elsewhere = new Users(db, CHEAP, audit::record, clock, Keyring.of("another-secret-0123456789-0123456789-x"));
        assertFalse(elsewhere.hasSecondFactor("bo"));
        assertInstanceOf(SignInResult.NotEnrolled.class, elsewhere.signIn("bo", PASSWORD, "192.0.2.1"));
        // A reset enrols again and ends the sessions; the new code works once.
        TotpEnrolment e = users.resetTotp("anna.k");
        assertTrue(users.session(s.token()).isEmpty(), "sessions end with the old factor");
        PendingSignIn p = assertInstanceOf(SignInResult.CodeNeeded.class, users.signIn("anna.k", PASSWORD, "192.0.2.1")).pending();
        String code = Totp.code(e.secret(), clock.instant());
        assertInstanceOf(CodeResult.SignedIn.class, users.verifyCode(p.token(), code, "192.0.2.1"));
        assertInstanceOf(CodeResult.Expired.class, users.verifyCode(p.token(), code, "192.0.2.1"), "the pending sign-in is used up");
        PendingSignIn again = assertInstanceOf(SignInResult.CodeNeeded.class, users.signIn("anna.k", PASSWORD, "192.0.2.1")).pending();
        assertInstanceOf(CodeResult.WrongCode.class, users.verifyCode(again.token(), code, "192.0.2.1"), "a replay");
        assertEquals("from 192.0.2.1; the code was already used",
                audit.recent(null, "user.signin.totp-failed", null, 10).getFirst().detail());
        assertThrows(UsersException.class, () -> users.resetTotp("nobody"));
        assertThrows(UsersException.class, () -> users.resetTotp(null));
    }

    @Test
    void purgeDeletesExpiredSessionsAndFailuresThatNoLongerCount() throws Exception {
        add("anna.k", "Anna", PASSWORD);
        Session old = signIn("anna.k", PASSWORD);
        users.signIn("bo", "fel fel fel fel fel".toCharArray(), "192.0.2.1");
        clock.advance(Duration.ofMinutes(121));
        Session fresh = signIn("anna.k", PASSWORD);
        assertEquals(1, users.purgeExpired(), "bo's failure left the window; the old session went at the sign-in");
        assertEquals(0, users.purgeExpired());
        assertTrue(users.session(old.token()).isEmpty());
        assertTrue(users.session(fresh.token()).isPresent());
        clock.advance(Duration.ofHours(3));
        assertEquals("1 rows deleted", users.jobs().getFirst().run(), "the fresh session, idle for 3 hours");
    }
}
