import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../../app/actor';
import { importPeople } from '../../app/org/import-people';
import { createStore } from '../../db/store';
import { withDatabase } from '../database';
import { cliLang, reportError } from '../output';

export function register(program: Command): void {
  const imp = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('Import data from CSV/XLSX / Nhập dữ liệu');
  imp
    .command('people <file>')
    .description('Import people (all or nothing) / Nhập danh sách nhân sự')
    .option('--dry-run', 'validate only, write nothing')
    .option('--lang <lang>', 'vi | en')
    .action(async (file: string, opts: { dryRun?: boolean; lang?: string }) => {
      const lang = cliLang(opts.lang);
      const bar = new SingleBar({ format: ' {bar} {percentage}% | {value}/{total}', hideCursor: true });
      let started = false;
      try {
        const result = await withDatabase((d) =>
          importPeople(createStore(d.db), SYSTEM_ACTOR, { name: basename(file), data: readFileSync(file) }, {
            dryRun: Boolean(opts.dryRun),
            onProgress: (done, total) => {
              if (!started && process.stderr.isTTY) bar.start(total, 0);
              started = true;
              if (process.stderr.isTTY) bar.update(done);
            },
          }),
        );
        if (started && process.stderr.isTTY) bar.stop();
        const msg = result.dryRun
          ? { vi: `Hợp lệ: ${result.rows} dòng (chạy thử, chưa ghi).`, en: `Valid: ${result.rows} rows (dry run, nothing written).` }
          : { vi: `Đã nhập ${result.created} nhân sự.`, en: `Imported ${result.created} people.` };
        process.stdout.write(`${msg[lang]}\n`);
      } catch (e) {
        if (started && process.stderr.isTTY) bar.stop();
        reportError(e, lang);
      }
    });
}
