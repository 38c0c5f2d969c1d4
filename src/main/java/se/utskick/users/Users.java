package se.utskick.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.utskick.Keyring;
import se.utskick.db.Database;
import se.utskick.schedule.ScheduledJob;

/**
 * Staff accounts, sign-in, sessions and sign-in throttling: the public face of this package.
 *
 * <p>Thread-safe; all state is in the database ({@code user_account}, {@code user_session},
 * {@code signin_failure}, {@code signin_guard}), so every serve node shares accounts, sessions and failure counts.
 * Sign-ins, refusals and sign-outs are written to the {@link AuditTrail} with the username as actor;
 * account changes ({@link #add}, {@link #disable}, {@link #setPassword}) are audited by the caller,
 * which knows who made them. Passwords are never kept: the caller may clear its array afterwards.
 *
 * <p>Sign-in takes two steps: the password ({@link #signIn}) opens only a {@link PendingSignIn}, and
 * the code of the account's authenticator app (TOTP, {@link Totp}) turns it into a {@link Session}
 * ({@link #verifyCode}). An account without a second factor cannot sign in at all
 * ({@link SignInResult.NotEnrolled}); {@link #resetTotp} enrols it. Both steps count their failures
 * in the same throttle, and the name's failures are forgotten only after the second step.
 */
public final class Users {
    /** The users feature's named queries ({@code sql/users.sql}), prepared at start by the composition root. */
    public static se.utskick.db.NamedQueries queries() {
        return UserSql.QUERIES;
    }

    public static final int MIN_PASSWORD_LENGTH = AccountRules.MIN_PASSWORD_LENGTH;
    private static final Logger log = LoggerFactory.getLogger(Users.class);
    /** How long the code step may follow the password step; a pending sign-in is never prolonged. */
    public static final Duration PENDING_LIFETIME = Duration.ofMinutes(5);
    /** Codes of this many steps before or after now are accepted too (clock drift, a code typed as it changed). */
    static final int TOTP_WINDOW = 1;

    private final UserStore accounts;
    private final SessionStore sessions;
    private final SignInThrottle throttle;
    private final PasswordHash hashes;
    private final AuditTrail audit;
    private final UsersConfig config;
    private final Clock clock;
    private final TotpSecrets totpSecrets;
    private final SignInSteps steps;
    private final RecoveryCodes recovery;

    /** @param keyring seals the accounts' TOTP secrets ({@link TotpSecrets}); a changed secret means enrolling everyone again */
    public Users(Database db, UsersConfig config, AuditTrail audit, Clock clock, Keyring keyring) {
        this.accounts = new UserStore(db);
        this.sessions = new SessionStore(db);
        this.throttle = new SignInThrottle(db, config.maxFailures(), config.failureWindow());
        this.hashes = new PasswordHash(config.hashMemoryKib(), config.hashIterations(), config.hashParallelism());
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.totpSecrets = new TotpSecrets(keyring);
        this.recovery = new RecoveryCodes(db, keyring);
        this.steps = new SignInSteps(accounts, sessions, throttle, hashes, audit, config, clock, totpSecrets, recovery);
    }

    /**
     * Creates an active account.
     *
     * @throws UsersException if the username is taken or not 2-40 of {@code a-z 0-9 . _ -}, the display
     *                        name is empty or longer than 100, or the password shorter than 12 characters
     */
    public User add(String username, String displayName, char[] password) {
        String name = AccountRules.username(username);
        String display = AccountRules.displayName(displayName, name);
        AccountRules.checkPassword(password);
        User u = accounts.insert(name, display, hashes.hash(password), clock.instant()).orElseThrow(() ->
                new UsersException("the username '" + name + "' is taken; choose another (see: users list)"));
        log.info("a staff account was added (who and by whom: the audit log)");
        return u;
    }

    /** Every account, active or not, by username. */
    public List<User> list() {
        return accounts.list();
    }

    public Optional<User> find(String username) {
        return username == null ? Optional.empty() : accounts.find(username).map(UserStore.Account::user);
    }

    /** Disables the account and ends its sessions; it can no longer sign in. */
    public void disable(String username) {
        if (!accounts.setState(username, UserState.DISABLED)) {
            throw AccountRules.noSuchUser(username);
        }
        log.info("a staff account was disabled (the audit log says which)");
    }

    /** Sets a new password and ends the account's sessions (signed in elsewhere with the old one). */
    public void setPassword(String username, char[] password) {
        AccountRules.checkPassword(password);
        if (!accounts.setPasswordHash(username, hashes.hash(password))) {
            throw AccountRules.noSuchUser(username);
        }
        log.info("a staff password was changed and its sessions ended (the audit log says whose)");
    }

    /**
     * Gives the account a new second-factor secret (160 random bits), stored sealed
     * ({@link TotpSecrets}), and ends its sessions and pending sign-ins: the old app entry stops
     * working. The returned enrolment is the only time the secret is shown; put it in the staff
     * member's authenticator app. Audited by the caller.
     *
     * @throws UsersException if there is no such user
     */
    public TotpEnrolment resetTotp(String username) {
        byte[] secret = Totp.newSecret();
        String name = username == null ? "" : username;
        if (!accounts.setTotpSecret(name, totpSecrets.seal(name, secret))) {
            throw AccountRules.noSuchUser(username);
        }
        log.info("a staff account's second factor was reset and its sessions ended (the audit log says whose)");
        return new TotpEnrolment(name, Totp.base32Encode(secret));
    }

    /** True if the account has a second factor that this deployment's key can open. */
    public boolean hasSecondFactor(String username) {
        return accounts.find(username == null ? "" : username).flatMap(steps::totpSecret).isPresent();
    }

    /**
     * Checks a name and password typed into the sign-in form: the first of the two steps, see
     * {@link SignInSteps#signIn} for the throttling and what each answer means.
     *
     * @param username      as typed: surrounding spaces and upper case are forgiven
     * @param clientAddress the client's IP address, for throttling and the audit log
     */
    public SignInResult signIn(String username, char[] password, String clientAddress) {
        return steps.signIn(username, password, clientAddress);
    }

    /** The pending sign-in of a token from the password step, if it has not expired or been used. */
    public Optional<PendingSignIn> pending(String token) {
        return steps.pending(token);
    }

    /**
     * The second step: checks the code from the authenticator app for the pending sign-in of
     * {@code pendingToken}; see {@link SignInSteps#verifyCode}.
     */
    public CodeResult verifyCode(String pendingToken, String code, String clientAddress) {
        return steps.verifyCode(pendingToken, code, clientAddress);
    }

    /**
     * The session of a cookie's token, if it is one of ours, has not expired and its user is active.
     * Using it slides its idle expiry (written at most once a minute, so not every request writes).
     */
    public Optional<Session> session(String token) {
        return steps.session(token);
    }

    /** Ends the session of this token; nothing happens for an unknown or expired one. */
    public void signOut(String token) {
        steps.signOut(token);
    }

    /**
     * The password hasher's load since start: passwords checked (against a stored or the dummy
     * hash), the most hashes that held their Argon2 memory at once, and the bound on that.
     */
    public record HashingLoad(long checks, int peakConcurrent, int bound) {
    }

    public HashingLoad hashingLoad() {
        return new HashingLoad(hashes.checks(), hashes.peakConcurrent(), hashes.permits());
    }

    /** Holds every hashing permit until closed, as a flood of sign-ins would: for tests of shedding. */
    AutoCloseable occupyHashingForTest() {
        return hashes.occupyAll();
    }

    /** Deletes expired sessions and failures that no longer count; returns how many rows went. */
    public int purgeExpired() {
        Instant now = clock.instant();
        return sessions.purge(now) + throttle.purge(now);
    }

    /** The hourly purge of expired sessions and old failures, for the schedule. */
    public List<ScheduledJob> jobs() {
        return List.of(ScheduledJob.of("purge-sessions", "Delete expired web sessions and sign-in failures older than web.signin.window",
                "every:3600", () -> purgeExpired() + " rows deleted"));
    }


    // --- recovery codes (issue 16) ---

    /** New recovery codes for the account, replacing its old ones: the only time they are seen. Audited by the caller. */
    public List<String> newRecoveryCodes(String username) {
        User u = find(username).orElseThrow(() -> AccountRules.noSuchUser(username));
        return recovery.renew(u.id(), clock.instant());
    }

    /** The account's unused recovery codes. */
    public int recoveryCodesLeft(String username) {
        return find(username).map(u -> recovery.left(u.id())).orElse(0);
    }

    /** True if {@code typed} has the form of a recovery code ({@code xxxxx-xxxxx}) rather than an app's six digits. */
    public static boolean looksLikeRecoveryCode(String typed) {
        return RecoveryCodes.looksLikeOne(typed);
    }

    /** The second step with a recovery code instead of the app's code; see {@link SignInSteps#verifyRecoveryCode}. */
    public CodeResult verifyRecoveryCode(String pendingToken, String code, String clientAddress) {
        return steps.verifyRecoveryCode(pendingToken, code, clientAddress);
    }
}
