import { issue, type Issue } from '../errors';
import { tryParsePeriod } from '../period';
import {
  KPI_AGGREGATIONS,
  KPI_CODE_PATTERN,
  KPI_DIRECTIONS,
  KPI_FREQUENCIES,
  KPI_GROUPS,
  KPI_LEVELS,
  KPI_PERSPECTIVES,
  KPI_SOURCES,
  KPI_STATUSES,
} from './types';

type Data = Record<string, unknown>;

const isObject = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);
const isBlank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const join = (base: string, field: string | number): string => (base ? `${base}.${field}` : String(field));

interface EnumRule {
  field: string;
  values: readonly string[];
  required: boolean;
  vi: string;
}

const ENUM_RULES: EnumRule[] = [
  { field: 'level', values: KPI_LEVELS, required: true, vi: 'cấp độ' },
  { field: 'perspective', values: KPI_PERSPECTIVES, required: true, vi: 'khía cạnh' },
  { field: 'group', values: KPI_GROUPS, required: false, vi: 'nhóm KPI' },
  { field: 'direction', values: KPI_DIRECTIONS, required: true, vi: 'chiều đánh giá' },
  { field: 'aggregation', values: KPI_AGGREGATIONS, required: true, vi: 'cách tổng hợp' },
  { field: 'frequency', values: KPI_FREQUENCIES, required: false, vi: 'tần suất đo' },
  { field: 'source', values: KPI_SOURCES, required: false, vi: 'nguồn dữ liệu' },
  { field: 'status', values: KPI_STATUSES, required: true, vi: 'trạng thái' },
];

function checkEnum(def: Data, rule: EnumRule, base: string): Issue[] {
  const value = def[rule.field];
  const path = join(base, rule.field);
  const allowed = rule.values.join(', ');
  if (isBlank(value)) {
    return rule.required
      ? [issue(path, 'KPI_FIELD_REQUIRED', `Thiếu ${rule.vi} (một trong: ${allowed})`, `${rule.field} is required (one of: ${allowed})`)]
      : [];
  }
  if (typeof value !== 'string' || !rule.values.includes(value)) {
    return [
      issue(
        path,
        'KPI_ENUM_INVALID',
        `Giá trị ${rule.vi} "${String(value)}" không hợp lệ; chọn một trong: ${allowed}`,
        `Unknown ${rule.field} "${String(value)}"; use one of: ${allowed}`,
      ),
    ];
  }
  return [];
}

function checkCodeAndTexts(def: Data, base: string): Issue[] {
  const out: Issue[] = [];
  const code = def.code;
  if (isBlank(code)) {
    out.push(issue(join(base, 'code'), 'KPI_FIELD_REQUIRED', 'Thiếu mã KPI', 'The KPI code is required'));
  } else if (typeof code !== 'string' || !KPI_CODE_PATTERN.test(code)) {
    out.push(
      issue(
        join(base, 'code'),
        'KPI_CODE_INVALID',
        `Mã KPI "${String(code)}" không hợp lệ: bắt đầu bằng chữ in hoa, chỉ gồm A–Z, 0–9 và "_", dài 2–40 ký tự (ví dụ DOANH_THU)`,
        `KPI code "${String(code)}" is invalid: start with a capital letter, use only A–Z, 0–9 and "_", 2–40 characters (e.g. REVENUE)`,
      ),
    );
  }
  if (isBlank(def.name) || typeof def.name !== 'string') {
    out.push(issue(join(base, 'name'), 'KPI_NAME_REQUIRED', 'Tên KPI không được để trống', 'The KPI name must not be empty'));
  }
  for (const field of ['nameEn', 'description', 'descriptionEn', 'formula', 'owner', 'measurer', 'unit'] as const) {
    const v = def[field];
    if (v !== undefined && v !== null && typeof v !== 'string') {
      out.push(issue(join(base, field), 'KPI_FIELD_TYPE', `Trường ${field} phải là chuỗi ký tự`, `${field} must be text`));
    }
  }
  return out;
}

function checkSourceAndFormula(def: Data, base: string): Issue[] {
  if (def.source === 'formula' && isBlank(def.formula)) {
    return [
      issue(
        join(base, 'formula'),
        'KPI_FORMULA_REQUIRED',
        'KPI có nguồn dữ liệu là công thức thì phải có công thức',
        'A KPI whose source is a formula needs a formula',
      ),
    ];
  }
  return [];
}

function checkReportWithinDays(def: Data, base: string): Issue[] {
  const v = def.reportWithinDays;
  if (v === undefined || v === null) return [];
  if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > 366) {
    return [
      issue(
        join(base, 'reportWithinDays'),
        'KPI_REPORT_DAYS_INVALID',
        `Hạn báo cáo phải là số ngày nguyên từ 0 đến 366 sau khi kết thúc kỳ (nhận được ${String(v)})`,
        `The reporting deadline must be a whole number of days from 0 to 366 after the period ends (got ${String(v)})`,
      ),
    ];
  }
  return [];
}

function checkPeriodKey(value: unknown, path: string): Issue[] {
  if (typeof value === 'string' && tryParsePeriod(value)) return [];
  return [
    issue(
      path,
      'KPI_PERIOD_INVALID',
      `Kỳ "${String(value)}" không hợp lệ; dùng 2026, 2026-Q1, 2026-01, 2026-W05 hoặc 2026-01-15..2026-02-14`,
      `Invalid period "${String(value)}"; use 2026, 2026-Q1, 2026-01, 2026-W05 or 2026-01-15..2026-02-14`,
    ),
  ];
}

function checkBaseline(def: Data, base: string): Issue[] {
  const b = def.baseline;
  if (b === undefined || b === null) return [];
  const path = join(base, 'baseline');
  if (!isObject(b)) {
    return [issue(path, 'KPI_FIELD_TYPE', 'Mức cơ sở phải có kỳ và giá trị', 'The baseline needs a period and a value')];
  }
  const out = checkPeriodKey(b.period, join(path, 'period'));
  if (!isFiniteNumber(b.value)) {
    out.push(issue(join(path, 'value'), 'KPI_NUMBER_INVALID', 'Giá trị mức cơ sở phải là một số', 'The baseline value must be a number'));
  }
  return out;
}

function checkTargets(def: Data, base: string): Issue[] {
  const targets = def.targets;
  const path = join(base, 'targets');
  if (targets === undefined || targets === null) return [];
  if (!Array.isArray(targets)) {
    return [issue(path, 'KPI_FIELD_TYPE', 'Danh sách chỉ tiêu phải là một mảng', 'targets must be a list')];
  }
  const out: Issue[] = [];
  const seen = new Set<string>();
  targets.forEach((t: unknown, i) => {
    const tp = join(path, i);
    if (!isObject(t)) {
      out.push(issue(tp, 'KPI_FIELD_TYPE', 'Chỉ tiêu phải có kỳ và giá trị', 'A target needs a period and a value'));
      return;
    }
    out.push(...checkPeriodKey(t.period, join(tp, 'period')));
    if (typeof t.period === 'string') {
      if (seen.has(t.period)) {
        out.push(
          issue(join(tp, 'period'), 'KPI_TARGET_DUPLICATE', `Kỳ ${t.period} có hơn một chỉ tiêu`, `Period ${t.period} has more than one target`),
        );
      }
      seen.add(t.period);
    }
    if (!isFiniteNumber(t.value)) {
      out.push(issue(join(tp, 'value'), 'KPI_NUMBER_INVALID', 'Giá trị chỉ tiêu phải là một số', 'The target value must be a number'));
    }
    for (const field of ['min', 'max', 'stretch'] as const) {
      if (t[field] !== undefined && t[field] !== null && !isFiniteNumber(t[field])) {
        out.push(issue(join(tp, field), 'KPI_NUMBER_INVALID', `${field} phải là một số`, `${field} must be a number`));
      }
    }
    if (def.direction === 'range' && (!isFiniteNumber(t.min) || !isFiniteNumber(t.max))) {
      out.push(
        issue(
          tp,
          'KPI_TARGET_RANGE_REQUIRED',
          'KPI "Trong khoảng" cần cả giá trị nhỏ nhất (min) và lớn nhất (max) cho mỗi chỉ tiêu',
          'A range KPI needs both min and max on every target',
        ),
      );
    }
    if (isFiniteNumber(t.min) && isFiniteNumber(t.max) && t.min > t.max) {
      out.push(
        issue(
          tp,
          'KPI_TARGET_MIN_GT_MAX',
          `Giá trị nhỏ nhất (${t.min}) lớn hơn giá trị lớn nhất (${t.max})`,
          `min (${t.min}) is greater than max (${t.max})`,
        ),
      );
    }
  });
  return out;
}

function checkParents(def: Data, base: string): Issue[] {
  const parents = def.parents;
  const path = join(base, 'parents');
  if (parents === undefined || parents === null) return [];
  if (!Array.isArray(parents)) {
    return [issue(path, 'KPI_FIELD_TYPE', 'Danh sách KPI cấp trên phải là một mảng', 'parents must be a list')];
  }
  const out: Issue[] = [];
  const seen = new Set<string>();
  parents.forEach((p: unknown, i) => {
    const pp = join(path, i);
    if (!isObject(p)) {
      out.push(issue(pp, 'KPI_FIELD_TYPE', 'KPI cấp trên cần mã và trọng số', 'A parent link needs a code and a weight'));
      return;
    }
    if (typeof p.code !== 'string' || !KPI_CODE_PATTERN.test(p.code)) {
      out.push(
        issue(join(pp, 'code'), 'KPI_CODE_INVALID', `Mã KPI cấp trên "${String(p.code)}" không hợp lệ`, `Parent KPI code "${String(p.code)}" is invalid`),
      );
    } else {
      if (p.code === def.code) {
        out.push(
          issue(join(pp, 'code'), 'KPI_PARENT_SELF', `KPI ${p.code} không thể là KPI cấp trên của chính nó`, `KPI ${p.code} cannot be its own parent`),
        );
      }
      if (seen.has(p.code)) {
        out.push(
          issue(join(pp, 'code'), 'KPI_PARENT_DUPLICATE', `KPI cấp trên ${p.code} bị lặp lại`, `Parent KPI ${p.code} is listed twice`),
        );
      }
      seen.add(p.code);
    }
    if (!isFiniteNumber(p.weight) || p.weight <= 0) {
      out.push(
        issue(
          join(pp, 'weight'),
          'KPI_WEIGHT_INVALID',
          `Trọng số phải là một số dương (nhận được ${String(p.weight)})`,
          `The weight must be a positive number (got ${String(p.weight)})`,
        ),
      );
    }
  });
  return out;
}

function checkTags(def: Data, base: string): Issue[] {
  const tags = def.tags;
  if (tags === undefined || tags === null) return [];
  if (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string' || t.trim() === '')) {
    return [issue(join(base, 'tags'), 'KPI_FIELD_TYPE', 'Nhãn phải là danh sách chuỗi không rỗng', 'tags must be a list of non-empty texts')];
  }
  return [];
}

/**
 * Field-level problems of one KPI definition (format, enums, numbers, self-reference).
 * Accepts unchecked data (e.g. parsed YAML); an empty list means the shape is a valid `KpiDefinition`.
 * Completeness for activation (owner, targets, unit …) is the SMART check's job.
 */
export function validateKpi(def: unknown, basePath = ''): Issue[] {
  if (!isObject(def)) {
    return [issue(basePath || '(root)', 'KPI_FIELD_TYPE', 'Định nghĩa KPI phải là một đối tượng', 'A KPI definition must be an object')];
  }
  return [
    ...checkCodeAndTexts(def, basePath),
    ...ENUM_RULES.flatMap((rule) => checkEnum(def, rule, basePath)),
    ...checkSourceAndFormula(def, basePath),
    ...checkReportWithinDays(def, basePath),
    ...checkBaseline(def, basePath),
    ...checkTargets(def, basePath),
    ...checkParents(def, basePath),
    ...checkTags(def, basePath),
  ];
}
