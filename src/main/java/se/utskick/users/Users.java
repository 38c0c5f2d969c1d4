package se.utskick.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
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
    public static final int MIN_PASSWORD_LENGTH = AccountRules.MIN_PASSWORD_LENGTH;
    private static final Logger log = LoggerFactory.getLogger(Users.class);
    /** When a client turned away as busy should try again. */
    private static final Duration BUSY_RETRY = Duration.ofSeconds(5);
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
        return accounts.find(username == null ? "" : username).flatMap(this::totpSecret).isPresent();
    }

    /**
     * Checks a name and password typed into the sign-in form.
     *
     * <p>First, in one atomic step, the attempt is either throttled (too many failures for the name
     * or from the address) or reserved as a failure ({@link SignInThrottle#reserve}); only then is
     * the password checked, under the hashing bound ({@link PasswordHash}). So however many guesses
     * arrive in parallel, at most {@code web.signin.max.failures} of them get their password checked.
     * A right password gives its reservation back but leaves the name's earlier failures (only a
     * right code, {@link #verifyCode}, clears them) and opens a {@link PendingSignIn} for the code
     * step, or, for an account without a usable second factor, is refused as
     * {@link SignInResult.NotEnrolled}; a check the server was too busy to make gives the reservation
     * back and answers {@link SignInResult.Busy}. {@code user.signin} is audited only after the code.
     *
     * @param username      as typed: surrounding spaces and upper case are forgiven
     * @param clientAddress the client's IP address, for throttling and the audit log
     */
    public SignInResult signIn(String username, char[] password, String clientAddress) {
        Instant now = clock.instant();
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        byte[] nameHash = SessionTokens.sha256(name);
        String address = AccountRules.clientAddress(clientAddress);
        SignInThrottle.Reservation reservation = throttle.reserve(nameHash, address, now);
        if (reservation instanceof SignInThrottle.Reservation.Throttled t) {
            log.info("a sign-in was throttled (the audit log has the attempts)");
            return new SignInResult.Throttled(roundUp(t.retryAfter()));
        }
        long failureId = ((SignInThrottle.Reservation.Reserved) reservation).failureId();
        Optional<UserStore.Account> account;
        boolean right;
        try {
            account = AccountRules.isUsername(name) ? accounts.find(name) : Optional.empty();
            char[] typed = password == null ? new char[0] : password;
            if (account.isEmpty()) {
                hashes.verifyDummy(typed);
                right = false;
            } else {
                right = hashes.verify(typed, account.get().passwordHash()) && account.get().user().active();
            }
        } catch (PasswordHash.Busy e) {
            throttle.release(failureId);
            log.warn("a sign-in was turned away: {} password checks already running, none free within the wait", hashes.permits());
            return new SignInResult.Busy(BUSY_RETRY);
        } catch (RuntimeException e) {
            throttle.release(failureId);
            throw e;
        }
        if (!right) {
            throttle.purge(now);
            audit.record("anonymous", "user.signin.refused", account.isPresent() ? "user " + name : "user (unknown name)",
                    "from " + address);
            return new SignInResult.Refused();
        }
        User user = account.get().user();
        // The password was right, but the sign-in is not done: the reservation is given back, and the
        // name's earlier failures stay until the code is right too (else each right password would
        // reset the count of code guesses).
        throttle.release(failureId);
        if (!hashes.isCurrent(account.get().passwordHash())) {
            try {
                accounts.rehash(user.id(), hashes.hash(password, true));
            } catch (PasswordHash.Busy e) {
                log.info("a stored password hash with old parameters was kept: too busy to re-hash it now (next sign-in)");
            }
        }
        sessions.purge(now);
        if (totpSecret(account.get()).isEmpty()) {
            audit.record("anonymous", "user.signin.refused", "user " + name, "from " + address
                    + "; no second factor enrolled (users totp-reset " + name + ")");
            log.info("a sign-in with the right password was refused: the account has no usable second factor;"
                    + " an administrator must run: utskick users totp-reset USERNAME");
            return new SignInResult.NotEnrolled(name);
        }
        String token = SessionTokens.random();
        PendingSignIn pending = new PendingSignIn(token, SessionTokens.random(), now.plus(PENDING_LIFETIME));
        sessions.insert(SessionTokens.sha256(token), user.id(), pending.csrfToken(), now, pending.expiresAt(),
                SessionStore.Stage.PENDING);
        return new SignInResult.CodeNeeded(pending);
    }

    /** The pending sign-in of a token from the password step, if it has not expired or been used. */
    public Optional<PendingSignIn> pending(String token) {
        if (!SessionTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return sessions.find(SessionTokens.sha256(token), clock.instant(), SessionStore.Stage.PENDING)
                .map(row -> new PendingSignIn(token, row.csrfToken(), row.expiresAt()));
    }

    /**
     * The second step: checks the code from the authenticator app for the pending sign-in of
     * {@code pendingToken}. Anything but 6 digits (spaces forgiven) is {@link CodeResult.Malformed}
     * and not counted. A code is otherwise checked only after a failure is reserved in the same
     * throttle as passwords ({@link SignInThrottle#reserve}); it is right if it is the code of the
     * current step or of one step before or after ({@link #TOTP_WINDOW}) and that step is later than
     * the last one used ({@link UserStore#useTotpStep}: a code works once). A right code forgets the
     * name's failures, ends the pending sign-in, opens the session and audits {@code user.signin};
     * a wrong or replayed one audits {@code user.signin.totp-failed}.
     */
    public CodeResult verifyCode(String pendingToken, String code, String clientAddress) {
        Instant now = clock.instant();
        if (!SessionTokens.wellFormed(pendingToken)) {
            return new CodeResult.Expired();
        }
        byte[] pendingHash = SessionTokens.sha256(pendingToken);
        Optional<SessionStore.Row> row = sessions.find(pendingHash, now, SessionStore.Stage.PENDING);
        if (row.isEmpty()) {
            return new CodeResult.Expired();
        }
        String typed = code == null || code.length() > 20 ? "" : code.replaceAll("\\s", "");
        if (!typed.matches("[0-9]{" + Totp.DIGITS + "}")) {
            return new CodeResult.Malformed();
        }
        User user = row.get().user();
        String name = user.username();
        byte[] nameHash = SessionTokens.sha256(name);
        String address = AccountRules.clientAddress(clientAddress);
        SignInThrottle.Reservation reservation = throttle.reserve(nameHash, address, now);
        if (reservation instanceof SignInThrottle.Reservation.Throttled t) {
            log.info("a sign-in code was throttled (the audit log has the attempts)");
            return new CodeResult.Throttled(roundUp(t.retryAfter()));
        }
        Optional<byte[]> secret = accounts.find(name).flatMap(this::totpSecret);
        OptionalLong step = secret.isEmpty() ? OptionalLong.empty() : Totp.matchingStep(secret.get(), typed, now, TOTP_WINDOW);
        if (step.isEmpty() || !accounts.useTotpStep(user.id(), step.getAsLong())) {
            audit.record("anonymous", "user.signin.totp-failed", "user " + name,
                    "from " + address + (step.isPresent() ? "; the code was already used" : "; wrong code"));
            return new CodeResult.WrongCode();
        }
        throttle.reset(nameHash);
        sessions.delete(pendingHash);
        Session s = open(user, now);
        audit.record(name, "user.signin", "user " + name, "from " + address);
        return new CodeResult.SignedIn(s);
    }

    // --- recovery codes (admin, issue 16) ---

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

    /**
     * The second step with a recovery code instead of the app's code: counted in the same throttle
     * as codes and passwords; a right, unused code is used up (it works once), opens the session
     * and audits {@code user.signin} "with a recovery code"; a wrong or used one audits
     * {@code user.signin.recovery-failed} and answers {@link CodeResult.WrongCode}.
     */
    public CodeResult verifyRecoveryCode(String pendingToken, String code, String clientAddress) {
        Instant now = clock.instant();
        if (!SessionTokens.wellFormed(pendingToken)) {
            return new CodeResult.Expired();
        }
        byte[] pendingHash = SessionTokens.sha256(pendingToken);
        Optional<SessionStore.Row> row = sessions.find(pendingHash, now, SessionStore.Stage.PENDING);
        if (row.isEmpty()) {
            return new CodeResult.Expired();
        }
        if (!RecoveryCodes.looksLikeOne(code)) {
            return new CodeResult.Malformed();
        }
        User user = row.get().user();
        byte[] nameHash = SessionTokens.sha256(user.username());
        String address = AccountRules.clientAddress(clientAddress);
        if (throttle.reserve(nameHash, address, now) instanceof SignInThrottle.Reservation.Throttled t) {
            return new CodeResult.Throttled(roundUp(t.retryAfter()));
        }
        if (!recovery.use(user.id(), code, now)) {
            audit.record("anonymous", "user.signin.recovery-failed", "user " + user.username(), "from " + address);
            return new CodeResult.WrongCode();
        }
        throttle.reset(nameHash);
        sessions.delete(pendingHash);
        Session s = open(user, now);
        audit.record(user.username(), "user.signin", "user " + user.username(), "from " + address + "; with a recovery code");
        return new CodeResult.SignedIn(s);
    }

    // --- end of recovery codes ---

    private Optional<byte[]> totpSecret(UserStore.Account account) {
        return account.sealedTotpSecret() == null ? Optional.empty()
                : totpSecrets.open(account.user().username(), account.sealedTotpSecret());
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

    /**
     * The session of a cookie's token, if it is one of ours, has not expired and its user is active.
     * Using it slides its idle expiry (written at most once a minute, so not every request writes).
     */
    public Optional<Session> session(String token) {
        if (!SessionTokens.wellFormed(token)) {
            return Optional.empty();
        }
        byte[] hash = SessionTokens.sha256(token);
        Instant now = clock.instant();
        return sessions.find(hash, now, SessionStore.Stage.FULL).map(row -> {
            Instant expires = row.expiresAt();
            if (!Duration.between(row.lastSeenAt(), now).minus(touchEvery()).isNegative()) {
                expires = min(now.plus(config.sessionIdle()), row.createdAt().plus(config.sessionMax()));
                sessions.touch(hash, now, expires);
            }
            return new Session(token, row.user(), row.csrfToken(), expires);
        });
    }

    /** Ends the session of this token; nothing happens for an unknown or expired one. */
    public void signOut(String token) {
        if (!SessionTokens.wellFormed(token)) {
            return;
        }
        byte[] hash = SessionTokens.sha256(token);
        Optional<SessionStore.Row> row = sessions.find(hash, clock.instant(), SessionStore.Stage.FULL);
        sessions.delete(hash);
        row.ifPresent(r -> audit.record(r.user().username(), "user.signout", "user " + r.user().username(), ""));
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

    private Session open(User user, Instant now) {
        String token = SessionTokens.random();
        Instant expires = min(now.plus(config.sessionIdle()), now.plus(config.sessionMax()));
        Session s = new Session(token, user, SessionTokens.random(), expires);
        sessions.insert(SessionTokens.sha256(token), user.id(), s.csrfToken(), now, expires, SessionStore.Stage.FULL);
        return s;
    }

    private Duration touchEvery() {
        Duration tenth = config.sessionIdle().dividedBy(10);
        return tenth.compareTo(Duration.ofMinutes(1)) < 0 ? tenth : Duration.ofMinutes(1);
    }

    private static Duration roundUp(Duration d) {
        return d.getNano() == 0 ? d : Duration.ofSeconds(d.getSeconds() + 1);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
