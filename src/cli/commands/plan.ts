import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { planKpiFile } from '../../app/kpi-as-code';
import { formatPlan } from '../../core/kpi-as-code';
import { createStore } from '../../db/store';
import { withDatabase } from '../database';
import { cliLang, reportError } from '../output';
import { formatIssues } from './lint';

export function register(program: Command): void {
  program
    .command('plan <file>')
    .description('Show what applying a KPI-as-code file would change / Xem trước thay đổi')
    .option('--lang <lang>', 'vi | en')
    .action(async (file: string, opts: { lang?: string }) => {
      const lang = cliLang(opts.lang);
      try {
        const text = readFileSync(file, 'utf8');
        const plan = await withDatabase((d) => planKpiFile(createStore(d.db), text));
        if (plan.issues.length > 0) {
          process.stderr.write(`${file}\n${formatIssues(plan.issues, lang)}`);
          process.exitCode = 1;
          return;
        }
        process.stdout.write(formatPlan(plan.changes, lang));
      } catch (e) {
        reportError(e, lang);
      }
    });
}
