import { Alert, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../session';
import { formatPercent, isLowConsensus, LOW_CONSENSUS } from './display';
import { useConsensus } from './queries';
import type { ConsensusT } from './types';
import { ExportTable } from '../../../shell/ExportTable';

type Row = ConsensusT['units'][number];

/** Agreed ÷ assigned targets per unit and per person; rates below 80 % stand out. */
export function ConsensusTab({ cycleId, unitId }: { cycleId: number; unitId: number | undefined }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const consensus = useConsensus(cycleId, true, unitId);
  const rateTag = (rate: number | null) =>
    rate === null ? '—' : <Tag color={isLowConsensus(rate) ? 'red' : 'green'} data-low={isLowConsensus(rate) ? 'yes' : 'no'}>{formatPercent(rate, lang)}</Tag>;
  const columns = (nameTitle: string) => [
    { title: nameTitle, dataIndex: 'name' },
    { title: t('appraisal.consensus.assigned'), dataIndex: 'assigned', align: 'right' as const },
    { title: t('appraisal.consensus.agreed'), dataIndex: 'agreed', align: 'right' as const },
    { title: t('appraisal.consensus.rate'), dataIndex: 'rate', align: 'right' as const, render: rateTag },
  ];
  // Low rates tint the whole row.
  const onRow = (r: Row) => ({ style: isLowConsensus(r.rate) ? { background: '#fff1f0' } : {} });

  if (consensus.error) return <Alert type="error" showIcon title={consensus.error.message} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="consensus-tab">
      <Row gutter={16}>
        <Col>
          <Statistic title={t('appraisal.consensus.overall')} value={formatPercent(consensus.data?.rate ?? null, lang)} loading={consensus.isFetching} />
        </Col>
      </Row>
      <Typography.Text type="secondary">{t('appraisal.consensus.hint', { low: formatPercent(LOW_CONSENSUS, lang) })}</Typography.Text>
      <Typography.Title level={5}>{t('appraisal.consensus.byUnit')}</Typography.Title>
      <ExportTable<Row> exportName="consensus-units" data-testid="consensus-units" rowKey="id" size="small" pagination={false} scroll={{ x: 'max-content' }} dataSource={consensus.data?.units ?? []} columns={columns(t('appraisal.sheets.unit'))} onRow={onRow} />
      <Typography.Title level={5}>{t('appraisal.consensus.byPerson')}</Typography.Title>
      <ExportTable<Row> exportName="consensus-people"
        data-testid="consensus-people"
        rowKey="id"
        size="small"
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        dataSource={consensus.data?.people ?? []}
        columns={columns(t('appraisal.sheets.person'))}
        onRow={onRow}
      />
    </Space>
  );
}
