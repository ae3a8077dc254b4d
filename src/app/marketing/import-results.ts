import { DomainError, issue, type Issue } from '../../core/errors';
import { DecimalVotes, parseNumberCell, parsePeriodCell, type Cell, type DecimalStyle } from '../../core/import';
import type { Actor } from '../actor';
import { importInvalid, openSheet } from '../import/read-sheet';
import type { Store } from '../ports';
import type { ResultWrite } from './ports';
import { campaignFor } from './campaign-access';
import { reportResults } from './results';

type Field = 'channel' | 'period' | 'recipients' | 'responses' | 'cost' | 'acquisitions' | 'revenue';

/** Header words (lower case, without accents or spaces) for each field; Vietnamese and English. */
const HEADERS: Record<Field, string[]> = {
  channel: ['kenh', 'channel'],
  period: ['thang', 'ky', 'period', 'month'],
  recipients: ['nguoinhan', 'sogui', 'recipients', 'sends', 'sent'],
  responses: ['phanhoi', 'responses'],
  cost: ['chiphi', 'cost'],
  acquisitions: ['khachhangmoi', 'acquisitions'],
  revenue: ['doanhthu', 'revenue'],
};
const REQUIRED: Field[] = ['channel', 'period', 'recipients', 'responses'];
const WHOLE: Field[] = ['recipients', 'responses', 'acquisitions'];

const squash = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/**
 * A campaign's monthly results from a CSV/XLSX file, read with the one bounded spreadsheet reader: one row per
 * channel (code or name) and month, with Vietnamese or English numbers. Every problem is reported by row and
 * column, and nothing is written unless every row is right (then as `reportResults`).
 */
export async function importResults(store: Store, actor: Actor, campaignId: number, file: { name: string; data: Buffer }): Promise<{ written: number }> {
  const campaign = await campaignFor(store, actor, campaignId, 'campaign.report');
  const sheet = await openSheet(file.name, file.data);
  const col = new Map<Field, number>();
  sheet.headers.forEach((h, i) => {
    const key = squash(h);
    for (const [field, words] of Object.entries(HEADERS) as [Field, string[]][]) if (words.includes(key) && !col.has(field)) col.set(field, i);
  });
  const missing = REQUIRED.filter((f) => !col.has(f));
  if (missing.length > 0) {
    throw importInvalid(
      missing.map((f) => issue(`header.${f}`, 'COLUMN_MISSING', `Thiếu cột ${HEADERS[f][0]} (${f})`, `Column ${f} is missing`, { row: sheet.headerRow })),
    );
  }
  const rows: { row: number; cells: Cell[] }[] = [];
  const votes = new DecimalVotes();
  for await (const r of sheet.rows(10_000)) {
    if (r.cells.every((c) => c === '')) continue;
    rows.push(r);
    for (const f of ['recipients', 'responses', 'cost', 'acquisitions', 'revenue'] as Field[]) {
      const c = col.has(f) ? r.cells[col.get(f)!] : undefined;
      if (typeof c === 'string') votes.add(c);
    }
  }
  const style: DecimalStyle = votes.decided() ?? (sheet.format.delimiter === ';' ? 'comma' : 'dot');
  const byName = new Map(campaign.channels.flatMap((c) => [[squash(c.channelName), c.channelId] as const]));
  const codes = new Map((await store.marketing.channelsByIds([...byName.values()])).map((c) => [squash(c.code), c.id]));
  const issues: Issue[] = [];
  const writes: ResultWrite[] = [];
  const fileRows: number[] = [];
  for (const r of rows) {
    const text = (f: Field) => String(col.has(f) ? (r.cells[col.get(f)!] ?? '') : '').trim();
    const at = (f: Field) => ({ row: r.row, column: sheet.headers[col.get(f) ?? 0] ?? f });
    const channel = codes.get(squash(text('channel'))) ?? byName.get(squash(text('channel')));
    if (channel === undefined) issues.push(issue(`row ${r.row} / channel`, 'CHANNEL_NOT_IN_CAMPAIGN', `Kênh "${text('channel')}" không thuộc chiến dịch`, `Channel "${text('channel')}" is not part of the campaign`, at('channel')));
    const period = parsePeriodCell(text('period'), 'month');
    if (!period.ok || period.period.kind !== 'month') issues.push(issue(`row ${r.row} / period`, 'INVALID_PERIOD', `Tháng "${text('period')}" không hợp lệ (ví dụ 2026-03 hoặc 03/2026)`, `Month "${text('period')}" is invalid (e.g. 2026-03 or 03/2026)`, at('period')));
    const values = { recipients: 0, responses: 0, cost: 0, acquisitions: 0, revenue: 0 };
    for (const f of ['recipients', 'responses', 'cost', 'acquisitions', 'revenue'] as const) {
      const raw = col.has(f) ? r.cells[col.get(f)!] : undefined;
      if (raw === undefined || raw === '') {
        if (REQUIRED.includes(f)) issues.push(issue(`row ${r.row} / ${f}`, 'REQUIRED', `Thiếu ${f}`, `${f} is missing`, at(f)));
        values[f] = 0;
        continue;
      }
      const n = typeof raw === 'number' ? { ok: true as const, value: raw } : parseNumberCell(raw, style);
      const ok = n.ok && n.value >= 0 && n.value <= 1e15 && (!WHOLE.includes(f) || Number.isInteger(n.value));
      if (!ok) issues.push(issue(`row ${r.row} / ${f}`, 'INVALID_NUMBER', `"${String(raw)}" không phải số hợp lệ`, `"${String(raw)}" is not a valid number`, at(f)));
      values[f] = n.ok ? n.value : 0;
    }
    if (channel !== undefined && period.ok) {
      writes.push({ channelId: channel, period: period.period.key, ...values });
      fileRows.push(r.row);
    }
  }
  if (issues.length > 0) throw importInvalid(issues);
  try {
    return await reportResults(store, actor, campaignId, writes);
  } catch (e) {
    // Rule problems of rows.<i> become problems of the file's rows.
    if (!(e instanceof DomainError) || e.code !== 'RESULTS_INVALID') throw e;
    throw importInvalid(
      e.issues.map((i) => {
        const m = /^rows\.(\d+)/.exec(i.path);
        return m ? { ...i, row: fileRows[Number(m[1])] } : i;
      }),
    );
  }
}
