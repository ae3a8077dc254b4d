import { Option, type Command } from 'commander';
import { sendDueReminders } from '../../app/reminders/send';
import { remindersJob } from '../../app/reminders/job';
import { JOBS } from '../../app/scheduler/jobs';
import { runJobsOnce } from '../../app/scheduler/runner';
import { DomainError, issue } from '../../core/errors';
import { createStore } from '../../db/store';
import { withDatabase } from '../database';
import { cliLang, reportError } from '../output';
import { textTable } from '../table';

interface RunOptions {
  at?: string;
  json?: boolean;
  lang?: string;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `--at` as an ISO 8601 instant with its offset (2025-09-08T09:00:00+07:00, or …Z). */
export function parseInstant(text: string): Date {
  const at = new Date(text);
  if (!ISO_INSTANT.test(text) || Number.isNaN(at.getTime())) {
    throw new DomainError(
      'INSTANT_INVALID',
      { vi: `--at "${text}": dùng thời điểm ISO 8601 có múi giờ, ví dụ 2025-09-08T09:00:00+07:00`, en: `--at "${text}": use an ISO 8601 instant with its offset, e.g. 2025-09-08T09:00:00+07:00` },
      { issues: [issue('at', 'invalid_instant', 'Thời điểm không hợp lệ', 'Invalid instant')] },
    );
  }
  return at;
}

/** `openkpi reminders run [--at <ISO 8601 instant>] [--json]` (docs/reminders.md). */
export function register(program: Command): void {
  const reminders = program.command('reminders').description('Nhắc việc nhập số liệu (measurement reminders)');
  reminders
    .command('run')
    .description('Chạy bộ lập lịch một lần: gửi nhắc việc và e-mail đến hạn (run the scheduler once)')
    .option('--at <instant>', 'thời điểm ISO 8601, mặc định là bây giờ (as of this instant, default now)')
    .option('--json', 'in JSON (print JSON)')
    .addOption(new Option('--lang <lang>', 'ngôn ngữ (language)').choices(['vi', 'en']))
    .action(async (options: RunOptions) => {
      const lang = cliLang(options.lang);
      try {
        const at = options.at === undefined ? new Date() : parseInstant(options.at);
        const { sent, failed } = await withDatabase(async (d) => {
          const store = createStore(d.db);
          const sent = await sendDueReminders(store, at);
          // then every other job, as a tick would: e-mails go out, webhooks are delivered
          const failed = await runJobsOnce(store, at, stderrLog, JOBS.filter((j) => j !== remindersJob));
          return { sent, failed };
        });
        if (failed.length > 0) process.exitCode = 1;
        if (options.json) process.stdout.write(`${JSON.stringify({ sent })}\n`);
        else process.stdout.write(readable(sent, lang));
      } catch (error) {
        reportError(error, lang);
      }
    });
}

const stderrLog = {
  error: (obj: object, msg: string) => process.stderr.write(`✖ ${msg} ${JSON.stringify(obj, (k, v: unknown) => (v instanceof Error ? v.message : v))}\n`),
  info: () => undefined,
};

function readable(sent: { to: string; kpi: string; period: string; stage: string }[], lang: 'vi' | 'en'): string {
  if (sent.length === 0) return lang === 'en' ? 'No reminders due.\n' : 'Không có nhắc việc nào đến hạn.\n';
  const headers = lang === 'en' ? ['To', 'KPI', 'Period', 'Stage'] : ['Người nhận', 'KPI', 'Kỳ', 'Bước'];
  const head = lang === 'en' ? `${sent.length} reminder(s) sent.\n` : `Đã gửi ${sent.length} nhắc việc.\n`;
  return head + textTable(headers, sent.map((s) => [s.to, s.kpi, s.period, s.stage]), lang);
}
