-- The outbox and delivery log: one send_run per letter being sent, one delivery row per recipient.
-- Enum columns store the same words as delivery.SendRunState and delivery.DeliveryState.
-- No foreign key to letter (owned by the letters feature) or member (a member may be erased; the
-- log stays, anonymised).

CREATE TABLE send_run (
    letter_id     BIGINT PRIMARY KEY,
    -- RFC 2919 List-Id of the letter as sent; the replies feature maps it to the letter's kind
    list_id       VARCHAR(300) NOT NULL,
    state         ENUM('RUNNING', 'PAUSED', 'CANCELLED', 'FINISHED') NOT NULL,
    recipients    INT NOT NULL,
    started_at    DATETIME(3) NOT NULL,
    finished_at   DATETIME(3) NULL,
    INDEX ix_send_run_state (state)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_swedish_ci;

CREATE TABLE delivery (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    letter_id       BIGINT NOT NULL,
    -- NULL once the member was erased
    member_id       BIGINT NULL,
    email           VARCHAR(320) NOT NULL,
    first_name      VARCHAR(100) NOT NULL,
    last_name       VARCHAR(100) NOT NULL,
    association_id  INT NULL,
    state           ENUM('QUEUED', 'SENT', 'DEFERRED', 'FAILED', 'BOUNCED', 'CANCELLED') NOT NULL,
    attempts        INT NOT NULL DEFAULT 0,
    -- when a waiting row may next be claimed; while leased it equals lease_until, so an expired
    -- lease puts the row back in the queue without anyone having to release it
    due_at          DATETIME(3) NOT NULL,
    lease_until     DATETIME(3) NULL,
    claimed_by      VARCHAR(64) NULL,
    -- when the row was queued (frozen, or re-queued by resend-failed); max age counts from here
    queued_at       DATETIME(3) NOT NULL,
    sent_at         DATETIME(3) NULL,
    last_reply      VARCHAR(500) NULL,
    message_id      VARCHAR(200) NULL,
    CONSTRAINT uq_delivery_recipient UNIQUE (letter_id, member_id),
    INDEX ix_delivery_queue (state, due_at),
    INDEX ix_delivery_letter (letter_id, state),
    INDEX ix_delivery_member (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_swedish_ci;
