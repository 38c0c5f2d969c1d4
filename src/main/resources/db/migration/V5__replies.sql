-- The reply mailbox: every message read from it, once, with what it was and what it matched.
-- Enum columns store the same words as replies.MessageKind and replies.Correlation.

-- One row per message processed. The unique keys make processing idempotent: a message is
-- recorded in the same transaction as its effects on our own tables, by its place in the mailbox
-- (mailbox, uid_validity, uid) and by its Message-ID (hashed: Message-IDs may be up to 998 bytes).
CREATE TABLE inbound_message (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    mailbox            VARCHAR(200) NOT NULL,
    uid_validity       BIGINT NOT NULL,
    uid                BIGINT NOT NULL,
    message_id_hash    BINARY(32) NULL,
    message_id         VARCHAR(998) NULL,
    received_at        DATETIME(3) NOT NULL,
    processed_at       DATETIME(3) NOT NULL,
    kind               ENUM('REPLY', 'AUTO_REPLY', 'HARD_BOUNCE', 'SOFT_BOUNCE', 'DELAYED', 'UNSUBSCRIBE') NOT NULL,
    correlation        ENUM('TOKEN', 'MESSAGE_ID', 'ADDRESS', 'UNMATCHED') NOT NULL,
    delivery_id        BIGINT NULL,
    letter_id          BIGINT NULL,
    letter_kind        VARCHAR(16) NULL,
    association_id     INT NULL,
    member_id          BIGINT NULL,
    -- the From header as sent (display name and address), for the ombudsman
    sender             VARCHAR(500) NULL,
    subject            VARCHAR(500) NULL,
    -- the text of the message (the text/plain part, else text extracted from HTML)
    body_text          MEDIUMTEXT NULL,
    -- the same with quoted history and signatures stripped, shortened
    excerpt            VARCHAR(1000) NULL,
    bounce_status      VARCHAR(16) NULL,
    bounce_recipient   VARCHAR(320) NULL,
    bounce_diagnostic  VARCHAR(1000) NULL,
    -- what the message did (e.g. "address marked BOUNCED", "unsubscribed"), for the log
    effect             VARCHAR(200) NULL,
    -- the message exactly as read; set to NULL by the retention purge
    raw_message        MEDIUMBLOB NULL,
    CONSTRAINT uq_inbound_place UNIQUE (mailbox, uid_validity, uid),
    CONSTRAINT uq_inbound_message_id UNIQUE (message_id_hash),
    INDEX ix_inbound_letter (letter_id, kind, association_id),
    INDEX ix_inbound_kind (kind, received_at),
    INDEX ix_inbound_received (received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_swedish_ci;

-- Soft-bounce score per member address, as Mailman 3 keeps it: at most one point a day, reset
-- when the last bounce is older than the stale interval. The row goes when the address is marked.
CREATE TABLE bounce_score (
    member_id        BIGINT PRIMARY KEY,
    email            VARCHAR(320) NOT NULL,
    score            INT NOT NULL,
    last_bounce_on   DATE NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_swedish_ci;
