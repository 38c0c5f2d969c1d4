-- Replies: the ombudsman marks a message handled in the web interface (who and when).
ALTER TABLE inbound_message
    ADD COLUMN handled_at DATETIME(3) NULL,
    ADD COLUMN handled_by VARCHAR(40) NULL;
