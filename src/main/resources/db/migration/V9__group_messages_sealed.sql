-- Group messages, escalation notes and moderation reasons are sealed at rest like channel messages
-- (AES-256-GCM with the channel keys, see ChannelCipher; the additional authenticated data binds each
-- text to its row). Searchable fields (status, seq, ids, timestamps, actions) stay as they are.
--
-- The plaintext columns become nullable: new rows leave them NULL. Rows written before this
-- migration still hold plaintext; the server seals them in batches when it starts
-- (TalkingStick.sealPlaintextAtRest: GroupMessageStore, EscalationStore and ModerationStore.sealPlaintext)
-- and sets the plaintext to NULL.
-- A later migration may drop body, note and member_mutes.reason once every deployment has started once.
-- audit_log refuses updates (a trigger): its rows written before this migration keep their reason in the
-- clear; rows from now on hold only the sealed reason.

ALTER TABLE group_messages
  ALTER COLUMN body DROP NOT NULL,
  ADD COLUMN ciphertext bytea,
  ADD COLUMN nonce      bytea CHECK (nonce IS NULL OR length(nonce) = 12),
  ADD COLUMN key_id     text,
  ADD CONSTRAINT group_messages_text_check
    CHECK (body IS NOT NULL OR (ciphertext IS NOT NULL AND nonce IS NOT NULL AND key_id IS NOT NULL));
CREATE INDEX group_messages_plaintext ON group_messages (group_id, seq) WHERE body IS NOT NULL;

ALTER TABLE escalations
  ADD COLUMN note_ciphertext bytea,
  ADD COLUMN note_nonce      bytea CHECK (note_nonce IS NULL OR length(note_nonce) = 12),
  ADD COLUMN note_key_id     text;

ALTER TABLE member_mutes
  ADD COLUMN reason_ciphertext bytea,
  ADD COLUMN reason_nonce      bytea CHECK (reason_nonce IS NULL OR length(reason_nonce) = 12),
  ADD COLUMN reason_key_id     text;

ALTER TABLE audit_log
  ADD COLUMN reason_ciphertext bytea,
  ADD COLUMN reason_nonce      bytea CHECK (reason_nonce IS NULL OR length(reason_nonce) = 12),
  ADD COLUMN reason_key_id     text;
