import { CheckCircleTwoTone, UsergroupAddOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoney } from '../../../lib/format';
import { userCanAtAll, useSession, useUser } from '../../../session';
import { AssignDialog } from './AssignDialog';
import { formatPercent } from './display';
import { GradeCell } from './GradeCell';
import { useCycleSheets } from './queries';
import type { CycleT, SheetSummaryT } from './types';
import { ExportTable } from '../../../shell/ExportTable';

const done = (yes: boolean) => (yes ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : '—');

/** The sheets of the cycle in the reader's scope, and the "Assign template" dialog for managers and admins. */
export function SheetsTab({ cycle, unitId, assignOpen }: { cycle: CycleT; unitId: number | undefined; assignOpen: boolean }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const user = useUser();
  const sheets = useCycleSheets(cycle.id, unitId);
  const [assigning, setAssigning] = useState(false);
  const items = sheets.data?.items ?? [];
  const names = useMemo(() => new Map(items.map((s) => [s.personId, s.personName])), [items]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text type="secondary" data-testid="sheets-count">
          {t('appraisal.sheets.count', { count: sheets.data?.total ?? 0 })}
        </Typography.Text>
        {assignOpen && userCanAtAll(user, 'appraisal.manage') && (
          <Button type="primary" icon={<UsergroupAddOutlined />} onClick={() => setAssigning(true)} data-testid="assign-open">
            {t('appraisal.assign.title')}
          </Button>
        )}
      </Space>
      <ExportTable<SheetSummaryT> exportName="evaluation-sheets"
        data-testid="sheets-table"
        rowKey="id"
        size="small"
        loading={sheets.isFetching}
        dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: sheets.error?.message ?? t('appraisal.sheets.empty') }}
        columns={[
          {
            title: t('appraisal.sheets.person'),
            dataIndex: 'personName',
            render: (name: string, s) => (
              <Link to={`/appraisal/sheets/${s.id}`} data-testid={`sheet-link-${s.id}`}>
                {name}
              </Link>
            ),
          },
          { title: t('appraisal.sheets.unit'), dataIndex: 'unitName' },
          { title: t('appraisal.sheets.position'), dataIndex: 'positionName', render: (p: string | null) => p ?? '—' },
          { title: t('appraisal.sheets.agreed'), key: 'agreed', align: 'right', render: (_, s) => `${s.agreedItems}/${s.items}` },
          { title: t('appraisal.sheets.self'), dataIndex: 'selfSubmitted', align: 'center', render: done },
          { title: t('appraisal.sheets.reviewed'), dataIndex: 'reviewed', align: 'center', render: done },
          { title: t('appraisal.sheets.score'), dataIndex: 'score', align: 'right', render: (v: number | null) => formatPercent(v, lang) },
          { title: t('appraisal.sheets.grade'), key: 'grade', render: (_, s) => <GradeCell grade={s.grade} before={s.gradeBeforeCalibration} /> },
          { title: t('appraisal.sheets.bonus'), dataIndex: 'bonus', align: 'right', render: (v: number | null) => (v === null ? '—' : formatMoney(v, lang)) },
        ]}
      />
      {assigning && <AssignDialog cycleId={cycle.id} names={names} onClose={() => setAssigning(false)} />}
    </Space>
  );
}
