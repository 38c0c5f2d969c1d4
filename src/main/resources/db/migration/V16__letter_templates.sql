-- What a letter's rendering is fixed to at approval, beyond its own fields (issue 12 finding 7,
-- issue 13 point 4).

-- The template sources an approved letter was rendered with: sending renders from these, so an
-- edit of a template file affects the next letter approved, never one approved or sending.
-- Written at approval (replacing those of an earlier approval); a draft renders the files.
CREATE TABLE letter_template (
    letter_id BIGINT NOT NULL,
    -- the name as templates ask for it: members.ftlh, layout.ftl
    name      VARCHAR(200) NOT NULL,
    -- hex SHA-256 of the source's UTF-8 bytes: tells which version of a file a letter went with
    sha256    CHAR(64) NOT NULL,
    source    MEDIUMTEXT NOT NULL,
    PRIMARY KEY (letter_id, name),
    CONSTRAINT fk_letter_template_letter FOREIGN KEY (letter_id) REFERENCES letter (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Letters that are automatic messages (RFC 3834: Auto-Submitted: auto-generated) although their
-- kind is not REMINDER: the "draft ready" notices to the ombudsman.
CREATE TABLE letter_automatic (
    letter_id BIGINT PRIMARY KEY,
    CONSTRAINT fk_letter_automatic_letter FOREIGN KEY (letter_id) REFERENCES letter (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_swedish_ci;
