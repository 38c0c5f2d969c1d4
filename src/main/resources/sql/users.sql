-- The users feature's named queries (users.UserSql): staff accounts, sessions, sign-in throttling,
-- recovery codes and password links (tables user_account, user_session, signin_guard, signin_failure,
-- user_recovery_code, user_password_link). The account reads list the columns UserStore.account reads.

-- name: users.insert
INSERT INTO user_account (username, display_name, password_hash, state, created_at) VALUES (?, ?, ?, 'ACTIVE', ?)

-- name: users.list
SELECT id, username, display_name, state, created_at, password_hash, totp_secret FROM user_account ORDER BY username

-- name: users.find
SELECT id, username, display_name, state, created_at, password_hash, totp_secret FROM user_account WHERE username = ?

-- name: users.set_state
UPDATE user_account SET state = ? WHERE username = ?

-- name: users.set_password_hash
UPDATE user_account SET password_hash = ? WHERE username = ?

-- name: users.set_totp_secret
UPDATE user_account SET totp_secret = ?, totp_last_step = NULL WHERE username = ?

-- name: users.use_totp_step
-- step, user, step: only a step later than the last used one
UPDATE user_account SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)

-- name: users.rehash
UPDATE user_account SET password_hash = ? WHERE id = ?

-- name: users.exists
SELECT 1 FROM user_account WHERE username = ?

-- name: users.end_sessions
DELETE s FROM user_session s JOIN user_account u ON u.id = s.user_id WHERE u.username = ?

-- name: users.role
SELECT role FROM user_account WHERE id = ?

-- name: users.set_role
UPDATE user_account SET role = ? WHERE username = ?

-- name: users.session_insert
INSERT INTO user_session (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, stage) VALUES (?, ?, ?, ?, ?, ?, ?)

-- name: users.session_find
-- token hash, now, stage: a live session of that stage whose user is active
SELECT u.id, u.username, u.display_name, u.state, u.created_at, s.csrf_token, s.created_at AS s_created, s.last_seen_at,
    s.expires_at
FROM user_session s JOIN user_account u ON u.id = s.user_id
WHERE s.token_hash = ? AND s.expires_at > ? AND u.state = 'ACTIVE' AND s.stage = ?

-- name: users.session_touch
UPDATE user_session SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?

-- name: users.session_delete
DELETE FROM user_session WHERE token_hash = ?

-- name: users.session_purge
DELETE FROM user_session WHERE expires_at <= ?

-- name: users.guard_lock
-- the name's guard row, then the address's (one lock order): key, now, key, now
INSERT INTO signin_guard (guard_key, touched_at) VALUES (?, ?), (?, ?) ON DUPLICATE KEY UPDATE touched_at = VALUES(touched_at)

-- name: users.failure_insert
INSERT INTO signin_failure (username_hash, client_address, failed_at) VALUES (?, ?, ?)

-- name: users.failure_nth_newest_by_name
-- name hash, window start, n - 1
SELECT failed_at FROM signin_failure WHERE username_hash = ? AND failed_at > ? ORDER BY failed_at DESC LIMIT 1 OFFSET ?

-- name: users.failure_nth_newest_by_address
-- client address, window start, n - 1
SELECT failed_at FROM signin_failure WHERE client_address = ? AND failed_at > ? ORDER BY failed_at DESC LIMIT 1 OFFSET ?

-- name: users.failure_release
DELETE FROM signin_failure WHERE id = ?

-- name: users.failure_reset
DELETE FROM signin_failure WHERE username_hash = ?

-- name: users.guard_purge
DELETE FROM signin_guard WHERE touched_at <= ?

-- name: users.failure_purge
DELETE FROM signin_failure WHERE failed_at <= ?

-- name: users.recovery_forget
DELETE FROM user_recovery_code WHERE user_id = ?

-- name: users.recovery_insert
INSERT INTO user_recovery_code (user_id, code_hash, created_at) VALUES (?, ?, ?)

-- name: users.recovery_use
UPDATE user_recovery_code SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL

-- name: users.recovery_left
SELECT COUNT(*) FROM user_recovery_code WHERE user_id = ? AND used_at IS NULL

-- name: users.link_insert
INSERT INTO user_password_link (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)

-- name: users.link_use
UPDATE user_password_link SET used_at = ? WHERE token_hash = ? AND used_at IS NULL

-- name: users.link_user
-- token hash, now: the username of an unused, unexpired link of an active account
SELECT u.username FROM user_password_link l JOIN user_account u ON u.id = l.user_id
WHERE l.token_hash = ? AND l.used_at IS NULL AND l.expires_at > ? AND u.state = 'ACTIVE'
