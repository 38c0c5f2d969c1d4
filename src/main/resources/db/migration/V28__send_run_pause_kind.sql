-- Why a sender paused a run by itself (issue 18 follow-up): COMPOSE (the letter cannot be composed)
-- or SENDER_REFUSED (the relay refused our envelope sender). Before this, both showed as "could not be
-- composed"; the cause decides what the ombudsman is told to do. NULL for a pause by a person.
ALTER TABLE send_run ADD COLUMN pause_kind VARCHAR(20) NULL;
UPDATE send_run SET pause_kind = IF(pause_reason LIKE 'the relay refused our envelope sender%', 'SENDER_REFUSED', 'COMPOSE')
    WHERE pause_reason IS NOT NULL;
