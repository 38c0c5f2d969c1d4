-- Pacing per receiving domain (delivery.PacingLog): what each node's senders know about a group of
-- receiving domains that answered "too fast" — its lowered rate, until when it is held back, and the
-- receiver's answer. One row per node and group, written only when that changes (rare); read by
-- the sending page and `letter status`. A node's rows are removed when its senders stop.
CREATE TABLE delivery_pace (
    node            VARCHAR(64) NOT NULL,
    group_name      VARCHAR(32) NOT NULL,
    -- the rate the node now allows the group (messages per minute); 0 once back to its configured pace
    rate_per_minute INT NOT NULL,
    held_until      DATETIME(3) NULL,
    reason          VARCHAR(500) NULL,
    changed_at      DATETIME(3) NOT NULL,
    PRIMARY KEY (node, group_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_swedish_ci;
