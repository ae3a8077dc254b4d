import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { SYSTEM_ACTOR } from '../../app/actor';
import type { Store, TargetScope } from '../../app/ports';
import { renderScorecardReport } from '../../app/reports';
import { DomainError, issue } from '../../core/errors';
import { createStore } from '../../db/store';
import { withDatabase } from '../database';
import { cliLang, reportError } from '../output';

interface ScorecardOptions {
  period: string;
  scope: string;
  format: 'json' | 'xlsx' | 'pdf';
  out?: string;
  lang?: string;
}

/**
 * `openkpi report scorecard --period <key> [--scope company|unit:<CODE>|person:<email>] --format json|xlsx|pdf
 * [--out <file>] [--lang vi|en]` (docs/reports.md), as the system on the local database. `json` prints GET
 * /api/scorecard's document (or writes it to --out); xlsx and pdf go to --out, or to stdout when stdout is not a
 * terminal (`> file.pdf`, a pipe) — never as binary onto a terminal.
 */
export function register(program: Command): void {
  const report = program.commands.find((c) => c.name() === 'report') ?? program.command('report').description('Báo cáo (reports)');
  report
    .command('scorecard')
    .description('Báo cáo thẻ điểm KPI của một kỳ: JSON, XLSX hoặc PDF (scorecard report)')
    .requiredOption('--period <key>', 'kỳ, ví dụ 2026-06, 2026-Q2, 2026 (period key)')
    .option('--scope <scope>', 'company | unit:<MÃ ĐƠN VỊ> | person:<email>', 'company')
    .addOption(new Option('--format <format>', 'định dạng (format)').choices(['json', 'xlsx', 'pdf']).makeOptionMandatory())
    .option('--out <file>', 'tệp kết quả (output file)')
    .addOption(new Option('--lang <lang>', 'ngôn ngữ (language)').choices(['vi', 'en']))
    .action(async (options: ScorecardOptions) => {
      const lang = cliLang(options.lang);
      try {
        if (options.format !== 'json' && options.out === undefined && process.stdout.isTTY) {
          throw new DomainError('CLI_OUT_REQUIRED', {
            vi: `Định dạng ${options.format} cần --out <tệp> (hoặc chuyển hướng đầu ra: > bao-cao.${options.format}).`,
            en: `Format ${options.format} needs --out <file> (or redirect the output: > report.${options.format}).`,
          });
        }
        const file = await withDatabase(async (d) => {
          const store = createStore(d.db);
          const scope = await scopeOf(store, options.scope);
          return renderScorecardReport(store, SYSTEM_ACTOR, { period: options.period, scope, format: options.format, lang, now: new Date() });
        });
        if (options.out !== undefined) writeFileSync(options.out, file.data);
        else process.stdout.write(options.format === 'json' ? file.data.toString('utf8') : file.data);
      } catch (error) {
        reportError(error, lang);
      }
    });
}

/** `company`, `unit:<CODE>` or `person:<email>` as the scope it names; an unknown unit or person is a clear error. */
async function scopeOf(store: Store, text: string): Promise<TargetScope> {
  if (text === 'company') return { type: 'company', id: null };
  const m = /^(unit|person):(.+)$/.exec(text);
  if (m?.[1] === 'unit') {
    const u = await store.units.findByCode(m[2]!);
    if (u) return { type: 'unit', id: u.id };
    throw unknownScope(`Không có đơn vị mã "${m[2]}".`, `No unit with code "${m[2]}".`);
  }
  if (m?.[1] === 'person') {
    const [p] = await store.people.findByEmails([m[2]!.toLowerCase()]);
    if (p) return { type: 'person', id: p.id };
    throw unknownScope(`Không có nhân sự với email "${m[2]}".`, `No person with e-mail "${m[2]}".`);
  }
  throw unknownScope(`Phạm vi "${text}" không hợp lệ: dùng company, unit:<MÃ> hoặc person:<email>.`, `Invalid scope "${text}": use company, unit:<CODE> or person:<email>.`);
}

function unknownScope(vi: string, en: string): DomainError {
  return new DomainError('REPORT_SCOPE_UNKNOWN', { vi: 'Phạm vi báo cáo không hợp lệ.', en: 'Invalid report scope.' }, { issues: [issue('--scope', 'unknown_scope', vi, en)] });
}
