-- Items queued for a coming monthly letter before its draft exists (letter queue-item). The
-- monthly assembly moves them into the draft of their kind and period, in one transaction with
-- setting letter_id, so an item lands in the draft exactly once. Owned by the letters feature.
CREATE TABLE queued_item (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind       ENUM('BOARD', 'MEMBERS') NOT NULL,
    period     CHAR(7) NOT NULL,
    heading    VARCHAR(300) NOT NULL,
    -- Markdown as written (rendered with raw HTML escaped, like every item)
    body       MEDIUMTEXT NOT NULL,
    queued_at  DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    -- the draft the item went into; NULL while it waits
    letter_id  BIGINT NULL,
    INDEX ix_queued_item_period (kind, period, letter_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_swedish_ci;
