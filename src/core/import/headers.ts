/** The fields of an actuals file; `period` or `date` and `value` or `numerator`+`denominator` are needed. */
export const ACTUAL_FIELDS = ['kpi', 'period', 'date', 'scope', 'unit', 'person', 'value', 'numerator', 'denominator', 'comment'] as const;
export type ActualField = (typeof ACTUAL_FIELDS)[number];

/** Field → the file's header text chosen for it. */
export type ColumnMapping = Partial<Record<ActualField, string>>;

/** Header spellings, compared after `normalizeHeader` (no diacritics, case, spaces or punctuation). */
const ALIASES: Record<ActualField, string[]> = {
  kpi: ['makpi', 'kpi', 'machiso', 'kpicode', 'code', 'ma'],
  period: ['ky', 'kybaocao', 'kydanhgia', 'period', 'thang', 'quy', 'nam', 'month'],
  date: ['ngay', 'ngaybaocao', 'date'],
  scope: ['phamvi', 'scope'],
  unit: ['phongban', 'maphongban', 'donvi', 'madonvi', 'unit', 'unitcode', 'orgunit'],
  person: ['nhansu', 'emailnhansu', 'email', 'nhanvien', 'person', 'personemail', 'employee'],
  value: ['giatri', 'thuchien', 'giatrithuchien', 'ketqua', 'value', 'actual', 'actualvalue'],
  numerator: ['tuso', 'numerator'],
  denominator: ['mauso', 'denominator'],
  comment: ['ghichu', 'binhluan', 'comment', 'note', 'notes'],
};

/** Vietnamese label of each field (the header a template uses). */
export const FIELD_LABELS: Record<ActualField, { vi: string; en: string }> = {
  kpi: { vi: 'Mã KPI', en: 'KPI code' },
  period: { vi: 'Kỳ', en: 'Period' },
  date: { vi: 'Ngày', en: 'Date' },
  scope: { vi: 'Phạm vi', en: 'Scope' },
  unit: { vi: 'Phòng ban', en: 'Org unit' },
  person: { vi: 'Nhân sự', en: 'Person' },
  value: { vi: 'Giá trị', en: 'Value' },
  numerator: { vi: 'Tử số', en: 'Numerator' },
  denominator: { vi: 'Mẫu số', en: 'Denominator' },
  comment: { vi: 'Ghi chú', en: 'Comment' },
};

export function normalizeHeader(h: string): string {
  return h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The field a header names, if any. */
export function fieldOfHeader(header: string): ActualField | null {
  const n = normalizeHeader(header);
  for (const field of ACTUAL_FIELDS) if (ALIASES[field].includes(n)) return field;
  return null;
}

/** The mapping the import screen proposes: each field gets the first header that names it. */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const h of headers) {
    const field = fieldOfHeader(h);
    if (field && mapping[field] === undefined) mapping[field] = h;
  }
  return mapping;
}

/** Field → column index, from a mapping by header text (matched like headers: no diacritics or case). */
export type ColumnIndex = Partial<Record<ActualField, number>>;

export type ResolvedColumns =
  | { ok: true; columns: ColumnIndex }
  | { ok: false; problems: { code: 'missing_column' | 'unknown_header'; field: ActualField; header?: string }[] };

/** Checks a mapping against the headers: required fields present, every mapped header exists. */
export function resolveColumns(headers: readonly string[], mapping: ColumnMapping): ResolvedColumns {
  const byNorm = new Map<string, number>();
  headers.forEach((h, i) => {
    const n = normalizeHeader(h);
    if (n && !byNorm.has(n)) byNorm.set(n, i);
  });
  const columns: ColumnIndex = {};
  const problems: Extract<ResolvedColumns, { ok: false }>['problems'] = [];
  for (const field of ACTUAL_FIELDS) {
    const header = mapping[field];
    if (header === undefined || header === '') continue;
    const index = byNorm.get(normalizeHeader(header));
    if (index === undefined) problems.push({ code: 'unknown_header', field, header });
    else columns[field] = index;
  }
  if (columns.kpi === undefined && !mapping.kpi) problems.push({ code: 'missing_column', field: 'kpi' });
  if (columns.period === undefined && columns.date === undefined && !mapping.period && !mapping.date) problems.push({ code: 'missing_column', field: 'period' });
  const hasValue = columns.value !== undefined || mapping.value;
  const hasParts = columns.numerator !== undefined || columns.denominator !== undefined || mapping.numerator || mapping.denominator;
  if (!hasValue && !hasParts) problems.push({ code: 'missing_column', field: 'value' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, columns };
}
