import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query, type AuditEntryT, type AuditListT, type CompanyT } from '../../api';
import { formatDateTime } from '../../lib/format';
import { useSession } from '../../session';
import { AuditDiff } from './AuditDiff';

const PAGE = 50;
const ENTITIES = ['org_unit', 'person', 'position', 'company', 'user'] as const;
const ACTION_COLOR: Record<string, string> = { create: 'green', update: 'blue', archive: 'orange', import: 'purple', login: 'default' };

export default function AuditLogPage() {
  const { t } = useTranslation();
  const { lang } = useSession();
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
        <Space style={{ marginBottom: 16 }}>
          <Typography.Text>{t('audit.filterEntity')}</Typography.Text>
          <Select
            allowClear
            style={{ width: 220 }}
            placeholder={t('audit.allEntities')}
            value={entity}
            onChange={(v: string | undefined) => setEntity(v)}
            options={ENTITIES.map((e) => ({ value: e, label: entityLabel(e) }))}
            data-testid="audit-entity"
          />
        </Space>
        <Table<AuditEntryT>
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
            { title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: string) => formatDateTime(at, lang, tz) },
            { title: t('audit.actor'), dataIndex: 'actorName', render: (name: string, entry) => (entry.system ? t('audit.system') : name) },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              width: 140,
              render: (a: string) => <Tag color={ACTION_COLOR[a] ?? 'default'}>{t(`audit.actions.${a}`, { defaultValue: a })}</Tag>,
            },
            {
              title: t('audit.entity'),
              dataIndex: 'entity',
              render: (e: string, entry) => (
                <span>
                  {entityLabel(e)} <Typography.Text type="secondary">#{entry.entityId}</Typography.Text> {summary(entry)}
                </span>
              ),
            },
          ]}
        />
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

/** The name of the changed thing, when its snapshot has one. */
function summary(entry: AuditEntryT): string {
  const snap = (entry.after ?? entry.before) as Record<string, unknown> | null;
  const name = snap && (snap.name ?? snap.fullName);
  return typeof name === 'string' ? `· ${name}` : '';
}
