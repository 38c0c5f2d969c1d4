-- The second sign-in factor of staff accounts: TOTP (RFC 6238), package users.

-- totp_secret: the account's 160-bit TOTP secret sealed with AES-256-GCM under a key derived from
-- security.secret (users.TotpSecrets: 12-byte nonce || ciphertext || 16-byte tag), never in clear.
-- NULL = not enrolled: such an account cannot sign in until `utskick users totp-reset NAME`.
-- totp_last_step: the 30-second time step of the last code accepted; only a later step's code is
-- accepted after it, so a code (seen over a shoulder, or replayed) works once.
ALTER TABLE user_account
    ADD COLUMN totp_secret VARBINARY(64) NULL,
    ADD COLUMN totp_last_step BIGINT NULL;

-- A session is PENDING after the right password (it opens only the code page, for 5 minutes, and is
-- never prolonged) and FULL after the right code. Sessions opened before there was a second factor
-- are ended here: everyone signs in again, with a code.
DELETE FROM user_session;
ALTER TABLE user_session
    ADD COLUMN stage ENUM('PENDING', 'FULL') NOT NULL;
