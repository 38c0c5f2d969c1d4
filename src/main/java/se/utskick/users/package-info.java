/**
 * Staff accounts of the web interface: passwords, sign-in, sessions, sign-in throttling.
 *
 * <p>Public surface: {@link se.utskick.users.Users} (the facade the composition root builds),
 * {@link se.utskick.users.User}, {@link se.utskick.users.Session}, {@link se.utskick.users.SignInResult},
 * {@link se.utskick.users.UsersConfig}, {@link se.utskick.users.UsersException} and
 * {@link se.utskick.users.AuditTrail} (what this package needs from the audit log). Hashing
 * ({@code PasswordHash}), tokens ({@code SessionTokens}) and SQL ({@code UserStore},
 * {@code SessionStore}, {@code SignInThrottle}) are package-private.
 *
 * <p>Secrets: passwords and session tokens are never logged, stored or put in exceptions. A password
 * is stored as an Argon2id hash (Bouncy Castle) in PHC string form; a session token only as its
 * SHA-256. Usernames are staff, not members: they may appear in logs and in the audit log; what
 * someone typed into the name field at a failed sign-in is never kept as text.
 */
package se.utskick.users;
