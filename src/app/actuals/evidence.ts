import { createHash } from 'node:crypto';
import { checkEvidenceFile } from '../../core/actuals';
import { DomainError } from '../../core/errors';
import { auditActor, type Actor } from '../actor';
import { notFound } from '../policy';
import type { EvidenceFile, Store } from '../ports';
import { requireWriteActuals } from './access';
import { resolveScope } from '../scope';
import { readableActual } from './read-actuals';

/**
 * Attaches a file (minh chứng) to an actual. Whoever may check in the actual may attach evidence.
 * The file must really be one of the allowed kinds (magic bytes); it is stored in the database with its sha256.
 */
export async function addEvidence(store: Store, actor: Actor, actualId: number, file: { fileName: string; data: Buffer }): Promise<EvidenceFile> {
  const { actual, kpi } = await readableActual(store, actor, actualId);
  requireWriteActuals(actor, kpi, await resolveScope(store, actual.scope));
  const check = checkEvidenceFile(file.fileName, file.data);
  if (!check.ok) {
    const code = check.issue.code === 'too_large' ? 'PAYLOAD_TOO_LARGE' : 'UNSUPPORTED_MEDIA_TYPE';
    throw new DomainError(code, check.issue.message, { issues: [check.issue] });
  }
  const sha256 = createHash('sha256').update(file.data).digest('hex');
  return store.transaction(async (tx) => {
    const saved = await tx.evidence.add({
      actualId,
      fileName: check.fileName,
      contentType: check.contentType,
      data: file.data,
      sha256,
      uploadedBy: actor.user.id || null,
    });
    await tx.audit.record([
      {
        ...auditActor(actor),
        action: 'create',
        entity: 'evidence',
        entityId: String(saved.id),
        before: null,
        after: { actualId, fileName: saved.fileName, contentType: saved.contentType, sizeBytes: saved.sizeBytes, sha256 },
      },
    ]);
    return saved;
  });
}

/** An evidence file with its bytes, for whoever may see its actual. */
export async function getEvidence(store: Store, actor: Actor, id: number): Promise<EvidenceFile & { data: Buffer }> {
  const file = await store.evidence.get(id);
  if (!file) throw notFound({ vi: 'minh chứng', en: 'Evidence file' }, id);
  await readableActual(store, actor, file.actualId);
  return file;
}
