import { z } from 'zod';
import type { Localized } from '../errors';
import type { Problem } from './cross-check';
import { describeZodIssue } from './schema';
import { normEmail, normUnitCode, type FilePath, type KpiFileBinding } from './types';

const text = z.string().trim().min(1).max(200);

/** The `binding:` block of a KPI as the file writes it (snake_case keys); each scope names a unit or a person. */
const bindingSchema = z.object({
  dataset: text,
  measure: z.string().trim().min(1).max(2000),
  date_column: text,
  scope_column: text.nullish(),
  scopes: z
    .array(z.object({ value: z.union([z.string(), z.number()]).transform(String), unit: text.nullish(), person: text.nullish() }))
    .max(500)
    .nullish(),
});

const problem = (path: FilePath, code: string, vi: string, en: string): Problem => ({ path, code, message: { vi, en } as Localized });

/**
 * A KPI's `binding` block: the binding (undefined when the block is absent) and every problem of its shape, with
 * file paths (`kpis[3].binding.date_column`). Whether the dataset and its columns fit is checked when applying.
 */
export function readBinding(raw: unknown, source: unknown, base: FilePath): { binding: KpiFileBinding | undefined; problems: Problem[] } {
  if (raw === undefined || raw === null) return { binding: undefined, problems: [] };
  const parsed = bindingSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((zi) => {
      const p = describeZodIssue(zi, raw);
      return { ...p, path: [...base, ...p.path] };
    });
    return { binding: undefined, problems };
  }
  const problems: Problem[] = [];
  if (source !== 'dataset') {
    problems.push(
      problem(base, 'KPI_FILE_BINDING_SOURCE', 'Chỉ KPI có "source: dataset" mới có "binding"', 'Only a KPI with "source: dataset" can have a "binding"'),
    );
  }
  const seen = new Set<string>();
  const scopes = (parsed.data.scopes ?? []).map((s, i) => {
    const at = [...base, 'scopes', i];
    if ((s.unit ? 1 : 0) + (s.person ? 1 : 0) !== 1) {
      problems.push(problem(at, 'KPI_FILE_BINDING_SCOPE', 'Mỗi giá trị gán cho đúng một "unit" hoặc một "person"', 'Each value maps to exactly one "unit" or one "person"'));
    }
    if (seen.has(s.value)) problems.push(problem([...at, 'value'], 'DUPLICATE_VALUE', `Giá trị "${s.value}" đã được gán ở trên`, `The value "${s.value}" is already mapped above`));
    seen.add(s.value);
    return { value: s.value, unit: s.unit ?? null, person: s.person ?? null };
  });
  if (scopes.length > 0 && !parsed.data.scope_column) {
    problems.push(problem([...base, 'scope_column'], 'KPI_FILE_REQUIRED', 'Có "scopes" thì phải có "scope_column"', '"scope_column" is required with "scopes"'));
  }
  const binding: KpiFileBinding = {
    dataset: parsed.data.dataset,
    measure: parsed.data.measure,
    dateColumn: parsed.data.date_column,
    scopeColumn: parsed.data.scope_column ?? null,
    scopes,
  };
  return { binding: problems.length > 0 ? undefined : binding, problems };
}

/** Units and people a binding maps values to must exist in the file or the database. */
export function bindingRefProblems(binding: KpiFileBinding, base: FilePath, unitCodes: ReadonlySet<string>, emails: ReadonlySet<string>): Problem[] {
  return binding.scopes.flatMap((s, i) => {
    if (s.unit && !unitCodes.has(normUnitCode(s.unit))) {
      return [problem([...base, 'scopes', i, 'unit'], 'KPI_FILE_UNKNOWN_UNIT', `Không có phòng ban mã "${s.unit}"`, `There is no unit with code "${s.unit}"`)];
    }
    if (s.person && !emails.has(normEmail(s.person))) {
      return [problem([...base, 'scopes', i, 'person'], 'KPI_FILE_UNKNOWN_PERSON', `Không có nhân sự có email "${s.person}"`, `There is no person with e-mail "${s.person}"`)];
    }
    return [];
  });
}

/** The binding as the file writes it (stable: scopes by value). */
export function bindingToFile(b: KpiFileBinding): Record<string, unknown> {
  const out: Record<string, unknown> = { dataset: b.dataset, measure: b.measure, date_column: b.dateColumn };
  if (b.scopeColumn) out.scope_column = b.scopeColumn;
  if (b.scopes.length > 0) {
    out.scopes = [...b.scopes]
      .sort((x, y) => (x.value < y.value ? -1 : x.value > y.value ? 1 : 0))
      .map((s) => (s.unit ? { value: s.value, unit: normUnitCode(s.unit) } : { value: s.value, person: normEmail(s.person!) }));
  }
  return out;
}
