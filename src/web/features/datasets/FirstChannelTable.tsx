import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session';
import type { CohortResultT } from './types';
import { formatGroup, formatRate } from './display';

type Row = CohortResultT['rows'][number];

/** Returning within the window per cohort and value of the first event (e.g. the channel of the first order). */
export function FirstChannelTable({ result, column, within }: { result: CohortResultT; column: string; within: number }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  return (
    <div>
      <Typography.Text strong>{t('marketing.firstBy.title', { column, days: within })}</Typography.Text>
      <Table<Row>
        data-testid="cohort-first-table"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowKey={(r) => `${r.cohort}|${r.first ?? ''}`}
        dataSource={result.rows}
        columns={[
          { title: t('marketing.firstBy.cohort'), dataIndex: 'cohort', render: (c: string) => formatGroup(c, lang) },
          { title: column, dataIndex: 'first', render: (f: string | null | undefined) => f ?? '—' },
          { title: t('marketing.firstBy.customers'), dataIndex: 'customers', align: 'right', render: (n: number) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US') },
          { title: t('marketing.firstBy.rate'), key: 'rate', align: 'right', render: (_: unknown, r) => `${formatRate(r.rate, lang)} (${r.returning})` },
        ]}
      />
    </div>
  );
}
