import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { Command, Option } from 'commander';
import { parseDocument } from 'yaml';
import { appraise, parseAppraisalInput, type Appraisal, type AppraisalInput } from '../../core/appraisal';
import { DomainError, type Lang } from '../../core/errors';

interface EvaluateOptions {
  json?: boolean;
  lang: Lang;
}

/** Larger than any real sheet; a bigger file is refused before it is read. */
const MAX_FILE_BYTES = 1024 * 1024;

/** `openkpi evaluate`: score, grade and KPI bonus of one evaluation sheet (a calculator; nothing is stored). */
export function register(program: Command): void {
  program
    .command('evaluate')
    .description('Tính điểm, xếp loại và thưởng KPI của một phiếu đánh giá (evaluate one sheet)')
    .argument('<sheet>', 'phiếu đánh giá, tệp .json hoặc .yaml (sheet file)')
    .option('--json', 'in JSON (print JSON)')
    .addOption(new Option('--lang <lang>', 'ngôn ngữ (language)').choices(['vi', 'en']).default('vi'))
    .action((file: string, options: EvaluateOptions) => {
      try {
        const input = parseAppraisalInput(readSheetFile(file));
        const result = appraise(input);
        process.stdout.write(options.json ? `${JSON.stringify(asJson(result))}\n` : text(input, result, options.lang));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const lines = error.issues.length > 1 ? error.issues.map((i) => `  - ${i.message[options.lang]}`) : [];
        process.stderr.write([error.localized[options.lang], ...lines].map((l) => `${l}\n`).join(''));
        process.exitCode = 1;
      }
    });
}

function cliError(code: string, vi: string, en: string): DomainError {
  return new DomainError(code, { vi, en });
}

/** The file's value: `.json` as JSON, anything else as YAML (which also reads JSON). */
function readSheetFile(file: string): unknown {
  let text: string;
  try {
    if (statSync(file).size > MAX_FILE_BYTES) {
      throw cliError('CLI_FILE_TOO_LARGE', `Tệp ${file} lớn hơn 1 MB: không phải là một phiếu đánh giá`, `${file} is larger than 1 MB: not an evaluation sheet`);
    }
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw cliError('CLI_FILE_UNREADABLE', `Không đọc được tệp ${file}: ${(error as Error).message}`, `Cannot read ${file}: ${(error as Error).message}`);
  }
  if (extname(file).toLowerCase() === '.json') {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw cliError('CLI_FILE_NOT_JSON', `Tệp ${file} không phải JSON hợp lệ: ${(error as Error).message}`, `${file} is not valid JSON: ${(error as Error).message}`);
    }
  }
  const doc = parseDocument(text, { prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    throw cliError('CLI_FILE_NOT_YAML', `Tệp ${file} không phải JSON hay YAML hợp lệ: ${first.message}`, `${file} is not valid JSON or YAML: ${first.message}`);
  }
  try {
    return doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (error) {
    throw cliError('CLI_FILE_NOT_YAML', `Tệp ${file} không đọc được: ${(error as Error).message}`, `Cannot read ${file}: ${(error as Error).message}`);
  }
}

function asJson(r: Appraisal): Record<string, unknown> {
  return {
    score: r.score,
    grade: r.grade,
    coefficient: r.coefficient,
    bonus: r.bonus,
    groups: r.groups.map((g) => ({ code: g.code, score: g.score })),
    items: r.items.map((i) => ({ code: i.code, achievement: i.achievement, score: i.score })),
  };
}

const LABELS = {
  vi: {
    head: ['Nhóm / mục', 'Trọng số', 'Tỷ lệ hoàn thành', 'Điểm'],
    final: 'Điểm cuối cùng',
    grade: 'Xếp loại',
    coefficient: 'Hệ số thưởng',
    bonus: 'Thưởng KPI',
    renormalize: 'Mục hoặc nhóm thiếu dữ liệu: bỏ qua và chia lại trọng số cho phần còn lại',
    zero: 'Mục hoặc nhóm thiếu dữ liệu: tính 0 điểm',
  },
  en: {
    head: ['Group / item', 'Weight', 'Achievement', 'Score'],
    final: 'Final score',
    grade: 'Grade',
    coefficient: 'Bonus coefficient',
    bonus: 'KPI bonus',
    renormalize: 'Items or groups without a value: left out, the rest renormalized',
    zero: 'Items or groups without a value: counted as 0',
  },
} as const;

/** A readable table: groups and items with weight, achievement and score, then final score, grade and bonus. */
function text(input: AppraisalInput, r: Appraisal, lang: Lang): string {
  const locale = lang === 'vi' ? 'vi-VN' : 'en-US';
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 9 });
  const show = (x: number | null) => (x === null ? '—' : percent.format(x));
  const L = LABELS[lang];
  const rows: string[][] = [[...L.head]];
  let next = 0;
  input.groups.forEach((group, g) => {
    rows.push([group.code, `${plain.format(group.weight)}%`, '', show(r.groups[g]!.score)]);
    for (const item of group.items) {
      const s = r.items[next++]!;
      rows.push([`  ${item.code}`, `${plain.format(item.weight)}%`, show(s.achievement), show(s.score)]);
    }
  });
  const widths = L.head.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const line = (row: string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd();
  const out = rows.map(line);
  out.push('─'.repeat(widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1)));
  out.push(`${L.final}: ${show(r.score)}`);
  out.push(`${L.grade}: ${r.grade ?? '—'}`);
  if (r.coefficient !== null) out.push(`${L.coefficient}: ${plain.format(r.coefficient)}`);
  if (r.bonus !== null) out.push(`${L.bonus}: ${plain.format(r.bonus)} ₫`);
  out.push(L[r.missing]);
  return `${out.join('\n')}\n`;
}
