-- Rate counters reserved before the work they guard (an Argon2 hash): one row per subject,
-- 'user:<name>' and 'addr:<ip>' for sign-ins, 'register:<ip>' for registrations. A conditional
-- upsert takes a slot only while the count is under the limit, so parallel requests cannot all
-- pass a check made before any of them is recorded (the race of login_failures, dropped here).

CREATE TABLE rate_counters (
  subject   text PRIMARY KEY,
  used      integer NOT NULL,                          -- slots taken since the window opened
  resets_at timestamptz NOT NULL                       -- the window closes: the next request starts a new one
);
CREATE INDEX rate_counters_resets_at ON rate_counters (resets_at);

DROP TABLE login_failures;
