import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../app/actor';
import { applyKpiFile, planKpiFile } from '../../app/kpi-as-code';
import { DomainError, type Lang } from '../../core/errors';
import { formatPlan, planSummary } from '../../core/kpi-as-code';
import { createStore } from '../../db/store';
import { withDatabase } from '../database';
import { cliLang, reportError } from '../output';
import { formatIssues } from './lint';

async function confirm(lang: Lang): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(lang === 'vi' ? 'Áp dụng các thay đổi này? Gõ "yes" để đồng ý: ' : 'Apply these changes? Type "yes" to confirm: ');
    return answer.trim().toLowerCase() === 'yes';
  } finally {
    rl.close();
  }
}

export function register(program: Command): void {
  program
    .command('apply <file>')
    .description('Apply a KPI-as-code file in one transaction / Áp dụng tệp KPI vào cơ sở dữ liệu')
    .option('--yes', 'apply without asking')
    .option('--lang <lang>', 'vi | en')
    .action(async (file: string, opts: { yes?: boolean; lang?: string }) => {
      const lang = cliLang(opts.lang);
      try {
        const text = readFileSync(file, 'utf8');
        await withDatabase(async (d) => {
          const store = createStore(d.db);
          const plan = await planKpiFile(store, text);
          if (plan.issues.length > 0 || !plan.doc) {
            process.stderr.write(`${file}\n${formatIssues(plan.issues, lang)}`);
            process.exitCode = 1;
            return;
          }
          process.stdout.write(formatPlan(plan.changes, lang));
          if (plan.changes.length === 0) return;
          if (!opts.yes) {
            if (!process.stdin.isTTY) {
              throw new DomainError('CONFIRMATION_REQUIRED', {
                vi: 'Không có terminal để hỏi xác nhận: thêm --yes để áp dụng.',
                en: 'There is no terminal to ask for confirmation: add --yes to apply.',
              });
            }
            if (!(await confirm(lang))) {
              process.stdout.write(lang === 'vi' ? 'Đã hủy, không có thay đổi nào.\n' : 'Cancelled; nothing changed.\n');
              return;
            }
          }
          const n = planSummary(await applyKpiFile(store, SYSTEM_ACTOR, plan.doc));
          process.stdout.write(
            lang === 'vi'
              ? `Đã áp dụng: ${n.create} tạo mới, ${n.update} cập nhật, ${n.archive} lưu trữ.\n`
              : `Applied: ${n.create} created, ${n.update} updated, ${n.archive} archived.\n`,
          );
        });
      } catch (e) {
        reportError(e, lang);
      }
    });
}
