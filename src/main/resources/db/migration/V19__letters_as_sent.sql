-- Letters as sent (letters feature): each letter's rendering per association, stored when it is
-- approved, with markers where the recipient's first name, last name and unsubscribe link go.
-- Sending composes from these rows, and so does every later view of the letter, so what a
-- recipient was sent can be shown afterwards exactly (with the recipient as frozen in their
-- delivery row), not rebuilt from today's register or events. association_id -1 is the rendering
-- for a recipient without an association. Replaced at the next approval after a reopen; deleted
-- with the letter.
CREATE TABLE letter_rendering (
    letter_id      BIGINT NOT NULL,
    association_id BIGINT NOT NULL,
    html           MEDIUMTEXT NOT NULL,
    text           MEDIUMTEXT NOT NULL,
    rendered_at    DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (letter_id, association_id),
    CONSTRAINT fk_letter_rendering_letter FOREIGN KEY (letter_id) REFERENCES letter (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_swedish_ci;
