import type { Command } from 'commander';
import { backup, restore } from '../../db/backup';
import { createStore } from '../../db/store';
import { withDatabase } from '../database';
import { cliLang, reportError } from '../output';

function summary(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([t, n]) => `  ${t.padEnd(24)} ${n.toLocaleString('vi-VN')}`)
    .join('\n');
}

export function register(program: Command): void {
  program
    .command('backup <file>')
    .description('Write a portable backup (restores on PGlite or PostgreSQL) / Sao lưu dữ liệu')
    .action(async (file: string) => {
      try {
        const counts = await withDatabase((d) => backup(d.db, file));
        process.stdout.write(`Backup written to ${file}\n${summary(counts)}\n`);
      } catch (e) {
        reportError(e, cliLang());
      }
    });

  program
    .command('restore <file>')
    .description('Replace all data with a backup, in one transaction / Khôi phục từ bản sao lưu')
    .option('--yes', 'confirm replacing existing data')
    .action(async (file: string, opts: { yes?: boolean }) => {
      const lang = cliLang();
      try {
        const counts = await withDatabase(async (d) => {
          const store = createStore(d.db);
          const hasData = (await store.company.get()) !== null || (await store.users.list()).length > 0;
          if (hasData && !opts.yes) {
            throw new Error(
              lang === 'vi'
                ? 'Cơ sở dữ liệu đang có dữ liệu; thêm --yes để thay thế toàn bộ bằng bản sao lưu.'
                : 'The database has data; add --yes to replace all of it with the backup.',
            );
          }
          return restore(d.db, file);
        });
        process.stdout.write(`Restored from ${file}\n${summary(counts)}\n`);
      } catch (e) {
        reportError(e, lang);
      }
    });
}
