import { sql } from 'kysely';
import type { Database } from '../src/db/connect';

/** One slot a check-in writes: a KPI's company value for a month. */
export interface Slot {
  code: string;
  period: string;
}
export interface AckedWrite extends Slot {
  value: number;
}

/** Check-in values of a write run are MARKER + client × 10^6 + sequence: unique, and told apart from other data. */
export const MARKER = 7_000_000_000_000;

/** Monthly, manual, non-ratio KPIs (admin can check them in at company scope) × the months of `year`. */
export async function checkinSlots(url: string, cookie: string, year: number, kpiCount: number): Promise<Slot[]> {
  const res = await fetch(`${url}/api/kpis?status=active`, { headers: { cookie } });
  const { items } = (await res.json()) as { items: { code: string; source: string | null; frequency: string | null; aggregation: string }[] };
  const codes = items.filter((k) => k.source === 'manual' && k.frequency === 'monthly' && k.aggregation !== 'ratio').slice(0, kpiCount).map((k) => k.code);
  if (codes.length === 0) throw new Error('no manual monthly KPI to check in');
  return codes.flatMap((code) => Array.from({ length: 12 }, (_, m) => ({ code, period: `${year}-${String(m + 1).padStart(2, '0')}` })));
}

/**
 * `clients` concurrent HTTP clients post check-ins for `seconds`, each to a random slot (slots overlap on purpose:
 * the last write wins and the earlier ones stay in the version history). Returns every acknowledged (200) write.
 */
export async function runCheckinClients(opts: { url: string; cookie: string; csrf: string; slots: Slot[]; clients: number; seconds: number }) {
  const acked: AckedWrite[] = [];
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  const until = Date.now() + opts.seconds * 1000;
  let seed = 14;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const client = async (c: number) => {
    for (let seq = 0; Date.now() < until; seq++) {
      const slot = opts.slots[Math.floor(random() * opts.slots.length)]!;
      const value = MARKER + c * 1_000_000 + seq;
      const started = performance.now();
      let status = 'network';
      try {
        const res = await fetch(`${opts.url}/api/kpis/${encodeURIComponent(slot.code)}/checkins`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: opts.cookie, 'x-csrf-token': opts.csrf },
          body: JSON.stringify({ period: slot.period, value }),
        });
        status = String(res.status);
        if (res.status === 200) acked.push({ ...slot, value });
        else if ((statuses[status] ?? 0) < 3) console.error(`check-in ${slot.code} ${slot.period}: ${res.status} ${await res.text()}`);
        else await res.arrayBuffer();
      } catch (error) {
        if ((statuses[status] ?? 0) < 3) console.error(error);
      }
      latencies.push(performance.now() - started);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: opts.clients }, (_, c) => client(c)));
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]! * 10) / 10;
  return { acked, statuses, errors: latencies.length - acked.length, requests: latencies.length, p50: pct(0.5), p99: pct(0.99) };
}

const line = (w: AckedWrite) => `${w.code}|${w.period}|${w.value}`;

/** FNV-1a over the sorted lines: equal multisets of writes give equal checksums. */
function checksum(lines: string[]): string {
  let h = 0x811c9dc5;
  for (const l of [...lines].sort()) for (let i = 0; i < l.length; i++) h = Math.imul(h ^ l.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/**
 * Every acknowledged write is stored exactly once (as the current value or a superseded version) and nothing
 * else of the run is stored; the current value of each slot is one of that slot's acknowledged writes.
 */
export async function verifyCheckins(database: Database, acked: AckedWrite[]) {
  const { rows } = await sql<{ code: string; period: string; value: string; current: boolean }>`
    SELECT k.code, a.period_key AS period, a.value::text AS value, true AS current
    FROM kpi_actuals a JOIN kpis k ON k.id = a.kpi_id WHERE a.scope_type = 'company' AND a.value >= ${MARKER}
    UNION ALL
    SELECT k.code, a.period_key, v.value::text, false
    FROM kpi_actual_versions v JOIN kpi_actuals a ON a.id = v.actual_id JOIN kpis k ON k.id = a.kpi_id
    WHERE a.scope_type = 'company' AND v.value >= ${MARKER}`.execute(database.db);
  const stored = rows.map((r) => ({ code: r.code, period: r.period, value: Number(r.value) }));
  const ackedSet = new Set(acked.map(line));
  const currentNotAcked = rows.filter((r) => r.current && !ackedSet.has(line({ code: r.code, period: r.period, value: Number(r.value) }))).length;
  const ackedSum = checksum(acked.map(line));
  const storedSum = checksum(stored.map(line));
  return {
    acknowledged: acked.length,
    stored: stored.length,
    ackedChecksum: ackedSum,
    storedChecksum: storedSum,
    currentNotAcknowledged: currentNotAcked,
    ok: acked.length === stored.length && ackedSum === storedSum && currentNotAcked === 0,
  };
}

/** Deadlocks PostgreSQL has counted in the current database (PGlite has one connection: always 0). */
export async function deadlocks(database: Database): Promise<number> {
  if (database.engine !== 'postgres') return 0;
  const { rows } = await sql<{ n: string }>`SELECT deadlocks::text AS n FROM pg_stat_database WHERE datname = current_database()`.execute(database.db);
  return Number(rows[0]?.n ?? 0);
}
