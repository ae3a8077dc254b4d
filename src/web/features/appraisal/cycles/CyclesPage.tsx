import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../../lib/format';
import { userCanAtAll, useSession, useUser } from '../../../session';
import { nextDeadline, phaseColor, phaseName } from './display';
import { NewCycleDialog } from './NewCycleDialog';
import { useCycles } from './queries';
import type { CycleT } from './types';
import { ExportTable } from '../../../shell/ExportTable';

/** /appraisal: the evaluation cycles, with links to a cycle's page and (admins) templates and a new cycle. */
export default function CyclesPage() {
  const { t } = useTranslation();
  const { lang } = useSession();
  const user = useUser();
  const navigate = useNavigate();
  const cycles = useCycles();
  const [creating, setCreating] = useState(false);
  const canSetUp = userCanAtAll(user, 'appraisal.setup');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="appraisal-cycles">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('appraisal.cycles.title')}
        </Typography.Title>
        {canSetUp && (
          <Space wrap>
            <Button icon={<FileTextOutlined />} onClick={() => void navigate('/appraisal/templates')} data-testid="templates-link">
              {t('appraisal.templates.title')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="cycle-create">
              {t('appraisal.cycles.create')}
            </Button>
          </Space>
        )}
      </Space>
      <Card size="small">
        <ExportTable<CycleT> exportName="evaluation-cycles"
          data-testid="cycles-table"
          rowKey="id"
          size="small"
          loading={cycles.isFetching}
          dataSource={cycles.data ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: cycles.error?.message ?? t('appraisal.cycles.empty') }}
          columns={[
            {
              title: t('appraisal.cycles.name'),
              dataIndex: 'name',
              render: (name: string, c) => (
                <Link to={`/appraisal/cycles/${c.id}`} data-testid={`cycle-link-${c.code}`}>
                  {name}
                </Link>
              ),
            },
            {
              title: t('appraisal.cycles.period'),
              key: 'period',
              render: (_, c) => `${formatDate(c.startsOn, lang)} – ${formatDate(c.endsOn, lang)}`,
            },
            {
              title: t('appraisal.cycles.phase'),
              dataIndex: 'phase',
              render: (p: CycleT['phase']) => (
                <Tag color={phaseColor(p)} data-testid="cycle-phase">
                  {phaseName(p, lang)}
                </Tag>
              ),
            },
            {
              title: t('appraisal.cycles.nextDeadline'),
              key: 'deadline',
              render: (_, c) => {
                const next = nextDeadline(c);
                return next ? `${formatDate(next.date, lang)} · ${phaseName(next.phase, lang)}` : '—';
              },
            },
            { title: t('appraisal.cycles.sheets'), dataIndex: 'sheets', align: 'right' },
          ]}
        />
      </Card>
      {creating && <NewCycleDialog onClose={() => setCreating(false)} />}
    </Space>
  );
}
