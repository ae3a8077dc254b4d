-- A session that ends (logout, a password change or reset ending the others, an admin disabling an account, expiry
-- clean-up) changes the data version, so every app instance's session cache sees it on the next request
-- (src/app/auth/session-actors.ts). Logins and "last seen" touches insert and update: they do not need to.
CREATE TRIGGER sessions_data_version BEFORE DELETE OR TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
