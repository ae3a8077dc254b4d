import type { TemplateBodyT, TemplateGroupT, TemplateItemT } from '../cycles/types';

/** The three groups a new template starts with (renamable; weights 60 / 20 / 20 as most sheets use). */
export function defaultGroups(): TemplateGroupT[] {
  return [
    { code: 'output', name: { vi: 'Kết quả đầu ra', en: 'Output' }, weight: 60, items: [] },
    { code: 'behavior', name: { vi: 'Hành vi', en: 'Behavior' }, weight: 20, items: [] },
    { code: 'competency', name: { vi: 'Năng lực', en: 'Competencies' }, weight: 20, items: [] },
  ];
}

export function emptyTemplate(): TemplateBodyT {
  return { code: '', name: '', positionId: null, groups: defaultGroups() };
}

/** A new rated item on a 1–5 scale with empty level descriptors. */
export function newRatedItem(): TemplateItemT {
  return { kind: 'rated', code: '', name: { vi: '', en: '' }, weight: 100, scale: 5, levels: levelsFor(5, []) };
}

export function newKpiItem(): TemplateItemT {
  return { kind: 'kpi', code: '', name: { vi: '', en: '' }, weight: 100, kpiCode: '' };
}

/** One descriptor per level 1…scale: kept as typed, cut or padded with empty ones when the scale changes. */
export function levelsFor(scale: number, levels: readonly { vi: string; en: string }[]): { vi: string; en: string }[] {
  const n = Number.isInteger(scale) && scale >= 2 && scale <= 10 ? scale : 0;
  return Array.from({ length: n }, (_, i) => levels[i] ?? { vi: '', en: '' });
}

/** The fields of a KPI item filled from the picked KPI, unless the person already typed them. */
export function fillFromKpi(item: Partial<Extract<TemplateItemT, { kind: 'kpi' }>>, kpi: { code: string; name: string; nameEn?: string | undefined }) {
  return {
    ...item,
    kpiCode: kpi.code,
    code: item.code || kpi.code,
    name: { vi: item.name?.vi || kpi.name, en: item.name?.en || kpi.nameEn || kpi.name },
  };
}

type FormItem = Partial<{ kind: 'kpi' | 'rated'; code: string; name: { vi: string; en: string }; weight: number | null; kpiCode: string; scale: number; levels: { vi: string; en: string }[] }>;
type FormGroup = Partial<{ code: string; name: { vi: string; en: string }; weight: number | null; items: FormItem[] }>;
export type TemplateFormValues = Partial<{ code: string; name: string; positionId: number | null; groups: FormGroup[] }>;

const text = (s: string | undefined) => (s ?? '').trim();
const names = (n: { vi: string; en: string } | undefined) => ({ vi: text(n?.vi), en: text(n?.en) });

/**
 * The request body from the editor's values: only the fields of each item's kind (the server's schema is
 * strict), the levels cut to the scale. Missing numbers go as they are, for the server to name.
 */
export function toTemplateBody(v: TemplateFormValues): TemplateBodyT {
  return {
    code: text(v.code),
    name: text(v.name),
    positionId: v.positionId ?? null,
    groups: (v.groups ?? []).map((g) => ({
      code: text(g.code),
      name: names(g.name),
      weight: g.weight as number,
      items: (g.items ?? []).map((i): TemplateItemT =>
        i.kind === 'rated'
          ? { kind: 'rated', code: text(i.code), name: names(i.name), weight: i.weight as number, scale: i.scale as number, levels: levelsFor(i.scale ?? 0, i.levels ?? []).map(names) }
          : { kind: 'kpi', code: text(i.code), name: names(i.name), weight: i.weight as number, kpiCode: text(i.kpiCode) },
      ),
    })),
  };
}

/** The editable part of a stored template. */
export function bodyOf(t: TemplateBodyT): TemplateBodyT {
  return { code: t.code, name: t.name, positionId: t.positionId, groups: t.groups };
}
