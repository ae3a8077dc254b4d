-- Account lockout (ASVS 2.2.1): failed logins counted per e-mail address, whatever client address they come
-- from. Keyed by the lower-cased e-mail, not the user id, so an unknown e-mail locks the same way a real one
-- does and the answer never tells which e-mails have a login.
CREATE TABLE login_lockouts (
  email text PRIMARY KEY,
  failures integer NOT NULL CHECK (failures >= 0),
  last_failure_at timestamptz NOT NULL,
  locked_until timestamptz
);

-- Idle timeout (ASVS 3.3.2): a session unused for longer than the idle limit ends.
ALTER TABLE sessions ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now();
