import { Command, Option } from 'commander';
import { DomainError, type Lang } from '../../core/errors';
import { scoreKpi, scoreReasonMessage, type RagStatus, type ScoreResult } from '../../core/scoring';
import { parseNumber } from './target-split';

interface ScoreOptions {
  direction: 'increase' | 'decrease';
  target: string;
  actual: string;
  baseline?: string;
  method: 'ratio' | 'progress' | 'binary';
  floor?: string;
  cap?: string;
  json?: boolean;
  lang: Lang;
}

const STATUS_LABEL: Record<RagStatus, Record<Lang, string>> = {
  green: { vi: 'xanh (đạt)', en: 'green (on target)' },
  amber: { vi: 'vàng (cần chú ý)', en: 'amber (at risk)' },
  red: { vi: 'đỏ (không đạt)', en: 'red (off target)' },
  none: { vi: 'chưa có dữ liệu', en: 'no data' },
};

/** `openkpi score`: achievement, score and status of one KPI (a calculator; nothing is stored). */
export function register(program: Command): void {
  program
    .command('score')
    .description('Tính tỷ lệ hoàn thành, điểm và trạng thái của một KPI (score one KPI)')
    .addOption(new Option('--direction <direction>', 'càng cao / càng thấp càng tốt (increase | decrease)').choices(['increase', 'decrease']).makeOptionMandatory())
    .requiredOption('--target <number>', 'chỉ tiêu (target)')
    .requiredOption('--actual <number>', 'thực hiện (actual)')
    .option('--baseline <number>', 'mức cơ sở, cho phương pháp progress (baseline)')
    .addOption(new Option('--method <method>', 'phương pháp (method)').choices(['ratio', 'progress', 'binary']).default('ratio'))
    .option('--floor <number>', 'điểm sàn, mặc định 0 (floor)')
    .option('--cap <number>', 'điểm trần, mặc định 1.2 (cap)')
    .option('--json', 'in JSON (print JSON)')
    .addOption(new Option('--lang <lang>', 'ngôn ngữ (language)').choices(['vi', 'en']).default('vi'))
    .action((options: ScoreOptions) => {
      try {
        const result = scoreKpi({
          direction: options.direction,
          method: { kind: options.method },
          target: parseNumber(options.target, '--target'),
          actual: parseNumber(options.actual, '--actual'),
          ...(options.baseline === undefined ? {} : { baseline: parseNumber(options.baseline, '--baseline') }),
          ...(options.floor === undefined ? {} : { floor: parseNumber(options.floor, '--floor') }),
          ...(options.cap === undefined ? {} : { cap: parseNumber(options.cap, '--cap') }),
        });
        process.stdout.write(options.json ? `${JSON.stringify(asJson(result))}\n` : text(result, options.lang));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        process.stderr.write(`${error.localized[options.lang]}\n`);
        process.exitCode = 1;
      }
    });
}

const round10 = (x: number | null): number | null => (x === null ? null : Number(x.toFixed(10)));

function asJson(r: ScoreResult): Record<string, unknown> {
  return { achievement: round10(r.achievement), score: round10(r.score), status: r.status, ...(r.reason ? { reason: r.reason } : {}) };
}

function text(r: ScoreResult, lang: Lang): string {
  const percent = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { style: 'percent', maximumFractionDigits: 2 });
  const show = (x: number | null) => (x === null ? '—' : percent.format(x));
  const labels = lang === 'vi' ? ['Tỷ lệ hoàn thành', 'Điểm', 'Trạng thái', 'Ghi chú'] : ['Achievement', 'Score', 'Status', 'Note'];
  const lines = [
    `${labels[0]}: ${show(r.achievement)}`,
    `${labels[1]}: ${show(r.score)}`,
    `${labels[2]}: ${STATUS_LABEL[r.status][lang]}`,
  ];
  if (r.reason) lines.push(`${labels[3]}: ${scoreReasonMessage(r.reason)[lang]}`);
  return `${lines.join('\n')}\n`;
}
