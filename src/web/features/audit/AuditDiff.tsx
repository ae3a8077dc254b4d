import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntryT } from '../../api';
import { diffSnapshots, showValue, type DiffRow } from './diff';

/** Before/after of one audit entry, changed fields highlighted. */
export function AuditDiff({ entry }: { entry: AuditEntryT }) {
  const { t } = useTranslation();
  const rows = diffSnapshots(entry.before, entry.after);
  if (rows.length === 0) return <Typography.Text type="secondary">{t('audit.noDetails')}</Typography.Text>;
  const cell = (v: unknown, row: DiffRow, side: 'before' | 'after') => (
    <span
      style={
        row.changed && entry.before != null && entry.after != null
          ? { background: side === 'before' ? '#fff1f0' : '#f6ffed', padding: '0 4px', borderRadius: 3, textDecoration: side === 'before' && row.after !== undefined ? 'line-through' : undefined }
          : undefined
      }
    >
      {showValue(v)}
    </span>
  );
  return (
    <Table<DiffRow>
      data-testid="audit-diff"
      size="small"
      pagination={false}
      rowKey="field"
      dataSource={rows}
      columns={[
        { title: t('audit.field'), dataIndex: 'field', width: 180, render: (f: string, r) => (r.changed ? <strong>{f}</strong> : f) },
        // A creation has no "before" and a removal no "after": show only the side that exists.
        ...(entry.before == null ? [] : [{ title: t('audit.before'), dataIndex: 'before', render: (v: unknown, r: DiffRow) => cell(v, r, 'before') }]),
        ...(entry.after == null ? [] : [{ title: t('audit.after'), dataIndex: 'after', render: (v: unknown, r: DiffRow) => cell(v, r, 'after') }]),
      ]}
    />
  );
}
