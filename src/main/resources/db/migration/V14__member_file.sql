-- Files outside the database that name a member (previews written by letter preview, the monthly
-- assembly and the demo): recorded when written, deleted by the member's erasure (register.MemberFiles).
-- No foreign key: the erasure deletes the rows itself, after deleting the files.
CREATE TABLE member_file (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    member_id   BIGINT NOT NULL,
    -- the absolute path as written
    path        VARCHAR(700) NOT NULL,
    written_at  DATETIME(3) NOT NULL,
    CONSTRAINT uq_member_file UNIQUE (member_id, path),
    INDEX ix_member_file_member (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
