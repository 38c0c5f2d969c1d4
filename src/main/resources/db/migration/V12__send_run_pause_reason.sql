-- Why a send run is PAUSED when a sender paused it itself (the letter could not be composed, e.g.
-- a template error or a letter no longer sendable): shown on the letter's page, the dashboard and
-- `letter status`. NULL for a pause by a person, and cleared on resume.
ALTER TABLE send_run
    ADD COLUMN pause_reason VARCHAR(1000) NULL,
    ADD COLUMN paused_at    DATETIME(3) NULL;
