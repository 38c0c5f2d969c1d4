package se.utskick.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import se.utskick.db.Bind;
import se.utskick.db.Database;

/**
 * Staff administration as an administrator does it in the browser: accounts with their role
 * ({@link StaffRole}), adding one, changing a role, disabling, a one-time link that sets a password,
 * and resetting the second factor (new TOTP secret and new recovery codes, shown once; the
 * account's sessions end). Every change is written to the audit log here, with the acting
 * administrator passed in, so no edge can forget it; refusals are {@link StaffError}s and change
 * nothing. Thread-safe; all state is in the database.
 */
public final class StaffAdmin {
    /** How long a password link works. */
    public static final Duration LINK_LIFETIME = Duration.ofHours(24);
    private final Database db;
    private final Users users;
    private final AuditTrail audit;
    private final Clock clock;

    public StaffAdmin(Database db, Users users, AuditTrail audit, Clock clock) {
        this.db = db;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** An account as the staff page lists it. */
    public record Account(User user, StaffRole role, boolean secondFactor, int recoveryCodesLeft) {
    }

    /** What an administrator hands a new or reset account: the password link's token and the second factor, each shown once. */
    public record Handover(String username, String linkToken, TotpEnrolment totp, List<String> recoveryCodes) {
    }

    public List<Account> accounts() {
        return users.list().stream().map(u -> new Account(u, role(u), users.hasSecondFactor(u.username()),
                users.recoveryCodesLeft(u.username()))).toList();
    }

    /** The account's role (a disabled or unknown account reads nothing: READ_ONLY). */
    public StaffRole role(User u) {
        return db.withConnection(c -> {
            return Bind.first(c, UserSql.ROLE, rs -> StaffRole.valueOf(rs.getString(1)), u.id()).orElse(StaffRole.READ_ONLY);
        });
    }

    /**
     * Adds an account with {@code role}, an unusable random password, a password link and an
     * enrolled second factor with recovery codes; audited {@code user.add}.
     */
    public Handover add(String actor, String username, String displayName, StaffRole role) {
        String name = username == null ? "" : username.strip();
        if (!AccountRules.isUsername(name)) {
            throw new StaffError.InvalidField("username", "error.staff.username", "a username is 2-40 of a-z 0-9 . _ -", name);
        }
        if (role == null) {
            throw new StaffError.InvalidField("role", "error.staff.role", "choose a role");
        }
        if (users.find(name).isPresent()) {
            throw new StaffError.InvalidField("username", "error.staff.taken", "the username is taken", name);
        }
        try {
            users.add(name, displayName, (SessionTokens.random() + SessionTokens.random()).toCharArray());
        } catch (UsersException e) {
            throw new StaffError.InvalidField("displayName", "error.staff.display", e.getMessage());
        }
        setRoleRow(name, role);
        audit.record(actor, "user.add", "user " + name, "role " + role.name());
        String link = link(users.find(name).orElseThrow());
        TotpEnrolment totp = users.resetTotp(name);
        List<String> codes = users.newRecoveryCodes(name);
        return new Handover(name, link, totp, codes);
    }

    /** Changes an account's role; an administrator cannot take the role from themself. Audited {@code user.role}. */
    public void setRole(String actor, String username, StaffRole role) {
        User u = existing(username);
        if (role == null) {
            throw new StaffError.InvalidField("role", "error.staff.role", "choose a role");
        }
        if (u.username().equals(actor) && role != StaffRole.ADMINISTRATOR) {
            throw new StaffError.WrongState("error.staff.self", "an administrator cannot take their own administrator role", username);
        }
        setRoleRow(u.username(), role);
        audit.record(actor, "user.role", "user " + u.username(), "now " + role.name());
    }

    /** Disables an account and ends its sessions; not one's own. Audited {@code user.disable}. */
    public void disable(String actor, String username) {
        User u = existing(username);
        if (u.username().equals(actor)) {
            throw new StaffError.WrongState("error.staff.self.disable", "an administrator cannot disable their own account", username);
        }
        users.disable(u.username());
        audit.record(actor, "user.disable", "user " + u.username(), "sessions ended");
    }

    /** A one-time link (its token) that sets the account's password, valid {@link #LINK_LIFETIME}. Audited {@code user.password-link}. */
    public String passwordLink(String actor, String username) {
        User u = existing(username);
        String token = link(u);
        audit.record(actor, "user.password-link", "user " + u.username(), "valid " + LINK_LIFETIME.toHours() + " h");
        return token;
    }

    /**
     * Sets the password of the link's account and uses the link up (it works once; the account's
     * sessions end). Audited {@code user.password-set} with the account as actor.
     *
     * @throws StaffError.NotFound  if the link is unknown, used or expired
     * @throws StaffError.InvalidField if the password is too short or too long (the link stays usable)
     */
    public void setPasswordByLink(String token, char[] password) {
        Optional<User> u = linkUser(token);
        if (u.isEmpty()) {
            throw new StaffError.NotFound("error.staff.link", "the password link is unknown, used or expired");
        }
        if (password == null || password.length < Users.MIN_PASSWORD_LENGTH || password.length > 1000) {
            throw new StaffError.InvalidField("password", "error.staff.password", "the password must be 12-1000 characters",
                    Users.MIN_PASSWORD_LENGTH);
        }
        boolean used = db.withConnection(c -> {
            return Bind.update(c, UserSql.LINK_USE, clock.instant(), SessionTokens.sha256(token));
        }) == 1;
        if (!used) {
            throw new StaffError.NotFound("error.staff.link", "the password link was used meanwhile");
        }
        users.setPassword(u.get().username(), password);
        audit.record(u.get().username(), "user.password-set", "user " + u.get().username(), "by one-time link");
    }

    /** The account a link would set the password of, if it is unused and unexpired. */
    public Optional<User> linkUser(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return db.withConnection(c -> {
            return Bind.first(c, UserSql.LINK_USER, rs -> rs.getString(1), SessionTokens.sha256(token), clock.instant());
        }).flatMap(users::find);
    }

    /**
     * A new TOTP secret and new recovery codes for the account; its sessions and pending sign-ins
     * end. Audited {@code user.totp-reset}.
     */
    public Handover resetSecondFactor(String actor, String username) {
        User u = existing(username);
        TotpEnrolment totp = users.resetTotp(u.username());
        List<String> codes = users.newRecoveryCodes(u.username());
        audit.record(actor, "user.totp-reset", "user " + u.username(), "sessions ended; " + codes.size() + " new recovery codes");
        return new Handover(u.username(), "", totp, codes);
    }

    /** New recovery codes for one's own account, replacing the old ones. Audited {@code user.recovery-codes}. */
    public List<String> renewOwnRecoveryCodes(String actor) {
        User u = existing(actor);
        List<String> codes = users.newRecoveryCodes(u.username());
        audit.record(actor, "user.recovery-codes", "user " + u.username(), codes.size() + " new codes");
        return codes;
    }

    private User existing(String username) {
        return users.find(username).orElseThrow(() -> new StaffError.NotFound("error.staff.nouser", "no such staff account"));
    }

    private void setRoleRow(String username, StaffRole role) {
        db.withConnection(c -> {
            return Bind.update(c, UserSql.SET_ROLE, role, username);
        });
    }

    private String link(User u) {
        String token = SessionTokens.random();
        Instant now = clock.instant();
        db.withConnection(c -> {
            return Bind.update(c, UserSql.LINK_INSERT, SessionTokens.sha256(token), u.id(), now, now.plus(LINK_LIFETIME));
        });
        return token;
    }
}
