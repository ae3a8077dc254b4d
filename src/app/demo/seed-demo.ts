import { readFileSync } from 'node:fs';
import { companyToday } from '../../core/actuals';
import { DomainError } from '../../core/errors';
import { parseKpiFile, type KpiFile } from '../../core/kpi-as-code';
import type { IsoDate } from '../../core/period';
import { SYSTEM_ACTOR } from '../actor';
import { seedDemoActuals } from '../demo-actuals';
import { cascadeToChildren } from '../../core/target';
import { applyKpiFile } from '../kpi-as-code';
import { hashPassword } from '../passwords';
import type { Store } from '../ports';
import { DEMO_FILE, DEMO_LOGINS, DEMO_PASSWORD } from './demo-data';
import { seedDemoAppraisal } from './seed-appraisal';
import { seedDemoHolidays } from './seed-holidays';
import { seedDemoMarketing } from './seed-marketing';
import { seedDemoDiagnostics } from './seed-diagnostics';
import { seedDemoOrders } from './seed-demo-orders';

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
 * and creates the demo logins, in one transaction. Returns the logins (password: DEMO_PASSWORD); none when the
 * database already has a company (another instance seeded it first).
 * With `history.today`, also 2 years of monthly actuals up to the month before it and the `orders` dataset
 * (two years of orders before that day).
 */
export async function seedDemo(store: Store, history?: { today: IsoDate }): Promise<DemoLogin[]> {
  const doc = readDemoFile();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return store.transaction(async (tx) => {
    // Another instance starting on the same empty database may be seeding: wait for it, then find the company there.
    await tx.company.lockSetup();
    if (!(await isEmpty(tx))) return [];
    await applyKpiFile(tx, SYSTEM_ACTOR, doc);
    await seedDemoHolidays(tx);
    const people = new Map((await tx.people.findByEmails(DEMO_LOGINS.map((l) => l.email))).map((p) => [p.email, p]));
    const logins: DemoLogin[] = [];
    for (const login of DEMO_LOGINS) {
      const person = people.get(login.email)!;
      const user = await tx.users.create({ email: login.email, name: person.fullName, passwordHash, role: login.role, locale: 'vi' });
      await tx.people.update(person.id, { userId: user.id });
      logins.push({ email: login.email, role: login.role, name: person.fullName });
    }
    await cascadeDemoTargets(tx);
    if (history) await seedDemoActuals(tx, history);
    // Business data: two years of orders (~143k rows, ~1.2 s on PGlite) for the dataset pages and measures.
    if (history) await seedDemoOrders(tx, history.today);
    // People performance: the current quarter's cycle (the clock is read only when no date is given).
    const today = history?.today ?? companyToday(await tx.company.get(), new Date());
    await seedDemoAppraisal(tx, today);
    // Marketing: channels, three campaigns (one through an agency login) and awareness surveys.
    await seedDemoMarketing(tx, today);
    if (history) await seedDemoDiagnostics(tx, history.today);
    return logins;
  });
}

/** The two sales teams share the monthly revenue and order targets (North 52 %, South 48 %), so units have goals. */
async function cascadeDemoTargets(store: Store): Promise<void> {
  const units = new Map((await store.units.list()).map((u) => [u.code, u.id]));
  const teams = [
    { id: units.get('KD-MB')!, weight: 52 },
    { id: units.get('KD-MN')!, weight: 48 },
  ];
  for (const code of ['REVENUE', 'ORDERS']) {
    const kpi = await store.kpis.findByCode(code);
    if (!kpi) continue;
    const monthly = (await store.targets.list({ kpiId: kpi.id, scope: { type: 'company', id: null } })).filter((t) => /^\d{4}-\d{2}$/.test(t.period));
    const step = code === 'REVENUE' ? 1_000_000 : 1;
    await store.targets.upsert(
      monthly.flatMap((t) =>
        cascadeToChildren(t.value, teams, { step }).map((part) => ({
          kpiId: kpi.id,
          period: t.period,
          kind: 'month',
          start: t.start,
          end: t.end,
          scope: { type: 'unit' as const, id: part.id },
          value: part.value,
        })),
      ),
    );
  }
}
