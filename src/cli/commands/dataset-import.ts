import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../app/actor';
import { importDataset, type ImportDatasetResult } from '../../app/datasets/import-dataset';
import { DATASET_MAX_BYTES } from '../../app/datasets/read-dataset-file';
import { typeName } from '../../core/dataset/issues';
import { parseColumnList, parseDateFormat, parseDecimalFlag, parseTypeOverrides } from '../../core/dataset/options';
import { DomainError, issue, type Issue, type Lang } from '../../core/errors';
import { fileTooLarge } from '../../core/import/limits';
import { createStore } from '../../db/store';
import { withDatabase } from '../database';
import { cliLang, reportError } from '../output';

/** Problems printed when a file is rejected; the rest are counted. */
const SHOWN_ISSUES = 50;

interface Flags {
  replace?: boolean;
  append?: boolean;
  key?: string;
  types?: string;
  delimiter?: string;
  decimal?: string;
  dateFormat?: string;
  json?: boolean;
  lang?: string;
}

export function register(program: Command): void {
  const dataset = program.commands.find((c) => c.name() === 'dataset') ?? program.command('dataset').description('Business data tables / Dữ liệu kinh doanh');
  dataset
    .command('import <name> <file>')
    .description('Import a CSV/XLSX file into dataset <name> (all or nothing) / Nhập tệp vào tập dữ liệu')
    .option('--replace', 'replace the rows (and columns) of the dataset')
    .option('--append', 'add the rows (default); with a key, a row whose key is stored replaces it')
    .option('--key <columns>', 'key columns, comma-separated (e.g. order_id)')
    .option('--types <list>', 'type overrides: column=type,… (text, integer, decimal, date, datetime, boolean)')
    .option('--delimiter <char>', 'CSV delimiter , or ; (detected when absent)')
    .option('--decimal <char>', 'decimal separator , or . (detected when absent)')
    .option('--date-format <format>', 'dd/mm/yyyy (default), mm/dd/yyyy or yyyy-mm-dd')
    .option('--json', 'print the result as JSON')
    .option('--lang <lang>', 'vi | en')
    .action(async (name: string, file: string, flags: Flags) => {
      const lang = cliLang(flags.lang);
      const tty = !flags.json && (Boolean(process.stderr.isTTY) || process.env.OPENKPI_PROGRESS === '1');
      const bar = new SingleBar({ format: ' {bar} {percentage}% | {value}/{total}', hideCursor: true, stream: process.stderr, noTTYOutput: tty, notTTYSchedule: 500 }, Presets.shades_classic);
      let started = false;
      const onProgress = (done: number, total: number) => {
        if (!tty) return;
        if (!started) bar.start(Math.max(total, 1), 0);
        started = true;
        bar.setTotal(Math.max(total, done, 1));
        bar.update(done);
      };
      const begin = process.hrtime.bigint();
      try {
        const options = parseFlags(flags);
        const size = statSync(file).size;
        // Refused before a byte is read.
        if (size > DATASET_MAX_BYTES) throw fileTooLarge('file', size, DATASET_MAX_BYTES);
        const data = readFileSync(file);
        const result = await withDatabase((d) => importDataset(createStore(d.db), SYSTEM_ACTOR, name, { name: basename(file), data }, { ...options, onProgress }));
        bar.stop();
        const seconds = Number(process.hrtime.bigint() - begin) / 1e9;
        process.stdout.write(flags.json ? `${JSON.stringify(asJson(result))}\n` : summary(result, seconds, lang));
      } catch (e) {
        bar.stop();
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

function parseFlags(flags: Flags) {
  if (flags.replace && flags.append) {
    throw new DomainError('VALIDATION_FAILED', { vi: 'Tùy chọn nhập không hợp lệ.', en: 'The import options are invalid.' }, {
      issues: [issue('mode', 'conflict', 'Chỉ chọn một trong --replace và --append.', 'Choose one of --replace and --append.')],
    });
  }
  return {
    mode: flags.replace ? ('replace' as const) : ('append' as const),
    keyColumns: flags.key === undefined ? undefined : parseColumnList(flags.key),
    types: flags.types === undefined ? undefined : parseTypeOverrides(flags.types),
    delimiter: flags.delimiter === undefined ? undefined : delimiterOf(flags.delimiter),
    decimal: flags.decimal === undefined ? undefined : parseDecimalFlag(flags.decimal),
    dateFormat: flags.dateFormat === undefined ? undefined : parseDateFormat(flags.dateFormat),
  };
}

function delimiterOf(text: string): ',' | ';' {
  if (text === ',' || text === ';') return text;
  throw new DomainError('VALIDATION_FAILED', { vi: 'Tùy chọn nhập không hợp lệ.', en: 'The import options are invalid.' }, {
    issues: [issue('delimiter', 'invalid_delimiter', `Dấu phân cách "${text}" không hỗ trợ; dùng , hoặc ;`, `Delimiter "${text}" is not supported; use , or ;`)],
  });
}

function asJson(r: ImportDatasetResult) {
  return {
    dataset: r.dataset.name,
    action: r.action,
    rows: r.rows,
    inserted: r.inserted,
    replaced: r.replaced,
    rowCount: r.dataset.rowCount,
    keyColumns: r.dataset.keyColumns,
    columns: r.dataset.columns,
    format: r.format,
  };
}

function summary(r: ImportDatasetResult, seconds: number, lang: Lang): string {
  const locale = lang === 'vi' ? 'vi-VN' : 'en-US';
  const n = (x: number) => x.toLocaleString(locale);
  const rate = n(Math.round(r.rows / Math.max(seconds, 1e-3)));
  const time = seconds.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const columns = r.dataset.columns.map((c) => `${c.name} (${typeName(c.type)[lang]})`).join(', ');
  const action = { created: { vi: 'Đã tạo', en: 'Created' }, replaced: { vi: 'Đã thay thế', en: 'Replaced' }, appended: { vi: 'Đã thêm vào', en: 'Appended to' } }[r.action][lang];
  const lines =
    lang === 'vi'
      ? [
          `${action} tập dữ liệu ${r.dataset.name}: ${n(r.rows)} dòng (thêm mới ${n(r.inserted)}, thay dòng cùng khóa ${n(r.replaced)}); hiện có ${n(r.dataset.rowCount)} dòng.`,
          `  Cột: ${columns}`,
          `  ${time} giây, ${rate} dòng/giây`,
        ]
      : [
          `${action} dataset ${r.dataset.name}: ${n(r.rows)} rows (inserted ${n(r.inserted)}, replaced by key ${n(r.replaced)}); it now has ${n(r.dataset.rowCount)} rows.`,
          `  Columns: ${columns}`,
          `  ${time} s, ${rate} rows/s`,
        ];
  return `${lines.join('\n')}\n`;
}

function printIssues(issues: Issue[], total: number, lang: Lang): void {
  for (const i of issues.slice(0, SHOWN_ISSUES)) process.stderr.write(`  - [${i.code}] ${i.message[lang]}\n`);
  const more = total - Math.min(issues.length, SHOWN_ISSUES);
  if (more > 0) process.stderr.write(lang === 'vi' ? `  … và ${more.toLocaleString('vi-VN')} lỗi khác.\n` : `  … and ${more.toLocaleString('en-US')} more.\n`);
}
