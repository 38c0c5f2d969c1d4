/**
 * Staff accounts of the web interface: passwords, the second factor (TOTP), sign-in in two steps,
 * sessions, sign-in throttling.
 *
 * <p>Public surface: {@link se.utskick.users.Users} (the facade the composition root builds),
 * {@link se.utskick.users.User}, {@link se.utskick.users.Session}, {@link se.utskick.users.SignInResult},
 * {@link se.utskick.users.PendingSignIn}, {@link se.utskick.users.CodeResult}, {@link se.utskick.users.Totp} (the
 * RFC 6238 arithmetic), {@link se.utskick.users.TotpEnrolment}, {@link se.utskick.users.UsersConfig}, {@link se.utskick.users.UsersException} and
 * {@link se.utskick.users.AuditTrail} (what this package needs from the audit log). Hashing
 * ({@code PasswordHash}), tokens ({@code SessionTokens}), sealing of TOTP secrets ({@code TotpSecrets}), the two
 * sign-in steps and sessions ({@code SignInSteps}, which {@code Users} publishes) and SQL ({@code UserStore},
 * {@code SessionStore}, {@code SignInThrottle}) are package-private.
 *
 * <p>Secrets: passwords and session tokens are never logged, stored or put in exceptions. A password
 * is stored as an Argon2id hash (Bouncy Castle) in PHC string form; a session token only as its
 * SHA-256; a TOTP secret only sealed with AES-256-GCM under a key derived from {@code security.secret}
 * (shown once, to the operator, by {@code users add} and {@code users totp-reset}). Usernames are staff, not members: they may appear in logs and in the audit log; what
 * someone typed into the name field at a failed sign-in is never kept as text.
 */
package se.utskick.users;
