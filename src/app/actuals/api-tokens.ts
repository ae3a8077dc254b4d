import { createHash, randomBytes } from 'node:crypto';
import { DomainError, issue } from '../../core/errors';
import { auditActor, type Actor } from '../actor';
import { COMPANY, notFound, policy } from '../policy';
import type { ApiToken, Store } from '../ports';

export const TOKEN_PREFIX = 'okpi_';
/** How much of the token is kept in clear, to tell tokens apart in lists. */
const SHOWN_CHARS = TOKEN_PREFIX.length + 6;

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** An admin creates a token for one integration; the secret is returned once and only its sha256 is stored. */
export async function createApiToken(store: Store, actor: Actor, input: { name: string; kpiCodes?: string[] | undefined }): Promise<{ token: string; apiToken: ApiToken }> {
  policy.require(actor, 'api-token.manage', COMPANY);
  const kpiCodes = [...new Set(input.kpiCodes ?? [])];
  const known = new Set((await store.kpis.codes()).map((k) => k.code));
  const issues = kpiCodes.flatMap((code, i) =>
    known.has(code) ? [] : [issue(`kpiCodes.${i}`, 'not_found', `Không có KPI mã ${code}.`, `There is no KPI with code ${code}.`)],
  );
  if (issues.length > 0) throw new DomainError('VALIDATION_FAILED', { vi: 'Mã KPI không tồn tại.', en: 'Unknown KPI codes.' }, { issues });

  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return store.transaction(async (tx) => {
    const apiToken = await tx.apiTokens.create({
      name: input.name,
      tokenHash: hashToken(token),
      prefix: token.slice(0, SHOWN_CHARS),
      kpiCodes,
      createdBy: actor.user.id || null,
    });
    await tx.audit.record([
      { ...auditActor(actor), action: 'create', entity: 'api_token', entityId: String(apiToken.id), before: null, after: { name: apiToken.name, prefix: apiToken.prefix, kpiCodes } },
    ]);
    return { token, apiToken };
  });
}

export async function listApiTokens(store: Store, actor: Actor): Promise<ApiToken[]> {
  policy.require(actor, 'api-token.manage', COMPANY);
  return store.apiTokens.list();
}

export async function revokeApiToken(store: Store, actor: Actor, id: number): Promise<ApiToken> {
  policy.require(actor, 'api-token.manage', COMPANY);
  return store.transaction(async (tx) => {
    const token = (await tx.apiTokens.list()).find((t) => t.id === id);
    if (!token) throw notFound({ vi: 'API token', en: 'API token' }, id);
    if (!token.revoked) {
      await tx.apiTokens.revoke(id);
      await tx.audit.record([
        { ...auditActor(actor), action: 'archive', entity: 'api_token', entityId: String(id), before: { revoked: false }, after: { revoked: true } },
      ]);
    }
    return { ...token, revoked: true };
  });
}

/** The active token behind an `Authorization: Bearer okpi_…` header; 401 when missing, unknown or revoked. */
export async function authenticateApiToken(store: Store, authorization: string | undefined): Promise<ApiToken> {
  const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  const token = m?.[1];
  const found = token?.startsWith(TOKEN_PREFIX) ? await store.apiTokens.findActiveByHash(hashToken(token)) : null;
  if (!found) {
    throw new DomainError('UNAUTHENTICATED', {
      vi: 'API token không hợp lệ hoặc đã bị thu hồi.',
      en: 'The API token is invalid or has been revoked.',
    });
  }
  await store.apiTokens.touch(found.id);
  return found;
}
