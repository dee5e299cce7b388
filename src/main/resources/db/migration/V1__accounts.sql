-- Accounts, refresh tokens, event bus tickets and login throttling.

CREATE TABLE accounts (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username         text NOT NULL UNIQUE,               -- always stored lower case
  display_name     text NOT NULL,
  password_hash    text NOT NULL,                      -- PHC string, Argon2id
  role             text NOT NULL CHECK (role IN ('client', 'therapist', 'admin')),
  token_generation integer NOT NULL DEFAULT 0,         -- bumped on sign-out: older access tokens die
  created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE refresh_tokens (
  token_hash  bytea PRIMARY KEY,                       -- SHA-256 of the token; the token itself is never stored
  account_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  family_id   uuid NOT NULL,                           -- all rotations of one sign-in
  issued_at   timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  rotated_at  timestamptz,
  revoked_at  timestamptz
);
CREATE INDEX refresh_tokens_account ON refresh_tokens (account_id);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);

CREATE TABLE ws_tickets (
  ticket_hash       bytea PRIMARY KEY,
  account_id        uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  token_generation  integer NOT NULL,
  access_expires_at timestamptz NOT NULL,              -- the socket closes then
  expires_at        timestamptz NOT NULL
);

CREATE TABLE login_failures (
  subject   text NOT NULL,                             -- 'user:<name>' or 'addr:<ip>'
  failed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_subject ON login_failures (subject, failed_at);
