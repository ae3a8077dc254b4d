import { issue, type Issue } from '../errors';
import type { CellProblem } from './cells';
import type { DatasetColumnType } from './types';

/** Row problems of a dataset import beyond one cell's value. */
export type RowProblem = CellProblem | 'column_count' | 'key_missing' | 'duplicate_key';

const TYPE_NAMES: Record<DatasetColumnType, { vi: string; en: string }> = {
  text: { vi: 'văn bản', en: 'text' },
  integer: { vi: 'số nguyên', en: 'integer' },
  decimal: { vi: 'số thập phân', en: 'decimal' },
  date: { vi: 'ngày', en: 'date' },
  datetime: { vi: 'ngày giờ', en: 'date and time' },
  boolean: { vi: 'đúng/sai', en: 'true/false' },
};

export function typeName(type: DatasetColumnType): { vi: string; en: string } {
  return TYPE_NAMES[type];
}

const MESSAGES: Record<RowProblem, (t: { vi: string; en: string }) => { vi: string; en: string }> = {
  not_integer: () => ({ vi: 'không phải số nguyên.', en: 'not an integer.' }),
  integer_range: () => ({ vi: 'số nguyên quá lớn (tối đa 19 chữ số).', en: 'the integer is too large (at most 19 digits).' }),
  not_decimal: () => ({ vi: 'không phải số (kiểm tra dấu thập phân).', en: 'not a number (check the decimal separator).' }),
  number_too_long: () => ({ vi: 'số có quá 40 chữ số.', en: 'the number has more than 40 digits.' }),
  not_date: () => ({ vi: 'không phải ngày (dd/mm/yyyy hoặc yyyy-mm-dd).', en: 'not a date (dd/mm/yyyy or yyyy-mm-dd).' }),
  impossible_date: () => ({ vi: 'ngày hoặc giờ không tồn tại.', en: 'the date or time does not exist.' }),
  not_datetime: () => ({ vi: 'không phải ngày giờ (dd/mm/yyyy hh:mm).', en: 'not a date and time (dd/mm/yyyy hh:mm).' }),
  not_boolean: () => ({ vi: 'không phải đúng/sai (có/không, true/false, 1/0).', en: 'not true/false (yes/no, có/không, 1/0).' }),
  formula_injection: () => ({
    vi: 'ô bắt đầu bằng =, +, -, @ hoặc ký tự điều khiển và không phải số: có thể là công thức độc hại, đã bị từ chối.',
    en: 'the cell starts with =, +, -, @ or a control character and is not a number: a possible formula injection, rejected.',
  }),
  invalid_text: () => ({ vi: 'văn bản chứa ký tự không hợp lệ (NUL).', en: 'the text holds an invalid character (NUL).' }),
  column_count: () => ({ vi: 'dòng có nhiều ô hơn dòng tiêu đề.', en: 'the row has more cells than the header.' }),
  key_missing: () => ({ vi: 'cột khóa không được để trống.', en: 'a key column may not be empty.' }),
  duplicate_key: () => ({ vi: 'khóa này đã có ở một dòng khác của tệp.', en: 'this key is already on another row of the file.' }),
};

/** `Dòng 12, cột "Doanh thu" (số thập phân): …` — the column named by the file's header. */
export function datasetRowIssue(row: number, label: string, type: DatasetColumnType | null, problem: RowProblem, detail?: { vi: string; en: string }): Issue {
  const m = MESSAGES[problem](type ? TYPE_NAMES[type] : { vi: '', en: '' });
  const kind = type ? { vi: ` (${TYPE_NAMES[type].vi})`, en: ` (${TYPE_NAMES[type].en})` } : { vi: '', en: '' };
  const more = detail ? { vi: ` ${detail.vi}`, en: ` ${detail.en}` } : { vi: '', en: '' };
  return issue(`row ${row} / ${label}`, problem, `Dòng ${row}, cột "${label}"${kind.vi}: ${m.vi}${more.vi}`, `Row ${row}, column "${label}"${kind.en}: ${m.en}${more.en}`, {
    row,
    column: label,
  });
}
