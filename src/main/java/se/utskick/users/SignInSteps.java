package se.utskick.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two sign-in steps (password, then the authenticator's code) and the sessions they open, for
 * {@link Users}, which publishes them. Package-private; thread-safe (all state is in the database).
 */
final class SignInSteps {
    private static final Logger log = LoggerFactory.getLogger(Users.class);
    /** When a client turned away as busy should try again. */
    private static final Duration BUSY_RETRY = Duration.ofSeconds(5);
    private final UserStore accounts;
    private final SessionStore sessions;
    private final SignInThrottle throttle;
    private final PasswordHash hashes;
    private final AuditTrail audit;
    private final UsersConfig config;
    private final Clock clock;
    private final TotpSecrets totpSecrets;
    private final RecoveryCodes recovery;

    SignInSteps(UserStore accounts, SessionStore sessions, SignInThrottle throttle, PasswordHash hashes, AuditTrail audit,
                UsersConfig config, Clock clock, TotpSecrets totpSecrets, RecoveryCodes recovery) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
        this.hashes = hashes;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.totpSecrets = totpSecrets;
        this.recovery = recovery;
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
    SignInResult signIn(String username, char[] password, String clientAddress) {
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
        PendingSignIn pending = new PendingSignIn(token, SessionTokens.random(), now.plus(Users.PENDING_LIFETIME));
        sessions.insert(SessionTokens.sha256(token), user.id(), pending.csrfToken(), now, pending.expiresAt(),
                SessionStore.Stage.PENDING);
        return new SignInResult.CodeNeeded(pending);
    }

    /** The pending sign-in of a token from the password step, if it has not expired or been used. */
    Optional<PendingSignIn> pending(String token) {
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
     * current step or of one step before or after ({@link Users#TOTP_WINDOW}) and that step is later than
     * the last one used ({@link UserStore#useTotpStep}: a code works once). A right code forgets the
     * name's failures, ends the pending sign-in, opens the session and audits {@code user.signin};
     * a wrong or replayed one audits {@code user.signin.totp-failed}.
     */
    CodeResult verifyCode(String pendingToken, String code, String clientAddress) {
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
        OptionalLong step = secret.isEmpty() ? OptionalLong.empty() : Totp.matchingStep(secret.get(), typed, now, Users.TOTP_WINDOW);
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

    Optional<byte[]> totpSecret(UserStore.Account account) {
        return account.sealedTotpSecret() == null ? Optional.empty()
                : totpSecrets.open(account.user().username(), account.sealedTotpSecret());
    }

    /**
     * The session of a cookie's token, if it is one of ours, has not expired and its user is active.
     * Using it slides its idle expiry (written at most once a minute, so not every request writes).
     */
    Optional<Session> session(String token) {
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
    void signOut(String token) {
        if (!SessionTokens.wellFormed(token)) {
            return;
        }
        byte[] hash = SessionTokens.sha256(token);
        Optional<SessionStore.Row> row = sessions.find(hash, clock.instant(), SessionStore.Stage.FULL);
        sessions.delete(hash);
        row.ifPresent(r -> audit.record(r.user().username(), "user.signout", "user " + r.user().username(), ""));
    }

    /**
     * The second step with a recovery code instead of the app's code: counted in the same throttle
     * as codes and passwords; a right, unused code is used up (it works once), opens the session
     * and audits {@code user.signin} "with a recovery code"; a wrong or used one audits
     * {@code user.signin.recovery-failed} and answers {@link CodeResult.WrongCode}.
     */
    CodeResult verifyRecoveryCode(String pendingToken, String code, String clientAddress) {
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
