import { describe, expect, it } from 'vitest';
import { parseKpiFile } from '.';

const kpi = (source: string, binding: string) => `version: 1
units:
  - {code: MA, name: Công ty}
people:
  - {email: a@x.vn, name: Người A, unit: MA}
kpis:
  - code: REV_DL
    name: Doanh thu từ dữ liệu
    level: strategic
    perspective: financial
    unit: VND
    direction: increase
    aggregation: sum
    frequency: monthly
    source: ${source}
    status: draft
    binding:
${binding}`;

const problems = (text: string) => parseKpiFile(text).issues.map((i) => `${i.path} ${i.code} @${i.row}`);

describe('the binding block of KPI-as-code', () => {
  it('reads a binding with units by code and people by e-mail', () => {
    const { doc, issues } = parseKpiFile(
      kpi('dataset', '      dataset: orders\n      measure: sum(revenue)\n      date_column: ordered_at\n      scope_column: region\n      scopes:\n        - {value: Miền Bắc, unit: MA}\n        - {value: 7, person: A@X.vn}\n'),
    );
    expect(issues).toEqual([]);
    expect(doc!.kpis![0]!.binding).toEqual({
      dataset: 'orders',
      measure: 'sum(revenue)',
      dateColumn: 'ordered_at',
      scopeColumn: 'region',
      scopes: [
        { value: 'Miền Bắc', unit: 'MA', person: null },
        { value: '7', unit: null, person: 'A@X.vn' },
      ],
    });
  });

  it('reports each problem at its YAML path and line', () => {
    expect(problems(kpi('dataset', '      dataset: orders\n      measure: sum(revenue)\n'))).toEqual(['kpis[0].binding.date_column KPI_FILE_REQUIRED @18']);
    expect(problems(kpi('manual', '      dataset: orders\n      measure: sum(revenue)\n      date_column: d\n'))).toEqual(['kpis[0].binding KPI_FILE_BINDING_SOURCE @18']);
    expect(problems(kpi('dataset', '      dataset: orders\n      measure: count()\n      date_column: d\n      datecolumn: e\n'))).toEqual([
      'kpis[0].binding.datecolumn KPI_FILE_UNKNOWN_KEY @21',
    ]);
    expect(
      problems(
        kpi('dataset', '      dataset: orders\n      measure: count()\n      date_column: d\n      scope_column: r\n      scopes:\n        - {value: B, unit: NOPE}\n        - {value: B, person: ai@x.vn}\n        - {value: C}\n'),
      ),
    ).toEqual([
      'kpis[0].binding.scopes[1].value DUPLICATE_VALUE @24',
      'kpis[0].binding.scopes[2] KPI_FILE_BINDING_SCOPE @25',
    ]);
    // references are checked once the block reads well
    expect(problems(kpi('dataset', '      dataset: orders\n      measure: count()\n      date_column: d\n      scope_column: r\n      scopes:\n        - {value: B, unit: NOPE}\n'))).toEqual([
      'kpis[0].binding.scopes[0].unit KPI_FILE_UNKNOWN_UNIT @23',
    ]);
  });
});
