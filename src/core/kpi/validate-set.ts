import { issue, type Issue } from '../errors';
import { validateKpi } from './validate';

interface Node {
  index: number;
  code: string;
  parents: { code: string; index: number }[];
}

function toNodes(defs: readonly unknown[]): Node[] {
  return defs.map((d, index) => {
    const data = (typeof d === 'object' && d !== null ? d : {}) as Record<string, unknown>;
    const parents = Array.isArray(data.parents) ? data.parents : [];
    return {
      index,
      code: typeof data.code === 'string' ? data.code : '',
      parents: parents.flatMap((p: unknown, i) => {
        const code = typeof p === 'object' && p !== null ? (p as Record<string, unknown>).code : undefined;
        return typeof code === 'string' ? [{ code, index: i }] : [];
      }),
    };
  });
}

/** Cycles in the parent links, each reported once as a code path (A → B → A). */
function findCycles(nodes: Node[], byCode: Map<string, Node>): { at: Node; parentIndex: number; path: string[] }[] {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const cycles: { at: Node; parentIndex: number; path: string[] }[] = [];

  const visit = (node: Node): void => {
    state.set(node.code, 'visiting');
    stack.push(node.code);
    for (const parent of node.parents) {
      if (parent.code === node.code) continue; // self-links are reported by validateKpi
      const target = byCode.get(parent.code);
      if (!target) continue;
      const s = state.get(target.code);
      if (s === 'visiting') {
        const from = stack.indexOf(target.code);
        cycles.push({ at: node, parentIndex: parent.index, path: [...stack.slice(from), target.code] });
      } else if (s === undefined) {
        visit(target);
      }
    }
    stack.pop();
    state.set(node.code, 'done');
  };

  for (const node of nodes) if (node.code && byCode.get(node.code) === node && !state.has(node.code)) visit(node);
  return cycles;
}

/**
 * Problems of a whole set of KPI definitions: every field-level issue of each KPI
 * (paths `kpis.3.name`), plus duplicate codes, parents that do not exist in the set
 * (or in `knownCodes`, e.g. KPIs already in the database) and cycles in the parent links.
 */
export function validateKpiSet(defs: readonly unknown[], options: { basePath?: string; knownCodes?: Iterable<string> } = {}): Issue[] {
  const base = options.basePath ?? 'kpis';
  const at = (i: number, rest: string): string => (base ? `${base}.${i}.${rest}` : `${i}.${rest}`);
  const out: Issue[] = defs.flatMap((d, i) => validateKpi(d, base ? `${base}.${i}` : String(i)));

  const nodes = toNodes(defs);
  const byCode = new Map<string, Node>();
  for (const node of nodes) {
    if (!node.code) continue;
    const first = byCode.get(node.code);
    if (first) {
      out.push(
        issue(
          at(node.index, 'code'),
          'KPI_CODE_DUPLICATE',
          `Mã KPI ${node.code} bị trùng (đã dùng ở KPI thứ ${first.index + 1})`,
          `KPI code ${node.code} is duplicated (already used by KPI #${first.index + 1})`,
        ),
      );
    } else {
      byCode.set(node.code, node);
    }
  }

  const known = new Set(options.knownCodes ?? []);
  for (const node of nodes) {
    for (const parent of node.parents) {
      if (!byCode.has(parent.code) && !known.has(parent.code)) {
        out.push(
          issue(
            at(node.index, `parents.${parent.index}.code`),
            'KPI_PARENT_NOT_FOUND',
            `KPI cấp trên ${parent.code} không tồn tại`,
            `Parent KPI ${parent.code} does not exist`,
          ),
        );
      }
    }
  }

  for (const cycle of findCycles(nodes, byCode)) {
    const path = cycle.path.join(' → ');
    out.push(
      issue(
        at(cycle.at.index, `parents.${cycle.parentIndex}.code`),
        'KPI_PARENT_CYCLE',
        `Liên kết KPI cấp trên tạo thành vòng lặp: ${path}`,
        `Parent links form a cycle: ${path}`,
      ),
    );
  }
  return out;
}
