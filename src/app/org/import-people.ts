import { MAX_IMPORT_ROWS, validatePeopleRows } from '../../core/people/import-rows';
import { auditActor, type Actor } from '../actor';
import { importInvalid } from '../import/read-sheet';
import { readTable } from '../import/read-table';
import { policy, unitTarget } from '../policy';
import type { Person, Store } from '../ports';

/**
 * Who may import people at all (`person.import` of the permission table). Asked by the upload route before it reads a byte
 * of the file (each row's unit is checked again later).
 */
export function requireCanImportPeople(actor: Actor): void {
  policy.requireAtAll(actor, 'person.import');
}

export interface ImportPeopleResult {
  dryRun: boolean;
  rows: number;
  created: number;
}

/**
 * All or nothing: every row is validated first; one bad row means nothing is written and every
 * problem is reported with row and column. The writes run in one transaction, so a crash mid-way
 * leaves no partial import.
 */
export async function importPeople(
  store: Store,
  actor: Actor,
  file: { name: string; data: Buffer },
  options: { dryRun: boolean; onProgress?: (done: number, total: number) => void },
): Promise<ImportPeopleResult> {
  requireCanImportPeople(actor);
  const table = await readTable(file.name, file.data, MAX_IMPORT_ROWS);
  return store.transaction(async (tx) => {
    const units = await tx.units.list();
    const positions = await tx.positions.list();
    const emailsInFile = table.rows.flatMap((r) => r.map((c) => c.trim().toLowerCase())).filter((c) => c.includes('@'));
    const existing = await tx.people.findByEmails([...new Set(emailsInFile)]);
    const { rows, issues } = validatePeopleRows(table.headers, table.rows, {
      unitIdByCode: new Map(units.map((u) => [u.code.toUpperCase(), { id: u.id, archived: u.archived }])),
      positionIdByCode: new Map(positions.map((p) => [p.code.toLowerCase(), p.id])),
      existingEmails: new Set(existing.map((p) => p.email!.toLowerCase())),
    });
    for (const r of rows) {
      if (!policy.can(actor, 'person.manage', unitTarget(r.unitId))) {
        issues.push({
          path: `row ${r.row}`,
          code: 'forbidden_unit',
          row: r.row,
          message: { vi: `Dòng ${r.row}: bạn không quản lý phòng ban này.`, en: `Row ${r.row}: you do not manage this unit.` },
        });
      }
    }
    if (issues.length > 0) throw importInvalid(issues);
    if (options.dryRun) return { dryRun: true, rows: rows.length, created: 0 };

    const created: Person[] = [];
    const chunk = 500;
    for (let i = 0; i < rows.length; i += chunk) {
      const part = rows.slice(i, i + chunk);
      created.push(
        ...(await tx.people.createMany(
          part.map((r) => ({ fullName: r.fullName, email: r.email, unitId: r.unitId, positionId: r.positionId, managerId: null, userId: null })),
        )),
      );
      options.onProgress?.(Math.min(i + chunk, rows.length), rows.length);
    }
    const idByEmail = new Map<string, number>([...existing, ...created].filter((p) => p.email).map((p) => [p.email!.toLowerCase(), p.id]));
    rows.forEach((r, i) => {
      if (r.managerEmail) created[i] = { ...created[i]!, managerId: idByEmail.get(r.managerEmail)! };
    });
    await tx.people.setManagers(created.flatMap((p) => (p.managerId === null ? [] : [{ id: p.id, managerId: p.managerId }])));
    await tx.audit.record(
      created.map((p) => ({ ...auditActor(actor), action: 'import' as const, entity: 'person', entityId: String(p.id), before: null, after: p })),
    );
    return { dryRun: false, rows: rows.length, created: created.length };
  });
}
