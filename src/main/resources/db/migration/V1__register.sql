-- The member register: the district, its associations, members, their roles and address status.
-- Enum columns store the same words as the Java enums (register.Region, register.Role, ...).

CREATE TABLE district (
    id          INT AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    CONSTRAINT uq_district_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_swedish_ci;

CREATE TABLE association (
    id             INT AUTO_INCREMENT PRIMARY KEY,
    district_id    INT NOT NULL,
    name           VARCHAR(200) NOT NULL,
    region         ENUM('NORTH', 'SOUTH') NOT NULL,
    contact_email  VARCHAR(320) NULL,
    CONSTRAINT uq_association_name UNIQUE (district_id, name),
    CONSTRAINT fk_association_district FOREIGN KEY (district_id) REFERENCES district (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_swedish_ci;

CREATE TABLE member (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    member_number        VARCHAR(32) NOT NULL,
    first_name           VARCHAR(100) NOT NULL,
    last_name            VARCHAR(100) NOT NULL,
    -- the normalised address (trimmed, IDN domain in ASCII, lower-case domain); NULL when MISSING or
    -- malformed (an address that delivery marked INVALID keeps it, so a re-import of it stays INVALID)
    email                VARCHAR(320) NULL,
    -- the value exactly as the register export gave it, kept so the membership officer sees what to fix
    email_raw            VARCHAR(320) NULL,
    email_status         ENUM('OK', 'MISSING', 'INVALID', 'BOUNCED') NOT NULL,
    email_status_reason  VARCHAR(500) NULL,
    email_status_since   DATETIME(3) NOT NULL,
    phone                VARCHAR(40) NULL,
    association_id       INT NULL,
    joined_on            DATE NULL,
    status               ENUM('ACTIVE', 'LEFT') NOT NULL DEFAULT 'ACTIVE',
    left_on              DATE NULL,
    -- set when the member unsubscribed from the members' letter (never from role-based letters)
    unsubscribed_at      DATETIME(3) NULL,
    created_at           DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at           DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uq_member_number UNIQUE (member_number),
    CONSTRAINT fk_member_association FOREIGN KEY (association_id) REFERENCES association (id),
    INDEX ix_member_audience (status, email_status, association_id),
    INDEX ix_member_association (association_id, status),
    INDEX ix_member_email (email)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_swedish_ci;

-- A member may hold several roles. Association-level roles carry the association they serve;
-- district-level roles (district board, executive committee, ombudsman, groups) have none.
CREATE TABLE member_role (
    member_id       BIGINT NOT NULL,
    role            ENUM('CHAIR', 'BOARD_MEMBER', 'MEMBERSHIP_OFFICER', 'TREASURER', 'DISTRICT_BOARD',
                         'EXECUTIVE_COMMITTEE', 'POLICY_LEAD', 'OMBUDSMAN', 'COUNTY_COUNCIL_GROUP',
                         'REGIONAL_GROUP') NOT NULL,
    association_id  INT NULL,
    -- for POLICY_LEAD: the policy area (e.g. feminism); empty for every other role
    policy_area     VARCHAR(100) NOT NULL DEFAULT '',
    CONSTRAINT fk_role_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE,
    CONSTRAINT fk_role_association FOREIGN KEY (association_id) REFERENCES association (id),
    INDEX ix_role_member (member_id),
    INDEX ix_role_lookup (role, association_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_swedish_ci;

-- A member erased under GDPR art. 17. Only a keyed hash of the member number is kept, so that the
-- next import of a register export that still lists the person does not bring them back.
CREATE TABLE erased_member (
    number_hash  BINARY(32) PRIMARY KEY,
    erased_at    DATETIME(3) NOT NULL
) ENGINE = InnoDB;
