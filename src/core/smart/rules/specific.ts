import type { KpiDefinition } from '../../kpi';
import { finding, isBlank } from '../finding';
import { firstPhrase, toWords, type Words } from '../text';
import type { Finding } from '../types';

const MIN_NAME_LENGTH = 5;
const MIN_DESCRIPTION_LENGTH = 10;

/** Verbs that state a wish, not a measure. Longer phrases first so the most precise one is reported. */
const VAGUE_VERBS = [
  'tối ưu hóa', 'tối ưu hoá', 'hiệu quả hơn', 'tốt hơn', 'cải thiện', 'nâng cao', 'tăng cường', 'đẩy mạnh', 'thúc đẩy',
  'phát triển', 'tối ưu', 'hoàn thiện', 'củng cố', 'nâng tầm', 'tăng', 'giảm',
  'improve', 'improving', 'enhance', 'better', 'increase', 'boost', 'strengthen', 'optimize', 'optimise',
  'maximize', 'maximise', 'grow', 'reduce', 'decrease', 'develop',
];

/** Words that name a quantity: with one of these (or a number) the name says what is measured. */
const MEASURE_WORDS = [
  'tỷ lệ', 'tỉ lệ', 'số', 'số lượng', 'doanh thu', 'doanh số', 'lợi nhuận', 'chi phí', 'điểm', 'thời gian', 'giờ', 'ngày',
  'lượt', 'trung bình', 'tổng', 'giá trị', 'thị phần', 'vòng quay', 'phần trăm', '%',
  'rate', 'ratio', 'number', 'count', 'revenue', 'sales', 'profit', 'cost', 'costs', 'score', 'time', 'hours', 'days',
  'average', 'total', 'value', 'share', 'turnover', 'percentage', 'percent', 'visits', 'amount', 'volume', 'margin',
  'csat', 'nps', 'roi', 'dso',
];

/** A concrete replacement to suggest, chosen by what the vague name talks about. */
const EXAMPLES: { topics: string[]; vi: string; en: string }[] = [
  {
    topics: ['dịch vụ', 'khách hàng', 'hài lòng', 'chăm sóc', 'service', 'customer', 'customers', 'satisfaction'],
    vi: 'Điểm CSAT trung bình ≥ 4,5/5 mỗi tháng',
    en: 'Average CSAT score ≥ 4.5/5 each month',
  },
  { topics: ['bán hàng', 'kinh doanh', 'sale', 'selling'], vi: 'Tỷ lệ chốt đơn ≥ 25% mỗi tháng', en: 'Sales closing rate ≥ 25% each month' },
  {
    topics: ['thương hiệu', 'brand'],
    vi: 'Mức độ nhận diện thương hiệu ≥ 40% (khảo sát mỗi quý)',
    en: 'Brand awareness ≥ 40% (quarterly survey)',
  },
  { topics: ['giao hàng', 'delivery', 'logistics'], vi: 'Tỷ lệ giao hàng đúng hạn ≥ 95% mỗi tháng', en: 'On-time delivery rate ≥ 95% each month' },
  {
    topics: ['nhân viên', 'nhân sự', 'đào tạo', 'năng lực', 'kỹ năng', 'staff', 'employee', 'employees', 'training', 'skills', 'team'],
    vi: 'Số giờ đào tạo bình quân mỗi nhân viên ≥ 8 giờ mỗi quý',
    en: 'Training hours per employee ≥ 8 hours per quarter',
  },
  { topics: ['sản phẩm', 'chất lượng', 'product', 'quality'], vi: 'Tỷ lệ sản phẩm lỗi ≤ 1% mỗi tháng', en: 'Defect rate ≤ 1% each month' },
  {
    topics: ['website', 'online', 'marketing', 'truyền thông', 'digital'],
    vi: 'Lượng truy cập website ≥ 50.000 lượt mỗi tháng',
    en: 'Website traffic ≥ 50,000 visits per month',
  },
];

const DEFAULT_EXAMPLE = { vi: 'Điểm CSAT trung bình ≥ 4,5/5 mỗi tháng', en: 'Average CSAT score ≥ 4.5/5 each month' };

function exampleFor(words: Words): { vi: string; en: string } {
  return EXAMPLES.find((e) => firstPhrase(words, e.topics) !== null) ?? DEFAULT_EXAMPLE;
}

/** The vague verb in the name, when the name has no quantity word and no number. */
export function vagueVerbIn(name: string): string | null {
  const words = toWords(name);
  if (/\d/.test(name) || firstPhrase(words, MEASURE_WORDS) !== null) return null;
  return firstPhrase(words, VAGUE_VERBS);
}

export function checkSpecific(kpi: KpiDefinition): Finding[] {
  const out: Finding[] = [];
  const name = typeof kpi.name === 'string' ? kpi.name.trim() : '';

  if (name === '') {
    out.push(
      finding(
        'S', 'SMART_S_NAME_MISSING', 'error',
        { vi: 'KPI chưa có tên', en: 'The KPI has no name' },
        { vi: 'Đặt tên nêu rõ đại lượng được đo, ví dụ "Tỷ lệ giao hàng đúng hạn"', en: 'Name the quantity being measured, e.g. "On-time delivery rate"' },
      ),
    );
  } else {
    if (name.length < MIN_NAME_LENGTH) {
      out.push(
        finding(
          'S', 'SMART_S_NAME_TOO_SHORT', 'warning',
          { vi: `Tên "${name}" quá ngắn để người khác hiểu đúng`, en: `The name "${name}" is too short to be understood by others` },
          {
            vi: `Viết đầy đủ, ví dụ "Điểm hài lòng khách hàng (CSAT)" thay cho "CSAT"`,
            en: `Spell it out, e.g. "Customer satisfaction (CSAT)" instead of "CSAT"`,
          },
        ),
      );
    }
    const vague = vagueVerbIn(name);
    if (vague) {
      const example = exampleFor(toWords(name));
      out.push(
        finding(
          'S', 'SMART_S_VAGUE_NAME', 'warning',
          {
            vi: `Tên "${name}" dùng từ chung chung "${vague}" mà không nêu đại lượng đo`,
            en: `The name "${name}" uses the vague word "${vague}" without saying what is measured`,
          },
          { vi: `Thay '${name}' bằng '${example.vi}'`, en: `Replace '${name}' with '${example.en}'` },
        ),
      );
    }
  }

  const description = typeof kpi.description === 'string' ? kpi.description.trim() : '';
  if (isBlank(description) || description.length < MIN_DESCRIPTION_LENGTH) {
    out.push(
      finding(
        'S', 'SMART_S_DEFINITION_MISSING', 'warning',
        { vi: 'Chưa mô tả KPI đếm cái gì và tính như thế nào', en: 'The KPI does not describe what is counted and how' },
        {
          vi: 'Thêm một câu định nghĩa, ví dụ "Số đơn giao đúng hoặc trước ngày hẹn chia tổng số đơn đã giao trong tháng"',
          en: 'Add a one-line definition, e.g. "Orders delivered on or before the promised date divided by all orders delivered in the month"',
        },
      ),
    );
  }
  return out;
}
