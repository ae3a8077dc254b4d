import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { exportKpiFile } from '../../app/kpi-as-code';
import { createStore } from '../../db/store';
import { withDatabase } from '../database';
import { cliLang, reportError } from '../output';

export function register(program: Command): void {
  program
    .command('export')
    .description('Write the whole scorecard as a KPI-as-code YAML file / Xuất bộ KPI ra tệp YAML')
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--lang <lang>', 'vi | en')
    .action(async (opts: { out?: string; lang?: string }) => {
      const lang = cliLang(opts.lang);
      try {
        const text = await withDatabase((d) => exportKpiFile(createStore(d.db)));
        if (!opts.out) {
          process.stdout.write(text);
          return;
        }
        writeFileSync(opts.out, text);
        process.stdout.write(lang === 'vi' ? `Đã ghi ${opts.out}\n` : `Wrote ${opts.out}\n`);
      } catch (e) {
        reportError(e, lang);
      }
    });
}
