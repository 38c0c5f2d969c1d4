-- Events that associations send in wait as PROPOSED until the ombudsman approves them; only APPROVED
-- events appear in the members' letter. Existing rows were entered by staff, so they stay APPROVED.
ALTER TABLE event
    ADD COLUMN state ENUM('PROPOSED', 'APPROVED') NOT NULL DEFAULT 'APPROVED';
