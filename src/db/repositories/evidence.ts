import type { Kysely } from 'kysely';
import type { EvidenceFile, Store } from '../../app/ports';
import type { DB } from '../schema';

const META = ['id', 'actual_id', 'file_name', 'content_type', 'size_bytes', 'sha256', 'uploaded_at'] as const;

function toFile(r: { id: number; actual_id: number; file_name: string; content_type: string; size_bytes: number; sha256: string; uploaded_at: Date | string }): EvidenceFile {
  return {
    id: r.id,
    actualId: r.actual_id,
    fileName: r.file_name,
    contentType: r.content_type,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    uploadedAt: new Date(r.uploaded_at).toISOString(),
  };
}

export function evidenceRepo(db: Kysely<DB>): Store['evidence'] {
  return {
    async add(f) {
      const row = await db
        .insertInto('kpi_evidence')
        .values({
          actual_id: f.actualId,
          file_name: f.fileName,
          content_type: f.contentType,
          size_bytes: f.data.length,
          sha256: f.sha256,
          data: f.data,
          uploaded_by: f.uploadedBy,
        })
        .returning(META)
        .executeTakeFirstOrThrow();
      return toFile(row);
    },
    async list(actualId) {
      return (await db.selectFrom('kpi_evidence').select(META).where('actual_id', '=', actualId).orderBy('id').execute()).map(toFile);
    },
    async listFor(actualIds) {
      const byActual = new Map<number, EvidenceFile[]>();
      if (actualIds.length === 0) return byActual;
      const rows = await db.selectFrom('kpi_evidence').select(META).where('actual_id', 'in', actualIds).orderBy('id').execute();
      for (const r of rows) byActual.set(r.actual_id, [...(byActual.get(r.actual_id) ?? []), toFile(r)]);
      return byActual;
    },
    async get(id) {
      const row = await db.selectFrom('kpi_evidence').select([...META, 'data']).where('id', '=', id).executeTakeFirst();
      return row ? { ...toFile(row), data: row.data } : null;
    },
  };
}
