-- Group rooms: membership, invites, versioned agreements, messages with a per-room seq,
-- sessions, reactions, and the append-only audit log.

CREATE TABLE groups (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_by         uuid NOT NULL REFERENCES accounts (id),
  name               text NOT NULL,
  description        text NOT NULL DEFAULT '',
  topic              text NOT NULL DEFAULT '',
  capacity           integer NOT NULL CHECK (capacity BETWEEN 2 AND 50),
  mode               text NOT NULL CHECK (mode IN ('open', 'raise-hand', 'round-robin', 'paused')),
  queue_order        text NOT NULL DEFAULT 'fifo' CHECK (queue_order IN ('fifo', 'equity')),
  turn_seconds       integer NOT NULL DEFAULT 120 CHECK (turn_seconds BETWEEN 0 AND 3600),
  slow_mode_seconds  integer NOT NULL DEFAULT 0 CHECK (slow_mode_seconds BETWEEN 0 AND 3600),
  session_minutes    integer NOT NULL DEFAULT 60 CHECK (session_minutes BETWEEN 5 AND 480),
  agreement_version  integer NOT NULL DEFAULT 1,
  agreement_text     text NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE group_members (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),   -- the memberId seen in the room
  group_id           uuid NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  account_id         uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  role               text NOT NULL CHECK (role IN ('therapist', 'client')),
  pseudonym          text NOT NULL,
  joined_at          timestamptz NOT NULL DEFAULT now(),
  left_at            timestamptz,
  removed_at         timestamptz,
  UNIQUE (group_id, account_id)
);
-- pseudonyms are unique among the people currently in a group
CREATE UNIQUE INDEX group_members_pseudonym ON group_members (group_id, lower(pseudonym))
  WHERE left_at IS NULL AND removed_at IS NULL;
CREATE INDEX group_members_account ON group_members (account_id);

CREATE TABLE agreement_acceptances (
  member_id   uuid NOT NULL REFERENCES group_members (id) ON DELETE CASCADE,
  version     integer NOT NULL,
  accepted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (member_id, version)
);

CREATE TABLE invites (
  code        text PRIMARY KEY,
  group_id    uuid NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  created_by  uuid NOT NULL REFERENCES accounts (id),
  expires_at  timestamptz NOT NULL,
  max_uses    integer NOT NULL CHECK (max_uses BETWEEN 1 AND 100),
  uses        integer NOT NULL DEFAULT 0,
  revoked_at  timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invites_group ON invites (group_id);

CREATE TABLE group_sessions (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  group_id    uuid NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  topic       text NOT NULL DEFAULT '',
  started_by  uuid NOT NULL REFERENCES accounts (id),
  started_at  timestamptz NOT NULL DEFAULT now(),
  ends_at     timestamptz NOT NULL,                   -- planned end
  ended_at    timestamptz
);
-- at most one open session per group
CREATE UNIQUE INDEX group_sessions_open ON group_sessions (group_id) WHERE ended_at IS NULL;

-- seq is assigned by the room's facilitator (the single owner of the room), strictly increasing.
CREATE TABLE group_messages (
  group_id       uuid NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  seq            bigint NOT NULL,
  member_id      uuid NOT NULL REFERENCES group_members (id),
  client_msg_id  text NOT NULL,
  body           text NOT NULL,
  status         text NOT NULL DEFAULT 'visible' CHECK (status IN ('visible', 'held', 'redacted', 'rejected')),
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, seq),
  UNIQUE (group_id, member_id, client_msg_id)
);

CREATE TABLE reactions (
  group_id   uuid NOT NULL,
  seq        bigint NOT NULL,
  member_id  uuid NOT NULL REFERENCES group_members (id),
  emoji      text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, seq, member_id, emoji),
  FOREIGN KEY (group_id, seq) REFERENCES group_messages (group_id, seq) ON DELETE CASCADE
);

-- Every moderation act, automatic or human. Never updated, never deleted.
CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  group_id    uuid REFERENCES groups (id),
  actor_id    uuid REFERENCES accounts (id),          -- NULL: the facilitator itself
  action      text NOT NULL,
  member_id   uuid REFERENCES group_members (id),     -- whom it concerned, if anyone
  reason      text,
  details     jsonb NOT NULL DEFAULT '{}'::jsonb,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_group ON audit_log (group_id, id);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
