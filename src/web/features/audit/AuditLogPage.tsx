import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, Card, Grid, Select, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query, type AuditEntryT, type AuditListT, type CompanyT } from '../../api';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../session';
import { AuditDiff } from './AuditDiff';
import { AuditSubject } from './AuditSubject';
import { ExportTable } from '../../shell/ExportTable';

const PAGE = 50;
/** Every kind of thing the log holds, for the filter. */
const ENTITIES = ['kpi', 'kpi_targets', 'actual', 'evidence', 'kpi_file', 'person', 'org_unit', 'position', 'user', 'company', 'api_token', 'demo'] as const;
const ACTION_COLOR: Record<string, string> = { create: 'green', update: 'blue', archive: 'orange', import: 'purple', login: 'default' };

export default function AuditLogPage() {
  const { t } = useTranslation();
  const { lang } = useSession();
  const narrow = !Grid.useBreakpoint().md;
  const [entity, setEntity] = useState<string | undefined>(undefined);
  const company = useQuery({ queryKey: ['company'], queryFn: () => api<CompanyT>('GET', '/api/company') });
  const log = useInfiniteQuery({
    queryKey: ['audit', entity],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api<AuditListT>('GET', `/api/audit${query({ entity, limit: PAGE, before: pageParam })}`),
    getNextPageParam: (last) => (last.items.length < PAGE ? undefined : last.items[last.items.length - 1]?.id),
  });
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];
  const tz = company.data?.timezone;
  const entityLabel = (e: string) => t(`audit.entities.${e}`, { defaultValue: e });

  return (
    <div data-testid="audit-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('audit.title')}</Typography.Title>
      <Card>
        <Space style={{ marginBottom: 16 }} wrap>
          <Typography.Text>{t('audit.filterEntity')}</Typography.Text>
          <Select
            allowClear
            style={{ width: 240, maxWidth: '100%' }}
            placeholder={t('audit.allEntities')}
            value={entity}
            onChange={(v: string | undefined) => setEntity(v)}
            options={ENTITIES.map((e) => ({ value: e, label: entityLabel(e) }))}
            virtual={false}
            data-testid="audit-entity"
          />
        </Space>
        {narrow ? (
          <NarrowLog rows={rows} loading={log.isLoading} tz={tz} />
        ) : (
          <ExportTable<AuditEntryT> exportName="audit-log"
            data-testid="audit-table"
            rowKey="id"
            size="middle"
            loading={log.isLoading}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: log.error ? log.error.message : undefined }}
            expandable={{
              expandedRowRender: (entry) => <AuditDiff entry={entry} />,
              rowExpandable: (entry) => entry.before !== null || entry.after !== null,
            }}
            columns={[
              { title: t('audit.at'), dataIndex: 'at', width: 150, exportType: 'datetime', render: (at: string) => formatDateTime(at, lang, tz) },
              { title: t('audit.actor'), dataIndex: 'actorName', width: 170, exportValue: (entry) => (entry.system ? t('audit.system') : entry.actorName), render: (name: string, entry) => (entry.system ? t('audit.system') : name) },
              { title: t('audit.action'), dataIndex: 'action', width: 120, exportValue: (entry) => t(`audit.actions.${entry.action}`, { defaultValue: entry.action }), render: (a: string) => <ActionTag action={a} /> },
              {
                title: t('audit.entity'),
                dataIndex: 'entity',
                exportValue: (entry) => entityLabel(entry.entity),
                render: (e: string, entry) => (
                  <Space size={6} wrap>
                    <Typography.Text type="secondary">{entityLabel(e)}</Typography.Text>
                    <AuditSubject subject={entry.subject} />
                  </Space>
                ),
              },
            ]}
          />
        )}
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          {log.hasNextPage ? (
            <Button onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage} data-testid="audit-more">
              {t('audit.loadMore')}
            </Button>
          ) : (
            rows.length > 0 && <Typography.Text type="secondary">{t('audit.end')}</Typography.Text>
          )}
        </div>
      </Card>
    </div>
  );
}

function ActionTag({ action }: { action: string }) {
  const { t } = useTranslation();
  return <Tag color={ACTION_COLOR[action] ?? 'default'}>{t(`audit.actions.${action}`, { defaultValue: action })}</Tag>;
}

/** Phones: one block per entry (what, then who and when), details opened under it; a table does not fit 390 px. */
function NarrowLog({ rows, loading, tz }: { rows: AuditEntryT[]; loading: boolean; tz: string | undefined }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) => setOpen((prev) => (prev.has(id) ? new Set([...prev].filter((x) => x !== id)) : new Set([...prev, id])));
  if (loading) return <Spin />;
  return (
    <div data-testid="audit-table">
      {rows.map((entry) => (
        <div key={entry.id} className="ant-table-row" style={{ paddingBlock: 8, borderBottom: '1px solid #f0f0f0' }}>
          <EntryStacked entry={entry} when={formatDateTime(entry.at, lang, tz)} />
          {(entry.before !== null || entry.after !== null) && (
            <Button type="link" size="small" style={{ paddingInline: 0 }} className="ant-table-row-expand-icon" onClick={() => toggle(entry.id)}>
              {open.has(entry.id) ? t('audit.hideDetails') : t('audit.showDetails')}
            </Button>
          )}
          {open.has(entry.id) && <AuditDiff entry={entry} />}
        </div>
      ))}
    </div>
  );
}

/** One entry stacked: what, then who and when. */
function EntryStacked({ entry, when }: { entry: AuditEntryT; when: string }) {
  const { t } = useTranslation();
  return (
    <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
      <Space size={6} wrap>
        <ActionTag action={entry.action} />
        <Typography.Text type="secondary">{t(`audit.entities.${entry.entity}`, { defaultValue: entry.entity })}</Typography.Text>
      </Space>
      <div>
        <AuditSubject subject={entry.subject} />
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {entry.system ? t('audit.system') : entry.actorName} · {when}
      </Typography.Text>
    </div>
  );
}
