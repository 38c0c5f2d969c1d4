-- The outcome of every run of a scheduled job, on whichever node ran it: what `schedule show`
-- prints as "last run". Quartz itself only keeps fire times.
CREATE TABLE job_run (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    job_name     VARCHAR(100) NOT NULL,
    node         VARCHAR(190) NOT NULL,
    started_at   DATETIME(3) NOT NULL,
    finished_at  DATETIME(3) NULL,
    outcome      ENUM('RUNNING', 'SUCCEEDED', 'FAILED') NOT NULL,
    -- one line for the operator: counts, never names or addresses
    summary      VARCHAR(1000) NULL,
    INDEX ix_job_run_name (job_name, started_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_swedish_ci;
