import { DomainError, issue, type Issue } from '../errors';
import { identifierOf, type NamedColumn } from './identifiers';
import { typeName } from './issues';
import type { DatasetColumnInfo, DatasetColumnType, DatasetInfo } from './types';

export type ImportMode = 'append' | 'replace';

/** What an import does to the dataset table before the rows are written. */
export type ImportPlan =
  | { action: 'define'; columns: DatasetColumnInfo[]; keyColumns: string[] }
  | { action: 'append'; keyColumns: string[]; setKey: boolean }
  | { action: 'replace'; keyColumns: string[] };

const planError = (issues: Issue[]) =>
  new DomainError('DATASET_COLUMNS_MISMATCH', { vi: `Tệp không khớp với tập dữ liệu: ${issues.map((i) => i.message.vi).join(' ')}`, en: `The file does not fit the dataset: ${issues.map((i) => i.message.en).join(' ')}` }, { issues });

/** `--types` / `--key` names, as identifiers or as headers (`Order ID` → `order_id`). */
export const asIdentifier = (name: string) => identifierOf(name.trim(), 0);

/**
 * Columns and types of the file: the inferred types with the user's overrides (by identifier or header).
 * An override naming no column of the file is an error, not ignored.
 */
export function withOverrides(columns: readonly NamedColumn[], inferred: readonly DatasetColumnType[], overrides: Record<string, DatasetColumnType>): DatasetColumnInfo[] {
  const byName = new Map(Object.entries(overrides).map(([k, t]) => [asIdentifier(k), { given: k, type: t }]));
  const unknown = [...byName.entries()].filter(([n]) => !columns.some((c) => c.name === n));
  if (unknown.length > 0) {
    throw planError(unknown.map(([, o]) => issue('types', 'unknown_column', `Không có cột "${o.given}" trong tệp (--types).`, `There is no column "${o.given}" in the file (--types).`)));
  }
  return columns.map((c, i) => ({ name: c.name, label: c.label, type: byName.get(c.name)?.type ?? inferred[i]! }));
}

/**
 * Decides how the file meets the dataset:
 * - a new dataset is defined with the file's columns and types;
 * - replace defines it anew (columns and types may change), keeping its key unless another is given;
 * - append needs the same columns (any order); the stored types are used (an override that contradicts one
 *   is an error) and the stored key, which a given key must equal (a dataset without key may get one).
 */
export function planImport(existing: DatasetInfo | null, file: readonly DatasetColumnInfo[], options: { mode: ImportMode; keyColumns?: readonly string[] | undefined; overridden: readonly string[] }): ImportPlan {
  const given = options.keyColumns?.map(asIdentifier);
  const names = new Set(file.map((c) => c.name));
  const missingKey = (keys: readonly string[]) => keys.filter((k) => !names.has(k));
  if (given) {
    const missing = missingKey(given);
    if (missing.length > 0) throw planError(missing.map((k) => issue('key', 'unknown_column', `Cột khóa "${k}" không có trong tệp.`, `The key column "${k}" is not in the file.`)));
  }
  if (!existing) return { action: 'define', columns: [...file], keyColumns: given ?? [] };
  if (options.mode === 'replace') {
    const kept = missingKey(existing.keyColumns).length === 0 ? existing.keyColumns : [];
    return { action: 'replace', keyColumns: given ?? kept };
  }
  const problems: Issue[] = [];
  const stored = new Map(existing.columns.map((c) => [c.name, c]));
  for (const c of file) {
    const s = stored.get(c.name);
    if (!s) problems.push(issue(`columns / ${c.name}`, 'unknown_column', `Cột "${c.label}" không có trong tập dữ liệu "${existing.name}".`, `Column "${c.label}" is not in dataset "${existing.name}".`));
    else if (options.overridden.includes(c.name) && s.type !== c.type) {
      problems.push(
        issue(
          `types / ${c.name}`,
          'type_mismatch',
          `Cột "${c.label}" đã lưu kiểu ${typeName(s.type).vi}; muốn đổi kiểu hãy dùng --replace.`,
          `Column "${c.label}" is stored as ${typeName(s.type).en}; use --replace to change its type.`,
        ),
      );
    }
  }
  for (const s of existing.columns) {
    if (!names.has(s.name)) problems.push(issue(`columns / ${s.name}`, 'missing_column', `Tệp thiếu cột "${s.label}" của tập dữ liệu.`, `The file lacks the dataset's column "${s.label}".`));
  }
  if (given && existing.keyColumns.length > 0 && given.join(',') !== existing.keyColumns.join(',')) {
    problems.push(
      issue('key', 'key_mismatch', `Tập dữ liệu có khóa (${existing.keyColumns.join(', ')}); muốn đổi khóa hãy dùng --replace.`, `The dataset's key is (${existing.keyColumns.join(', ')}); use --replace to change it.`),
    );
  }
  if (problems.length > 0) throw planError(problems);
  const setKey = given !== undefined && given.length > 0 && existing.keyColumns.length === 0;
  return { action: 'append', keyColumns: setKey ? given : existing.keyColumns, setKey };
}
