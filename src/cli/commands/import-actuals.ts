import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { MultiBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../app/actor';
import { importActuals, type ImportActualsResult, type ImportPhase } from '../../app/actuals/import-actuals';
import { MAX_IMPORT_BYTES } from '../../app/import/read-table';
import { DomainError, type Issue, type Lang } from '../../core/errors';
import { createStore } from '../../db/store';
import { withDatabase } from '../database';
import { cliLang, reportError } from '../output';

/** Rows printed when a file is rejected; the rest are counted. */
export const CLI_SHOWN_ISSUES = 50;

const PHASE: Record<ImportPhase, { vi: string; en: string }> = {
  parse: { vi: 'Đọc tệp  ', en: 'Parse    ' },
  validate: { vi: 'Kiểm tra ', en: 'Validate ' },
  write: { vi: 'Ghi      ', en: 'Write    ' },
};

export function register(program: Command): void {
  const imp = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('Import data from CSV/XLSX / Nhập dữ liệu');
  imp
    .command('actuals <file>')
    .description('Import actuals from CSV/XLSX (all or nothing) / Nhập số liệu thực hiện')
    .option('--dry-run', 'validate and count, write nothing')
    .option('--skip-bad-rows', 'write the good rows, report the bad ones')
    .option('--decimal <style>', 'comma (1.234,5) | dot (1,234.5) when the file does not tell')
    .option('--lang <lang>', 'vi | en')
    .action(async (file: string, opts: { dryRun?: boolean; skipBadRows?: boolean; decimal?: string; lang?: string }) => {
      const lang = cliLang(opts.lang);
      const tty = Boolean(process.stderr.isTTY) || process.env.OPENKPI_PROGRESS === '1';
      const bars = new MultiBar(
        { format: ' {phase} {bar} {percentage}% | {value}/{total}', hideCursor: true, stream: process.stderr, noTTYOutput: tty, notTTYSchedule: 500 },
        Presets.shades_classic,
      );
      const open = new Map<ImportPhase, ReturnType<MultiBar['create']>>();
      const onProgress = (phase: ImportPhase, done: number, total: number) => {
        if (!tty) return;
        let bar = open.get(phase);
        if (!bar) open.set(phase, (bar = bars.create(Math.max(total, 1), 0, { phase: PHASE[phase][lang] })));
        bar.setTotal(Math.max(total, 1));
        bar.update(done);
      };
      const started = process.hrtime.bigint();
      try {
        if (statSync(file).size > MAX_IMPORT_BYTES) {
          // Read nothing into memory: the use-case would reject it anyway.
          throw new DomainError('IMPORT_INVALID', { vi: 'Tệp lớn hơn 50 MB; hãy chia nhỏ tệp.', en: 'The file is larger than 50 MB; split it.' });
        }
        const decimal = opts.decimal === 'comma' || opts.decimal === 'dot' ? opts.decimal : undefined;
        const result = await withDatabase((d) =>
          importActuals(createStore(d.db), SYSTEM_ACTOR, new Date(), { name: basename(file), data: readFileSync(file) }, {
            dryRun: Boolean(opts.dryRun),
            skipBadRows: Boolean(opts.skipBadRows),
            decimal,
            onProgress,
          }),
        );
        bars.stop();
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        process.stdout.write(summary(result, seconds, lang));
        if (result.issueCount > 0) printIssues(result.issues, result.issueCount, lang);
      } catch (e) {
        bars.stop();
        if (e instanceof DomainError && e.code === 'IMPORT_INVALID') {
          process.exitCode = 1;
          process.stderr.write(`✖ ${e.localized[lang]} [${e.code}]\n`);
          printIssues(e.issues, Number(e.params.total ?? e.issues.length), lang);
          return;
        }
        reportError(e, lang);
      }
    });
}

function summary(r: ImportActualsResult, seconds: number, lang: Lang): string {
  const locale = lang === 'vi' ? 'vi-VN' : 'en-US';
  const n = (x: number) => x.toLocaleString(locale);
  const rate = n(Math.round(r.rows / Math.max(seconds, 1e-3)));
  const time = seconds.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const lines =
    lang === 'vi'
      ? [
          r.dryRun ? `Chạy thử (chưa ghi gì): ${n(r.rows)} dòng hợp lệ.` : `Đã nhập ${n(r.rows)} dòng.`,
          `  Thêm mới: ${n(r.inserted)} · Cập nhật: ${n(r.updated)} · Không đổi: ${n(r.unchanged)} · Bỏ qua (lỗi): ${n(r.skipped)} · KPI công thức tính lại: ${n(r.recomputed)}`,
          `  ${time} giây, ${rate} dòng/giây`,
        ]
      : [
          r.dryRun ? `Dry run (nothing written): ${n(r.rows)} rows.` : `Imported ${n(r.rows)} rows.`,
          `  Inserted: ${n(r.inserted)} · Updated: ${n(r.updated)} · Unchanged: ${n(r.unchanged)} · Skipped (bad): ${n(r.skipped)} · Formula values recomputed: ${n(r.recomputed)}`,
          `  ${time} s, ${rate} rows/s`,
        ];
  return `${lines.join('\n')}\n`;
}

function printIssues(issues: Issue[], total: number, lang: Lang): void {
  for (const i of issues.slice(0, CLI_SHOWN_ISSUES)) process.stderr.write(`  - [${i.code}] ${i.message[lang]}\n`);
  const more = total - Math.min(issues.length, CLI_SHOWN_ISSUES);
  if (more > 0) process.stderr.write(lang === 'vi' ? `  … và ${more.toLocaleString('vi-VN')} lỗi khác.\n` : `  … and ${more.toLocaleString('en-US')} more.\n`);
}
