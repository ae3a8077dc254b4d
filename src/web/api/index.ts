export { ApiError, api, query, resetCsrf, setLanguageSource } from './client';
export type * from './types';
