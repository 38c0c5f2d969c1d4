-- Reminders (package reminders). Enum columns store the same words as reminders.Purpose.

-- Every reminder letter and what it is for. The unique keys are the "never twice": one
-- missing-address reminder letter per month, one feedback reminder and one summary per board letter.
-- (NULLs do not collide: a month-reminder has no about_letter_id, a feedback one no period.)
CREATE TABLE reminder (
    letter_id        BIGINT PRIMARY KEY,
    purpose          ENUM('ADDRESSES', 'FEEDBACK', 'FEEDBACK_SUMMARY') NOT NULL,
    -- ADDRESSES: the month, YYYY-MM
    period           CHAR(7) NULL,
    -- FEEDBACK, FEEDBACK_SUMMARY: the board letter reminded of
    about_letter_id  BIGINT NULL,
    created_at       DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uq_reminder_period UNIQUE (purpose, period),
    CONSTRAINT uq_reminder_about UNIQUE (purpose, about_letter_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_swedish_ci;

-- The recipients decided for a reminder letter (officer, else chair, per association; the
-- ombudsman; the unanswered boards), read once by delivery's freeze and deleted right after it.
CREATE TABLE reminder_recipient (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    letter_id       BIGINT NOT NULL,
    -- NULL for mail.ombudsman.address, which is no member
    member_id       BIGINT NULL,
    association_id  INT NULL,
    email           VARCHAR(320) NOT NULL,
    first_name      VARCHAR(100) NOT NULL,
    last_name       VARCHAR(100) NOT NULL,
    in_reply_to     VARCHAR(200) NULL,
    INDEX ix_reminder_recipient_letter (letter_id),
    INDEX ix_reminder_recipient_member (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_swedish_ci;
