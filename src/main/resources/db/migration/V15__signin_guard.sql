-- The row a sign-in attempt locks, one per name (its SHA-256) and one per client address that tried
-- recently, so that counting the recent failures and reserving this attempt's failure are one
-- atomic step on every serve node: an attempt first upserts (and so locks) the rows of its name and
-- its address, then counts signin_failure and, when under the limit, inserts its failure before the
-- password is checked; a right password deletes it again. Rows unused for web.signin.window are
-- purged with the failures.
CREATE TABLE signin_guard (
    guard_key   VARBINARY(80) NOT NULL PRIMARY KEY,
    touched_at  DATETIME(3) NOT NULL,
    INDEX ix_signin_guard_touched (touched_at)
) ENGINE = InnoDB;
