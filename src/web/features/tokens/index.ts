export { default as ApiTokensPage } from './ApiTokensPage';
export { useApiTokens, useCreateApiToken, useRevokeApiToken } from './queries';
