import type { Lang, Localized } from '../errors';
import type { Change, ChangeEntity } from './plan';

const ENTITY: Record<ChangeEntity, Localized> = {
  company: { vi: 'Công ty', en: 'Company' },
  unit: { vi: 'Phòng ban', en: 'Unit' },
  position: { vi: 'Chức danh', en: 'Position' },
  person: { vi: 'Nhân sự', en: 'Person' },
  kpi: { vi: 'KPI', en: 'KPI' },
};

const SIGN = { create: '+', update: '~', archive: '-' } as const;
const ARCHIVE: Localized = { vi: '(lưu trữ)', en: '(archive)' };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A scoring band `{min, score}` or status rule `{min, status}` as `≥ 0.9: 0.8` / `≥ 0.95: green`. */
function step(v: unknown): string | null {
  if (!isObject(v) || Object.keys(v).length !== 2 || typeof v.min !== 'number') return null;
  const to = 'score' in v ? v.score : 'status' in v ? v.status : undefined;
  return to === undefined ? null : `≥ ${v.min}: ${String(to)}`;
}

/** A value in a plan line: texts quoted, numbers as written in the file, targets, links and scoring steps compact. */
export function formatPlanValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    if (v.every((p) => isObject(p) && 'code' in p && 'weight' in p)) return v.map((p) => `${String(p.code)} × ${String(p.weight)}`).join(', ') || '—';
    return `[${v.map((x) => step(x) ?? formatPlanValue(x)).join(', ')}]`;
  }
  if (isObject(v)) {
    if ('period' in v && 'value' in v && Object.keys(v).length === 2) return `${String(v.period)}: ${String(v.value)}`;
    return Object.entries(v)
      .map(([k, x]) => `${k} ${formatPlanValue(x)}`)
      .join(', ');
  }
  return String(v);
}

function changeLines(c: Change, lang: Lang): string[] {
  const head = `${SIGN[c.action]} ${ENTITY[c.entity][lang]} ${c.key}`;
  if (c.action === 'create') return [`${head}  ${c.label}`];
  if (c.action === 'archive') return [`${head}  ${c.label} ${ARCHIVE[lang]}`];
  const field = (f: Change['fields'][number]): string => `${f.field}: ${formatPlanValue(f.before)} → ${formatPlanValue(f.after)}`;
  if (c.fields.length === 1) return [`${head}  ${field(c.fields[0]!)}`];
  return [`${head}  ${c.label}`, ...c.fields.map((f) => `    ${field(f)}`)];
}

/** Counts per action. */
export function planSummary(changes: readonly Change[]): Record<Change['action'], number> {
  const counts = { create: 0, update: 0, archive: 0 };
  for (const c of changes) counts[c.action]++;
  return counts;
}

/** A plan as people read it (like `terraform plan`), ending with a summary line. */
export function formatPlan(changes: readonly Change[], lang: Lang): string {
  if (changes.length === 0) {
    return lang === 'vi' ? 'Không có thay đổi: cơ sở dữ liệu đã khớp với tệp.\n' : 'No changes: the database already matches the file.\n';
  }
  const n = planSummary(changes);
  const summary =
    lang === 'vi'
      ? `Kế hoạch: ${n.create} tạo mới, ${n.update} cập nhật, ${n.archive} lưu trữ.`
      : `Plan: ${n.create} to create, ${n.update} to update, ${n.archive} to archive.`;
  return `${changes.flatMap((c) => changeLines(c, lang)).join('\n')}\n\n${summary}\n`;
}
