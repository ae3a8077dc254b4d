-- The login throttle's windows (src/server/login-throttle.ts), shared by every app instance: a client spraying
-- passwords across instances behind a load balancer meets one limit, not one per instance. One row per window key
-- (a SHA-256 of the throttle, address and e-mail, or address alone): how many attempts it counted and when it ends.
CREATE TABLE login_windows (
  key_hash text PRIMARY KEY,
  attempts integer NOT NULL,
  reset_at timestamptz NOT NULL
);
CREATE INDEX login_windows_reset_at ON login_windows (reset_at);
