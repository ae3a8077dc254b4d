import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { DEFAULT_ORDERS, DEFAULT_SEED, generateCompany, type GenerateSummary } from '../../app/demo/generate/generate-company';
import { DomainError, issue, type Lang } from '../../core/errors';
import { withDatabase } from '../database';
import { cliLang, reportError } from '../output';

interface Flags {
  people: string;
  years: string;
  orders: string;
  seed: string;
  today?: string;
  json?: boolean;
  lang?: string;
}

export function register(program: Command): void {
  const demo = program.commands.find((c) => c.name() === 'demo') ?? program.command('demo').description('Demo data / Dữ liệu mẫu');
  demo
    .command('generate')
    .description('Fill an EMPTY database with a generated company of N people (docs/scale-data.md) / Tạo công ty mẫu quy mô lớn')
    .requiredOption('--people <n>', 'number of employees (20 … 200000)')
    .option('--years <n>', 'years of monthly targets and actuals', '2')
    .option('--orders <n>', 'rows of the orders dataset', String(DEFAULT_ORDERS))
    .option('--seed <n>', 'seed of the generator (same seed → same data)', String(DEFAULT_SEED))
    .option('--today <date>', "the company's today (YYYY-MM-DD); default: today in Asia/Ho_Chi_Minh")
    .option('--json', 'print the summary as JSON')
    .option('--lang <lang>', 'vi | en')
    .action(async (flags: Flags) => {
      const lang = cliLang(flags.lang);
      const bars = progressBars(Boolean(process.stderr.isTTY) || process.env.OPENKPI_PROGRESS === '1');
      try {
        const options = {
          people: wholeNumber('--people', flags.people),
          years: wholeNumber('--years', flags.years),
          orders: wholeNumber('--orders', flags.orders),
          seed: wholeNumber('--seed', flags.seed),
          ...(flags.today === undefined ? {} : { today: flags.today }),
          onProgress: bars.update,
        };
        const summary = await withDatabase((database) => generateCompany(database, options));
        bars.stop();
        process.stdout.write(flags.json ? `${JSON.stringify(summary)}\n` : text(summary, lang));
      } catch (e) {
        bars.stop();
        reportError(e, lang);
      }
    });
}

/** One bar per step on stderr ("org", "kpis", "targets and actuals", "evaluation cycle", "orders"). */
function progressBars(on: boolean) {
  let bar: SingleBar | null = null;
  let step = '';
  const stop = () => {
    bar?.stop();
    bar = null;
  };
  return {
    update(name: string, done: number, total: number) {
      if (!on) return;
      if (name !== step) {
        stop();
        step = name;
        bar = new SingleBar({ format: ` ${name.padEnd(20)} {bar} {percentage}% | {value}/{total}`, hideCursor: true, stream: process.stderr, noTTYOutput: on, notTTYSchedule: 500 }, Presets.shades_classic);
        bar.start(Math.max(total, 1), 0);
      }
      bar!.setTotal(Math.max(total, done, 1));
      bar!.update(done);
    },
    stop,
  };
}

function wholeNumber(flag: string, text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  throw new DomainError('VALIDATION_FAILED', { vi: 'Tùy chọn không hợp lệ.', en: 'The options are invalid.' }, {
    issues: [issue(flag, 'not_a_number', `${flag} phải là số nguyên không âm (nhận "${text}")`, `${flag} must be a whole number (got "${text}")`)],
  });
}

function text(s: GenerateSummary, lang: Lang): string {
  const n = (x: number) => x.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US');
  const lines =
    lang === 'vi'
      ? [
          `Đã tạo công ty mẫu: ${n(s.people)} nhân sự, ${n(s.units)} đơn vị, ${n(s.kpis)} KPI cá nhân, ${n(s.actuals)} số liệu thực hiện, ${n(s.orders)} đơn hàng trong ${s.seconds} giây.`,
          `  Mật khẩu mọi tài khoản: ${s.password}`,
          `  Quản trị: ${s.admin} · Quản lý (${s.unitCode}): ${s.manager} · Nhân viên: ${s.employee} · Tháng gần nhất: ${s.period}`,
        ]
      : [
          `Generated a company: ${n(s.people)} people, ${n(s.units)} units, ${n(s.kpis)} person KPIs, ${n(s.actuals)} actuals, ${n(s.orders)} orders in ${s.seconds} s.`,
          `  Password of every account: ${s.password}`,
          `  Admin: ${s.admin} · Manager (${s.unitCode}): ${s.manager} · Employee: ${s.employee} · Latest month: ${s.period}`,
        ];
  return `${lines.join('\n')}\n`;
}
