/**
 * The shortest password accepted for an account (OWASP ASVS 4.0 V2.1.1: at least 12 characters). No composition
 * rules and no upper limit below 128 (V2.1.2, V2.1.9); checked on the server for every way a password is set.
 */
export const MIN_PASSWORD_LENGTH = 12;
