-- Threading of automatic follow-ups (e.g. a feedback reminder answering a board letter): the
-- Message-ID, with angle brackets, of the earlier message this delivery replies to. Written as
-- In-Reply-To and References (RFC 5322 §3.6.4). NULL for ordinary letters.
ALTER TABLE delivery ADD COLUMN in_reply_to VARCHAR(200) NULL;
