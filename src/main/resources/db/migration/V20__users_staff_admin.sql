-- Staff administration in the browser (package users, issue 16): roles, recovery codes for the
-- second factor, and one-time links that set a password.

-- An account's role. ADMINISTRATOR: everything, including staff administration; OMBUDSMAN: the
-- work of the month, no staff administration; READ_ONLY: reads every page, changes nothing.
-- Accounts that exist already were made on the command line by whoever runs the system: they are
-- administrators.
ALTER TABLE user_account
    ADD COLUMN role ENUM('ADMINISTRATOR', 'OMBUDSMAN', 'READ_ONLY') NOT NULL DEFAULT 'ADMINISTRATOR';

-- A recovery code of the second factor: shown once when made, stored only as HMAC-SHA-256 under
-- security.secret (users.RecoveryCodes), usable once (used_at set atomically). New codes replace
-- all old ones of the account.
CREATE TABLE user_recovery_code (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    user_id     BIGINT NOT NULL,
    code_hash   BINARY(32) NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    used_at     DATETIME(3) NULL,
    CONSTRAINT uq_user_recovery_code UNIQUE (user_id, code_hash),
    CONSTRAINT fk_user_recovery_code_user FOREIGN KEY (user_id) REFERENCES user_account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_swedish_ci;

-- A one-time link that sets an account's password (made by an administrator; for a new account or a
-- forgotten password). Only the SHA-256 of the link's token is stored; used once, or expired.
CREATE TABLE user_password_link (
    token_hash  BINARY(32) PRIMARY KEY,
    user_id     BIGINT NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    expires_at  DATETIME(3) NOT NULL,
    used_at     DATETIME(3) NULL,
    INDEX ix_user_password_link_user (user_id),
    CONSTRAINT fk_user_password_link_user FOREIGN KEY (user_id) REFERENCES user_account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_swedish_ci;
