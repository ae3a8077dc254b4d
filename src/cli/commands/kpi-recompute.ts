import { Option, type Command } from 'commander';
import { SYSTEM_ACTOR } from '../../app/actor';
import { recomputeKpi } from '../../app/kpi-binding/save-binding';
import { createStore } from '../../db/store';
import { withDatabase } from '../database';
import { cliLang, reportError } from '../output';

/** `openkpi kpi recompute <code> [--json]`: a KPI bound to a dataset, every period recomputed from its data now. */
export function register(program: Command): void {
  const kpi = program.commands.find((c) => c.name() === 'kpi') ?? program.command('kpi').description('KPI (thư viện KPI)');
  kpi
    .command('recompute <code>')
    .description('Tính lại số liệu của KPI lấy từ tập dữ liệu (recompute a KPI bound to a dataset)')
    .option('--json', 'in JSON (print JSON)')
    .addOption(new Option('--lang <lang>', 'ngôn ngữ (language)').choices(['vi', 'en']))
    .action(async (code: string, options: { json?: boolean; lang?: string }) => {
      const lang = cliLang(options.lang);
      try {
        const r = await withDatabase((d) => recomputeKpi(createStore(d.db), SYSTEM_ACTOR, code));
        if (options.json) {
          process.stdout.write(`${JSON.stringify(r)}\n`);
          return;
        }
        const vi = `${r.code}: ${r.inserted} mới, ${r.updated} thay đổi, ${r.unchanged} giữ nguyên, ${r.removed} xóa; ${r.skipped.length} bỏ qua (kỳ đánh giá đã khóa)`;
        const en = `${r.code}: ${r.inserted} new, ${r.updated} changed, ${r.unchanged} unchanged, ${r.removed} removed; ${r.skipped.length} skipped (locked review cycle)`;
        process.stdout.write(`${lang === 'vi' ? vi : en}\n`);
        for (const s of r.skipped) process.stdout.write(`  ${s.period} ${s.scope.type}:${s.scope.id ?? ''} (${s.cycle})\n`);
      } catch (error) {
        reportError(error, lang);
      }
    });
}
