export { canReadActuals, canWriteActuals } from './access';
export { authenticateApiToken, createApiToken, hashToken, listApiTokens, revokeApiToken, TOKEN_PREFIX } from './api-tokens';
export { checkIn, DEFAULT_TIMEZONE, type CheckInInput } from './check-in';
export { addEvidence, getEvidence } from './evidence';
export { presentActuals, type ActualView } from './present';
export { MAX_PUSH_ITEMS, pushActuals, type PushItem, type PushResult } from './push-actuals';
export { actualVersions, listActuals, readableActual } from './read-actuals';
export { recordActuals, type RecordResult } from './record-actuals';
