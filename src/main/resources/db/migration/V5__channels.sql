-- Private one-on-one channels between a client and a therapist, the care relationships that
-- allow them, direct client invites, read markers, and a therapist's goals and session notes
-- for a client. Message, goal and note texts are stored only encrypted (AES-256-GCM, see
-- channel/ChannelCipher.java): ciphertext, its 12-byte nonce and the id of the key that sealed it.

-- A client a therapist took on directly, by a client invite. Care through a group is not stored
-- here: it follows from group_members (see care_relationships).
CREATE TABLE care_links (
  therapist_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  client_id     uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  invite_code   text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (therapist_id, client_id)
);
CREATE INDEX care_links_client ON care_links (client_id);

-- Who is whose therapist: a direct link, or a client who is or was a member of a group in which
-- the therapist is a therapist member. A client who left the group or was removed from it stays
-- in care (continuity of care; only the therapist can open a channel).
CREATE VIEW care_relationships AS
  SELECT therapist_id, client_id, min(since) AS since
    FROM (
      SELECT therapist_id, client_id, created_at AS since FROM care_links
      UNION ALL
      SELECT t.account_id, c.account_id, greatest(t.joined_at, c.joined_at)
        FROM group_members c
        JOIN group_members t ON t.group_id = c.group_id AND t.role = 'therapist'
       WHERE c.role = 'client'
    ) AS links
   GROUP BY therapist_id, client_id;

-- Single-use invites a therapist gives a client to start a care relationship.
CREATE TABLE client_invites (
  code          text PRIMARY KEY,
  therapist_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  expires_at    timestamptz NOT NULL,
  used_by       uuid REFERENCES accounts (id) ON DELETE SET NULL,
  used_at       timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX client_invites_therapist ON client_invites (therapist_id);

-- One channel per therapist and client.
CREATE TABLE channels (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  therapist_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  client_id     uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT channels_pair UNIQUE (therapist_id, client_id),
  CHECK (therapist_id <> client_id)
);
CREATE INDEX channels_client ON channels (client_id);

-- seq is assigned by the channel's verticle (its single owner), strictly increasing.
CREATE TABLE channel_messages (
  channel_id     uuid NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  seq            bigint NOT NULL,
  sender_id      uuid NOT NULL REFERENCES accounts (id),
  client_msg_id  text NOT NULL,
  ciphertext     bytea NOT NULL,
  nonce          bytea NOT NULL CHECK (length(nonce) = 12),
  key_id         text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (channel_id, seq),
  UNIQUE (channel_id, sender_id, client_msg_id)
);

-- The highest seq each party has read; it only moves forward.
CREATE TABLE channel_reads (
  channel_id  uuid NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  account_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  seq         bigint NOT NULL DEFAULT 0 CHECK (seq >= 0),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (channel_id, account_id)
);

-- A therapist's goals for one client, visible to that therapist only.
CREATE TABLE client_goals (
  id            uuid PRIMARY KEY,
  therapist_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  client_id     uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  ciphertext    bytea NOT NULL,
  nonce         bytea NOT NULL CHECK (length(nonce) = 12),
  key_id        text NOT NULL,
  status        text NOT NULL CHECK (status IN ('active', 'paused', 'achieved', 'dropped')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX client_goals_pair ON client_goals (therapist_id, client_id, created_at);

-- A therapist's short session notes about one client, visible to that therapist only.
CREATE TABLE client_notes (
  id            uuid PRIMARY KEY,
  therapist_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  client_id     uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  ciphertext    bytea NOT NULL,
  nonce         bytea NOT NULL CHECK (length(nonce) = 12),
  key_id        text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX client_notes_pair ON client_notes (therapist_id, client_id, created_at DESC, id DESC);

-- V4 left escalations.channel_id without a foreign key until channels existed.
ALTER TABLE escalations
  ADD CONSTRAINT escalations_channel FOREIGN KEY (channel_id) REFERENCES channels (id) ON DELETE CASCADE;
