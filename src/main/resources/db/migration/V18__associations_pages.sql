-- The associations' pages (package associations): the links the ombudsman revoked, the details of
-- the events associations send in, and the material bank. No foreign key to delivery (its rows
-- are anonymised and purged by their own feature); events and associations are referenced.

-- A revoked association page link: one delivery's link (delivery_id), or every link of an
-- association sent before revoked_at (association_id). Links are never stored: they are derived
-- from the delivery id (delivery.DeliveryTokens#pages), so revoking is remembering.
CREATE TABLE association_link_revocation (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    delivery_id     BIGINT NULL,
    association_id  INT NULL,
    revoked_at      DATETIME(3) NOT NULL,
    -- the staff username
    revoked_by      VARCHAR(64) NOT NULL,
    INDEX ix_revocation_delivery (delivery_id),
    INDEX ix_revocation_association (association_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_swedish_ci;

-- An event the ombudsman refused stays, so that its association sees the reason.
ALTER TABLE event
    MODIFY COLUMN state ENUM('PROPOSED', 'APPROVED', 'REFUSED') NOT NULL DEFAULT 'APPROVED';

-- What an association said about an event it sent in from its page: its kind (outward-facing or
-- internal: the outreach tally counts the approved outward ones per calendar year), the link it
-- came through, and the reason if it was refused.
CREATE TABLE association_event (
    event_id        BIGINT PRIMARY KEY,
    association_id  INT NOT NULL,
    delivery_id     BIGINT NULL,
    -- the words of associations.EventKind
    kind            VARCHAR(32) NOT NULL,
    outward         BOOLEAN NOT NULL,
    refusal_reason  VARCHAR(1000) NULL,
    decided_at      DATETIME(3) NULL,
    decided_by      VARCHAR(64) NULL,
    CONSTRAINT fk_association_event_event FOREIGN KEY (event_id) REFERENCES event (id) ON DELETE CASCADE,
    CONSTRAINT fk_association_event_association FOREIGN KEY (association_id) REFERENCES association (id),
    INDEX ix_association_event_assoc (association_id, outward)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_swedish_ci;

-- The material bank: debate articles, motions, leaflets and other material, as Markdown text or a
-- file (its type checked from its content: associations.FileTypes). PROPOSED until the ombudsman
-- approves; only APPROVED material is shown to other associations. association_id NULL: the
-- district's own. The retention job empties content of material older than the retention.
CREATE TABLE material (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    association_id  INT NULL,
    delivery_id     BIGINT NULL,
    kind            ENUM('DEBATTARTIKEL', 'MOTION', 'FLYGBLAD', 'ANNAT') NOT NULL,
    title           VARCHAR(300) NOT NULL,
    body_md         MEDIUMTEXT NULL,
    file_name       VARCHAR(200) NULL,
    content_type    VARCHAR(100) NULL,
    content         LONGBLOB NULL,
    size_bytes      INT NOT NULL DEFAULT 0,
    state           ENUM('PROPOSED', 'APPROVED', 'REFUSED') NOT NULL,
    refusal_reason  VARCHAR(1000) NULL,
    created_at      DATETIME(3) NOT NULL,
    decided_at      DATETIME(3) NULL,
    decided_by      VARCHAR(64) NULL,
    CONSTRAINT fk_material_association FOREIGN KEY (association_id) REFERENCES association (id),
    INDEX ix_material_state (state, kind, created_at),
    INDEX ix_material_association (association_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_swedish_ci;
