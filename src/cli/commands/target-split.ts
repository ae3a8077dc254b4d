import { Command, Option } from 'commander';
import { DomainError, type Lang } from '../../core/errors';
import { parseAmount } from '../../core/number/amount';
import { splitOverPeriods, sumDecimal, type PeriodTarget } from '../../core/target';

interface SplitOptions {
  total: string;
  from: string;
  to: string;
  weights?: string;
  lastYear?: string;
  step: string;
  json?: boolean;
  lang: Lang;
}

/** `openkpi target split`: split a total target over periods (Phân bổ chỉ tiêu). */
export function register(program: Command): void {
  const target =
    program.commands.find((c) => c.name() === 'target') ?? program.command('target').description('Chỉ tiêu (targets): phân bổ, kiểm tra');
  target
    .command('split')
    .description('Phân bổ một tổng chỉ tiêu cho các kỳ (split a total target over periods)')
    .requiredOption('--total <number>', 'tổng chỉ tiêu, ví dụ "240 tỷ" hoặc 240e9 (total target)')
    .requiredOption('--from <period>', 'kỳ đầu, ví dụ 2026-01 (first period)')
    .requiredOption('--to <period>', 'kỳ cuối, ví dụ 2026-12 (last period)')
    .option('--weights <list>', 'trọng số theo mùa vụ, mỗi kỳ một số: 8,8,9,… (seasonality weights)')
    .option('--last-year <list>', 'thực hiện năm trước mỗi kỳ, phân bổ theo tỷ trọng (last year’s actuals)')
    .option('--step <number>', 'bước làm tròn, ví dụ 1000000 (rounding step)', '1')
    .option('--json', 'in JSON (print JSON)')
    .addOption(new Option('--lang <lang>', 'ngôn ngữ (language)').choices(['vi', 'en']).default('vi'))
    .action((options: SplitOptions) => {
      try {
        const parts = splitOverPeriods({
          total: parseNumber(options.total, '--total'),
          from: options.from,
          to: options.to,
          step: parseNumber(options.step, '--step'),
          ...(options.weights === undefined ? {} : { weights: parseList(options.weights, '--weights') }),
          ...(options.lastYear === undefined ? {} : { lastYearActuals: parseList(options.lastYear, '--last-year') }),
        });
        const total = sumDecimal(parts.map((p) => p.value));
        process.stdout.write(options.json ? `${JSON.stringify({ parts, total })}\n` : table(parts, total, options.lang));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        process.stderr.write(`${error.localized[options.lang]}\n`);
        process.exitCode = 1;
      }
    });
}

function table(parts: readonly PeriodTarget[], total: number, lang: Lang): string {
  const format = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 20 });
  const head = lang === 'vi' ? ['Kỳ', 'Chỉ tiêu', 'Tổng'] : ['Period', 'Target', 'Total'];
  const rows: [string, string][] = [[head[0] as string, head[1] as string], ...parts.map((p): [string, string] => [p.period, format.format(p.value)])];
  const totalRow: [string, string] = [head[2] as string, format.format(total)];
  const left = Math.max(...[...rows, totalRow].map((r) => r[0].length));
  const right = Math.max(...[...rows, totalRow].map((r) => r[1].length));
  const line = ([a, b]: [string, string]) => `${a.padEnd(left)}  ${b.padStart(right)}\n`;
  const rule = `${'─'.repeat(left + 2 + right)}\n`;
  return rows.map(line).join('') + rule + line(totalRow);
}

/** A number as people type it (`240 tỷ`, `20tr`, `20.000.000`: core/number/amount.ts) or in JS notation (`240e9`). */
export function parseNumber(text: string, option: string): number {
  const amount = parseAmount(text);
  const value = amount.ok ? amount.value : text.trim() === '' ? Number.NaN : Number(text.trim());
  if (!Number.isFinite(value)) {
    throw new DomainError(
      'CLI_NUMBER_INVALID',
      { vi: `${option}: "${text}" không phải là số (ví dụ 240 tỷ, 240e9 hoặc 1000000)`, en: `${option}: "${text}" is not a number (e.g. 240 tỷ, 240e9 or 1000000)` },
      { params: { option, text } },
    );
  }
  return value;
}

function parseList(text: string, option: string): number[] {
  return text.split(',').map((item) => parseNumber(item, option));
}
