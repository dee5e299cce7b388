-- Crisis safety end to end: a crisis text the room would refuse goes privately to the group's
-- therapists; escalations keep the text (sealed like channel messages) and are re-sent when
-- nobody acknowledges them; therapists and admins may have an address for those reminders.

-- 'private': a crisis text the room did not share; only the group's therapists and its author see it.
ALTER TABLE group_messages DROP CONSTRAINT group_messages_status_check;
ALTER TABLE group_messages ADD CONSTRAINT group_messages_status_check
  CHECK (status IN ('visible', 'held', 'redacted', 'rejected', 'private'));
-- a message that showed signs of a crisis: nobody reacts to it
ALTER TABLE group_messages ADD COLUMN crisis boolean NOT NULL DEFAULT false;

ALTER TABLE escalations
  ADD COLUMN shared      boolean NOT NULL DEFAULT true,  -- false: the text did not reach the group
  ADD COLUMN ciphertext  bytea,                          -- the text that raised it, AES-GCM like channel messages
  ADD COLUMN nonce       bytea CHECK (nonce IS NULL OR length(nonce) = 12),
  ADD COLUMN key_id      text,
  ADD COLUMN reminded_at timestamptz;                    -- when it was sent again for want of an acknowledgement
CREATE INDEX escalations_unreminded ON escalations (opened_at) WHERE status = 'open' AND reminded_at IS NULL;

ALTER TABLE accounts ADD COLUMN email text;
