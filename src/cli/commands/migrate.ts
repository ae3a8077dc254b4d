import type { Command } from 'commander';
import { readConfig } from '../../config';
import { connect } from '../../db/connect';
import { migrate } from '../../db/migrate';

export function register(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations / Áp dụng các migration còn thiếu')
    .action(async () => {
      const config = readConfig();
      const database = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const applied = await migrate(database.db);
        process.stdout.write(applied.length ? `Applied ${applied.length} migration(s):\n${applied.map((a) => `  ${a}`).join('\n')}\n` : 'Database is up to date.\n');
      } finally {
        await database.close();
      }
    });
}
