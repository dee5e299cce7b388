-- Conduct and crisis safety: escalations, mutes that survive a restart, per-group word lists.

-- A possible crisis noticed in a group or a private channel. Stays open until a therapist
-- acknowledges it; resolved with the therapist's note. Steps are also written to audit_log.
CREATE TABLE escalations (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  group_id        uuid REFERENCES groups (id) ON DELETE CASCADE,
  channel_id      uuid,                                   -- private channels (a later migration adds the FK)
  account_id      uuid NOT NULL REFERENCES accounts (id), -- the person who may be in crisis
  member_id       uuid REFERENCES group_members (id),
  seq             bigint,                                  -- the message that raised it
  category        text NOT NULL,
  severity        text NOT NULL,
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'resolved')),
  opened_at       timestamptz NOT NULL DEFAULT now(),
  acknowledged_by uuid REFERENCES accounts (id),
  acknowledged_at timestamptz,
  resolved_by     uuid REFERENCES accounts (id),
  resolved_at     timestamptz,
  note            text,
  CHECK (group_id IS NOT NULL OR channel_id IS NOT NULL)
);
CREATE INDEX escalations_group_open ON escalations (group_id) WHERE status <> 'resolved';
CREATE INDEX escalations_channel_open ON escalations (channel_id) WHERE status <> 'resolved';

-- A member muted in a group until a time (by a therapist or by the conduct ladder).
CREATE TABLE member_mutes (
  member_id  uuid PRIMARY KEY REFERENCES group_members (id) ON DELETE CASCADE,
  until      timestamptz NOT NULL,
  muted_by   uuid REFERENCES accounts (id),                -- NULL: the facilitator's ladder
  reason     text,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Extra terms a group's therapists add to the deployment's word lists.
CREATE TABLE group_terms (
  group_id   uuid NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  list       text NOT NULL CHECK (list IN ('abuse', 'allow')),
  term       text NOT NULL,
  added_by   uuid NOT NULL REFERENCES accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, list, term)
);
