import { issue, type Issue } from '../errors';
import { weightIssues } from './weights';

interface Names {
  vi: string;
  en: string;
}

/** A sheet template as the rules see it (the shape of the contract's TemplateBody groups). */
export interface TemplateGroupShape {
  code: string;
  name: Names;
  weight: number;
  items: readonly (
    | { kind: 'kpi'; code: string; weight: number; kpiCode: string }
    | { kind: 'rated'; code: string; weight: number; scale: number; levels: readonly Names[] }
  )[];
}

/**
 * Every problem of a sheet template at once, each with its path: group weights and the item weights of each
 * group total exactly 100 (decimal), group codes and item codes are unique (items across the whole template,
 * since a sheet keys items by code), a rated item has exactly `scale` level descriptors, and a KPI item names a
 * KPI of the library that is not archived (`kpis`: code → archived).
 */
export function templateIssues(groups: readonly TemplateGroupShape[], kpis: ReadonlyMap<string, { archived: boolean }>): Issue[] {
  const out: Issue[] = [...weightIssues({ path: 'groups', label: { vi: 'các nhóm', en: 'the groups' } }, groups)];
  const groupCodes = new Set<string>();
  const itemCodes = new Set<string>();
  groups.forEach((g, gi) => {
    if (groupCodes.has(g.code.toLowerCase())) {
      out.push(issue(`groups.${gi}.code`, 'APPRAISAL_CODE_REPEATED', `Mã nhóm "${g.code}" bị trùng`, `The group code "${g.code}" is repeated`));
    }
    groupCodes.add(g.code.toLowerCase());
    out.push(...weightIssues({ path: `groups.${gi}.items`, label: { vi: `các mục của nhóm "${g.code}"`, en: `the items of group "${g.code}"` } }, g.items));
    g.items.forEach((item, ii) => {
      const path = `groups.${gi}.items.${ii}`;
      if (itemCodes.has(item.code.toLowerCase())) {
        out.push(issue(`${path}.code`, 'APPRAISAL_CODE_REPEATED', `Mã mục "${item.code}" bị trùng trong mẫu phiếu`, `The item code "${item.code}" is repeated in the template`));
      }
      itemCodes.add(item.code.toLowerCase());
      if (item.kind === 'rated' && item.levels.length !== item.scale) {
        out.push(
          issue(
            `${path}.levels`,
            'APPRAISAL_LEVELS_COUNT',
            `Tiêu chí "${item.code}" chấm trên thang ${item.scale} cần đúng ${item.scale} mô tả mức (có ${item.levels.length})`,
            `The rated item "${item.code}" on a scale of ${item.scale} needs exactly ${item.scale} level descriptors (got ${item.levels.length})`,
          ),
        );
      }
      if (item.kind === 'kpi') {
        const kpi = kpis.get(item.kpiCode);
        if (!kpi) {
          out.push(issue(`${path}.kpiCode`, 'APPRAISAL_KPI_UNKNOWN', `Không có KPI mã "${item.kpiCode}" trong thư viện`, `There is no KPI with code "${item.kpiCode}" in the library`));
        } else if (kpi.archived) {
          out.push(issue(`${path}.kpiCode`, 'APPRAISAL_KPI_ARCHIVED', `KPI "${item.kpiCode}" đã lưu trữ`, `The KPI "${item.kpiCode}" is archived`));
        }
      }
    });
  });
  return out;
}
