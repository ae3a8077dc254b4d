import { Grid, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntryT } from '../../api';
import { formatNumber } from '../../lib/format';
import { useSession } from '../../session';
import { periodLabel } from '../results/periods';
import { diffSnapshots, showValue, type DiffRow } from './diff';

/** Before/after of one audit entry, field by field (nested objects and lists too), changed fields highlighted. */
export function AuditDiff({ entry }: { entry: AuditEntryT }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const narrow = !Grid.useBreakpoint().md;
  const rows = diffSnapshots(entry.before, entry.after);
  if (rows.length === 0) return <Typography.Text type="secondary">{t('audit.noDetails')}</Typography.Text>;
  // A list item is named by its identity: a period as users read it ("Tháng 02/2026"), a code as it is.
  const part = (p: string) => (p.startsWith('[') ? periodLabel(p.slice(1, -1), lang) : t(`audit.fields.${p}`, { defaultValue: p }));
  const value = (v: unknown, row: DiffRow) => {
    const last = row.path[row.path.length - 1];
    if ((last === 'period' || last === 'baselinePeriod') && typeof v === 'string') return periodLabel(v, lang);
    if (typeof v === 'number') return formatNumber(v, lang, 6);
    if (typeof v === 'boolean') return v ? t('audit.yes') : t('audit.no');
    return showValue(v);
  };
  const cell = (v: unknown, row: DiffRow, side: 'before' | 'after') => (
    <span
      style={{
        overflowWrap: 'anywhere',
        ...(row.changed && entry.before != null && entry.after != null
          ? { background: side === 'before' ? '#fff1f0' : '#f6ffed', padding: '0 4px', borderRadius: 3, textDecoration: side === 'before' && row.after !== undefined ? 'line-through' : undefined }
          : {}),
      }}
    >
      {value(v, row)}
    </span>
  );
  if (narrow) {
    // Phones: one field per block, "before → after" under its name (a three-column table does not fit).
    return (
      <div data-testid="audit-diff">
        {rows.map((r) => (
          <div key={r.field} style={{ paddingBlock: 4, borderBottom: '1px solid #f0f0f0', overflowWrap: 'anywhere' }}>
            <div data-testid="audit-diff-field">{r.changed ? <strong>{r.path.map(part).join(' › ')}</strong> : r.path.map(part).join(' › ')}</div>
            <div>
              {entry.before != null && cell(r.before, r, 'before')}
              {entry.before != null && entry.after != null && ' → '}
              {entry.after != null && cell(r.after, r, 'after')}
            </div>
          </div>
        ))}
      </div>
    );
  }
  return (
    <Table<DiffRow>
      data-testid="audit-diff"
      size="small"
      pagination={false}
      rowKey="field"
      dataSource={rows}
      tableLayout="fixed"
      columns={[
        {
          title: t('audit.field'),
          dataIndex: 'field',
          render: (_: string, r) => <span data-testid="audit-diff-field" style={{ overflowWrap: 'anywhere' }}>{r.changed ? <strong>{r.path.map(part).join(' › ')}</strong> : r.path.map(part).join(' › ')}</span>,
        },
        // A creation has no "before" and a removal no "after": show only the side that exists.
        ...(entry.before == null ? [] : [{ title: t('audit.before'), dataIndex: 'before', render: (v: unknown, r: DiffRow) => cell(v, r, 'before') }]),
        ...(entry.after == null ? [] : [{ title: t('audit.after'), dataIndex: 'after', render: (v: unknown, r: DiffRow) => cell(v, r, 'after') }]),
      ]}
    />
  );
}
