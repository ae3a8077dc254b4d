import { Input, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonViewT } from '../../api';
import { formatNumber } from '../../lib/format';
import { useSession } from '../../session';
import { usePeople } from './queries';
import { ExportTable } from '../../shell/ExportTable';

const PAGE_SIZE = 10;

/** People of a unit and its subtree (or, without a unit, everyone the user may see), in Vietnamese name order (the server's); a name opens the person. */
export function PeopleTable({ unitId, onOpen }: { unitId: number | null; onOpen(person: PersonViewT): void }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [unitId, q]);
  const people = usePeople({ unitId: unitId ?? undefined, q: q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

  const columns: ColumnsType<PersonViewT> = [
    {
      title: t('people.name'),
      dataIndex: 'fullName',
      render: (name: string, p) => (
        <Space size={4}>
          <Typography.Link onClick={() => onOpen(p)} data-testid="person-open">
            {name}
          </Typography.Link>
          {!p.active && <Tag>{t('people.inactive')}</Tag>}
        </Space>
      ),
    },
    { title: t('people.email'), dataIndex: 'email', render: (v: string | null) => v ?? '—' },
    { title: t('people.unit'), dataIndex: 'unitName' },
    { title: t('people.position'), dataIndex: 'positionName', render: (v: string | null) => v ?? '—' },
    { title: t('people.manager'), dataIndex: 'managerName', render: (v: string | null) => v ?? '—' },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="small">
      <Input.Search allowClear placeholder={t('people.search')} onSearch={(v) => setQ(v.trim())} style={{ maxWidth: 360 }} data-testid="people-search" />
      {/* Wide columns scroll inside the card on a phone, never the page. */}
      <div style={{ overflowX: 'auto' }}>
      <ExportTable<PersonViewT> exportName="people"
        data-testid="people-table"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={people.data?.items ?? []}
        loading={people.isFetching}
        locale={{ emptyText: people.error ? people.error.message : undefined }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: people.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('people.total', { formatted: formatNumber(total, lang) }),
          onChange: setPage,
        }}
      />
      </div>
    </Space>
  );
}
