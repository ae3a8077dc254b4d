import { readFileSync } from 'node:fs';
import { DomainError } from '../../core/errors';
import { parseKpiFile, type KpiFile } from '../../core/kpi-as-code';
import type { IsoDate } from '../../core/period';
import { SYSTEM_ACTOR } from '../actor';
import { seedDemoActuals } from '../demo-actuals';
import { applyKpiFile } from '../kpi-as-code';
import { hashPassword } from '../passwords';
import type { Store } from '../ports';
import { DEMO_FILE, DEMO_LOGINS, DEMO_PASSWORD } from './demo-data';

export interface DemoLogin {
  email: string;
  role: string;
  name: string;
}

/** True when the database has no company yet (a first start). */
export async function isEmpty(store: Store): Promise<boolean> {
  return (await store.company.get()) === null;
}

/** The demo company file, parsed and checked (it is part of the product: an error here is a bug). */
export function readDemoFile(path = DEMO_FILE): KpiFile {
  const { doc, issues } = parseKpiFile(readFileSync(path, 'utf8'));
  if (!doc || issues.length > 0) {
    const list = issues.map((i) => `${i.path}: ${i.message.en}`).join('; ');
    throw new DomainError('KPI_FILE_INVALID', { vi: `Tệp công ty mẫu không hợp lệ: ${list}`, en: `The demo company file is invalid: ${list}` }, { issues });
  }
  return doc;
}

/**
 * Loads the demo company from examples/demo-company.yaml (through the same use-case as `openkpi apply`)
 * and creates the demo logins, in one transaction. Returns the logins (password: DEMO_PASSWORD).
 * With `history.today`, also 2 years of monthly actuals up to the month before it.
 */
export async function seedDemo(store: Store, history?: { today: IsoDate }): Promise<DemoLogin[]> {
  const doc = readDemoFile();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return store.transaction(async (tx) => {
    await applyKpiFile(tx, SYSTEM_ACTOR, doc);
    const people = new Map((await tx.people.findByEmails(DEMO_LOGINS.map((l) => l.email))).map((p) => [p.email, p]));
    const logins: DemoLogin[] = [];
    for (const login of DEMO_LOGINS) {
      const person = people.get(login.email)!;
      const user = await tx.users.create({ email: login.email, name: person.fullName, passwordHash, role: login.role, locale: 'vi' });
      await tx.people.update(person.id, { userId: user.id });
      logins.push({ email: login.email, role: login.role, name: person.fullName });
    }
    if (history) await seedDemoActuals(tx, history);
    return logins;
  });
}
