import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Command } from 'commander';
import type { Issue, Lang } from '../../core/errors';
import { lintKpiFile, type KpiFileLint } from '../../core/kpi-as-code';
import { cliLang, reportError } from '../output';

/** The YAML files a path names: the file itself, or the .yaml/.yml files of a folder (sorted). */
export function kpiFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => ['.yaml', '.yml'].includes(extname(f).toLowerCase()))
    .sort()
    .map((f) => join(path, f));
}

/** One issue per line: `  ✖ kpis[3].parents[0].weight: Dòng 31:35: …`. */
export function formatIssues(issues: readonly Issue[], lang: Lang): string {
  return issues.map((i) => `  ✖ ${i.path}: ${i.message[lang]}\n`).join('');
}

const MARK = { error: '✖', warning: '⚠' } as const;

function textReport(file: string, result: KpiFileLint, lang: Lang): string {
  let out = `${file}\n${formatIssues([...result.issues, ...result.smartErrors], lang)}`;
  for (const k of result.kpis) {
    if (k.findings.length === 0) {
      out += `  ✓ KPI ${k.code}: ${lang === 'vi' ? 'đạt SMART' : 'SMART'}\n`;
      continue;
    }
    out += `  KPI ${k.code}${k.status === 'active' ? '' : ` (${k.status})`}\n`;
    for (const f of k.findings) out += `    ${MARK[f.severity]} ${f.letter} ${f.code}: ${f.message[lang]} → ${f.suggestion[lang]}\n`;
  }
  const errors = result.issues.length + result.smartErrors.length;
  const warnings = result.kpis.reduce((n, k) => n + k.findings.filter((f) => f.severity === 'warning').length, 0);
  out += lang === 'vi' ? `  ${errors} lỗi, ${warnings} cảnh báo.\n` : `  ${errors} error(s), ${warnings} warning(s).\n`;
  return out;
}

function jsonReport(results: { file: string; result: KpiFileLint }[], lang: Lang): string {
  const errors = results.flatMap(({ file, result }) =>
    [...result.issues, ...result.smartErrors].map((i) => ({
      file,
      path: i.path,
      line: i.row ?? null,
      column: i.column === undefined ? null : Number(i.column),
      code: i.code,
      message: i.message[lang],
    })),
  );
  const kpis = results.flatMap(({ file, result }) =>
    result.kpis.map((k) => ({
      file,
      code: k.code,
      findings: k.findings.map((f) => ({ letter: f.letter, code: f.code, severity: f.severity, message: f.message[lang], suggestion: f.suggestion[lang] })),
    })),
  );
  return `${JSON.stringify({ ok: results.every((r) => r.result.ok), kpis, errors })}\n`;
}

export function register(program: Command): void {
  program
    .command('lint <path>')
    .description('Check KPI-as-code files (format, references, SMART) without a database / Kiểm tra tệp KPI')
    .option('--json', 'machine-readable output')
    .option('--lang <lang>', 'vi | en')
    .action((path: string, opts: { json?: boolean; lang?: string }) => {
      const lang = cliLang(opts.lang);
      try {
        const results = kpiFiles(path).map((file) => ({ file, result: lintKpiFile(readFileSync(file, 'utf8')) }));
        process.stdout.write(opts.json ? jsonReport(results, lang) : results.map((r) => textReport(r.file, r.result, lang)).join('\n'));
        if (!results.every((r) => r.result.ok)) process.exitCode = 1;
      } catch (e) {
        reportError(e, lang);
      }
    });
}
