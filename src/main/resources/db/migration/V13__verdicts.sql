-- Verdicts by cause (issue 13).
-- BLOCKED: the receiving server refused us, not the member (policy, SPF/DKIM/DMARC, reputation,
-- blocklist, content, rate, or our envelope sender). Never marks the member's address.
ALTER TABLE delivery MODIFY COLUMN state
    ENUM('QUEUED', 'SENT', 'DEFERRED', 'FAILED', 'BOUNCED', 'CANCELLED', 'BLOCKED') NOT NULL;

-- BLOCKED: a delivery report of such a refusal; COMPLAINT: a spam complaint (ARF, RFC 5965, or a
-- provider's feedback loop), never a reply.
ALTER TABLE inbound_message MODIFY COLUMN kind
    ENUM('REPLY', 'AUTO_REPLY', 'HARD_BOUNCE', 'SOFT_BOUNCE', 'DELAYED', 'UNSUBSCRIBE', 'BLOCKED', 'COMPLAINT') NOT NULL;

-- The board letter a reply counts as feedback for when it answers that letter's feedback reminder
-- (letter_id is then the reminder). NULL otherwise.
ALTER TABLE inbound_message ADD COLUMN feedback_letter_id BIGINT NULL,
    ADD INDEX ix_inbound_feedback_letter (feedback_letter_id);
