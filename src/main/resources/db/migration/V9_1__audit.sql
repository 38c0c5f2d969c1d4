-- The audit log (package audit): who changed what, and when. Append-only: nothing in Utskick
-- updates or deletes these rows, and a member's erasure keeps them (they name the member's
-- internal id only, which nothing resolves once the member row is gone).
CREATE TABLE audit_log (
    id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    at       DATETIME(3) NOT NULL,
    -- a staff username, or cli: + the operating-system user
    actor    VARCHAR(64) NOT NULL,
    -- a short dotted word: letter.approve, member.unsubscribe, user.signin
    action   VARCHAR(64) NOT NULL,
    -- what it was done to, by id: "letter 7", "member 1234", "user anna"
    subject  VARCHAR(200) NOT NULL,
    detail   VARCHAR(1000) NOT NULL DEFAULT '',
    INDEX ix_audit_log_at (at),
    INDEX ix_audit_log_actor (actor, at),
    INDEX ix_audit_log_action (action, at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_swedish_ci;
