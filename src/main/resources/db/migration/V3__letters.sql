-- Audiences and letters. Enum columns store the same words as the Java enums
-- (letters.LetterKind, letters.LetterState).

-- A saved, named audience rule (the built-in lists live in code: audience.BuiltInList).
-- The rule is kept in its textual form (audience.Rule#format); it is resolved against the
-- register at the moment of use, so a list always means "who matches now".
CREATE TABLE mailing_list (
    id           INT AUTO_INCREMENT PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    description  VARCHAR(500) NOT NULL DEFAULT '',
    rule         VARCHAR(4000) NOT NULL,
    created_at   DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uq_mailing_list_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_swedish_ci;

CREATE TABLE letter (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind              ENUM('BOARD', 'MEMBERS', 'TARGETED', 'REMINDER') NOT NULL,
    -- YYYY-MM for the monthly kinds; NULL for targeted mailings and reminders
    period            CHAR(7) NULL,
    state             ENUM('DRAFT', 'APPROVED', 'SCHEDULED', 'SENDING', 'SENT', 'CANCELLED') NOT NULL DEFAULT 'DRAFT',
    subject           VARCHAR(300) NOT NULL DEFAULT '',
    -- the list the audience was taken from (for display) and the rule itself, copied at creation
    audience_name     VARCHAR(100) NOT NULL,
    audience_rule     VARCHAR(4000) NOT NULL,
    -- board letters: an optional request for feedback, answered by the deadline
    feedback_request  TEXT NULL,
    feedback_deadline DATE NULL,
    -- members' letter: the current password of the website's protected pages
    website_password  VARCHAR(200) NULL,
    scheduled_at      DATETIME(3) NULL,
    approved_at       DATETIME(3) NULL,
    approved_count    INT NULL,
    -- bumped by every edit: approval only succeeds on the version it rendered
    version           INT NOT NULL DEFAULT 0,
    created_at        DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at        DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    -- one board letter and one members' letter per month (NULL periods do not collide)
    CONSTRAINT uq_letter_period UNIQUE (kind, period),
    INDEX ix_letter_state (state)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_swedish_ci;

CREATE TABLE letter_item (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    letter_id BIGINT NOT NULL,
    position  INT NOT NULL,
    heading   VARCHAR(300) NOT NULL,
    -- Markdown as written (items may come from associations: rendered with raw HTML escaped)
    body      MEDIUMTEXT NOT NULL,
    CONSTRAINT fk_item_letter FOREIGN KEY (letter_id) REFERENCES letter (id) ON DELETE CASCADE,
    CONSTRAINT uq_item_position UNIQUE (letter_id, position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_swedish_ci;

-- An event (arrangemang) of an association or of the district (association_id NULL).
-- Times are local wall-clock times in the district's time zone (letters.timezone).
CREATE TABLE event (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    association_id  INT NULL,
    title           VARCHAR(300) NOT NULL,
    starts_at       DATETIME NOT NULL,
    ends_at         DATETIME NULL,
    place           VARCHAR(300) NOT NULL,
    description     TEXT NOT NULL,
    created_at      DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT fk_event_association FOREIGN KEY (association_id) REFERENCES association (id),
    INDEX ix_event_starts (starts_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_swedish_ci;
