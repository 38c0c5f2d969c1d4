-- Staff accounts of the web interface, their sessions and failed sign-ins (package users).
-- Enum columns store the same words as users.UserState.

-- A staff account. Never deleted, only DISABLED, so the audit log's actors keep their meaning.
-- password_hash is a self-describing PHC string ($argon2id$v=19$m=..,t=..,p=..$salt$hash), so the
-- parameters can be raised later: a hash made with weaker ones is replaced at the next sign-in.
CREATE TABLE user_account (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    username       VARCHAR(40) NOT NULL,
    display_name   VARCHAR(100) NOT NULL,
    password_hash  VARCHAR(255) NOT NULL,
    state          ENUM('ACTIVE', 'DISABLED') NOT NULL DEFAULT 'ACTIVE',
    created_at     DATETIME(3) NOT NULL,
    CONSTRAINT uq_user_account_username UNIQUE (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_swedish_ci;

-- A signed-in browser session, shared by every serve node. Only the SHA-256 of the cookie's token
-- is stored, so a copy of this table signs nobody in. expires_at = min(last_seen_at + idle,
-- created_at + max); rows past it are deleted at sign-in or by the purge job.
CREATE TABLE user_session (
    token_hash     BINARY(32) PRIMARY KEY,
    user_id        BIGINT NOT NULL,
    csrf_token     CHAR(43) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at     DATETIME(3) NOT NULL,
    last_seen_at   DATETIME(3) NOT NULL,
    expires_at     DATETIME(3) NOT NULL,
    INDEX ix_user_session_user (user_id),
    INDEX ix_user_session_expires (expires_at),
    CONSTRAINT fk_user_session_user FOREIGN KEY (user_id) REFERENCES user_account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_swedish_ci;

-- One failed sign-in, counted per name and per client address within web.signin.window. The name
-- is stored as the SHA-256 of what was typed (lower-cased), never as text: people type their
-- password into the name field.
CREATE TABLE signin_failure (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    username_hash   BINARY(32) NOT NULL,
    client_address  VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    failed_at       DATETIME(3) NOT NULL,
    INDEX ix_signin_failure_user (username_hash, failed_at),
    INDEX ix_signin_failure_address (client_address, failed_at),
    INDEX ix_signin_failure_at (failed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_swedish_ci;
