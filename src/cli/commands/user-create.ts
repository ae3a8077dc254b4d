import { randomBytes } from 'node:crypto';
import { Option, type Command } from 'commander';
import { SYSTEM_ACTOR } from '../../app/actor';
import { createUser } from '../../app/auth/create-user';
import { ROLES, type Role } from '../../core/auth/roles';
import { createStore } from '../../db/store';
import { withDatabase } from '../database';
import { cliLang, reportError } from '../output';

export function register(program: Command): void {
  const user = program.commands.find((c) => c.name() === 'user') ?? program.command('user').description('Manage user accounts / Quản lý tài khoản');
  user
    .command('create')
    .description('Create a user (e.g. the first admin) / Tạo tài khoản')
    .requiredOption('--email <email>', 'login email')
    .requiredOption('--name <name>', 'display name')
    .addOption(new Option('--role <role>', 'role').choices([...ROLES]).default('employee'))
    .option('--password <password>', 'password (at least 12 characters, not a common or breached one); generated and printed once when omitted')
    .option('--lang <lang>', 'vi | en')
    .action(async (opts: { email: string; name: string; role: Role; password?: string; lang?: string }) => {
      const lang = cliLang(opts.lang);
      const password = opts.password ?? randomBytes(12).toString('base64url');
      try {
        const created = await withDatabase((d) =>
          createUser(createStore(d.db), SYSTEM_ACTOR, { email: opts.email.trim().toLowerCase(), name: opts.name, role: opts.role, password, locale: lang }),
        );
        process.stdout.write(`${lang === 'vi' ? 'Đã tạo tài khoản' : 'Created user'} #${created.id} ${created.email} (${created.role})\n`);
        if (!opts.password) process.stdout.write(`${lang === 'vi' ? 'Mật khẩu' : 'Password'}: ${password}\n`);
      } catch (e) {
        reportError(e, lang);
      }
    });
}
