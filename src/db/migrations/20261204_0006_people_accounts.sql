-- People and accounts (issue 10).

-- Vietnamese name order: a key computed in JavaScript when a name is written (core/people/sort-names.ts),
-- compared byte by byte. Rows written before this migration get theirs right after it (db/migrate.ts).
ALTER TABLE people ADD COLUMN sort_key text COLLATE "C";
CREATE INDEX people_sort_idx ON people (sort_key, id);
CREATE INDEX people_sort_missing_idx ON people (id) WHERE sort_key IS NULL;

-- One-time password reset links an admin hands over: only the SHA-256 of the token is stored.
CREATE TABLE password_resets (
  token_hash text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id),
  created_by integer REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX password_resets_user_idx ON password_resets (user_id);
