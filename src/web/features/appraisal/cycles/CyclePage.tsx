import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Segmented, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { stepOpen } from '../../../../core/appraisal/cycle';
import { userCanAtAll, useUser } from '../../../session';
import { PageSpinner } from '../../../shell/PageSpinner';
import { usePhone } from '../../../shell/use-phone';
import { useUnits } from '../../org/queries';
import { UnitTreeSelect } from '../../org/UnitTreeSelect';
import { CalibrationTab } from './CalibrationTab';
import { ConsensusTab } from './ConsensusTab';
import { CycleHeader } from './CycleHeader';
import { PayTab } from './PayTab';
import { useCycle } from './queries';
import { SheetsTab } from './SheetsTab';

/** /appraisal/cycles/:id: the cycle's phases, and its sheets, consensus, calibration and pay for the reader's scope (or one unit). */
export default function CyclePage() {
  const { t } = useTranslation();
  const user = useUser();
  const id = Number(useParams().id);
  const cycle = useCycle(id);
  const units = useUnits();
  const [unitId, setUnitId] = useState<number | undefined>(undefined);
  const [tab, setTab] = useState('sheets');
  const phone = usePhone();

  if (cycle.isLoading) return <PageSpinner />;
  if (!cycle.data) return <Alert type="error" showIcon title={cycle.error?.message ?? t('appraisal.cycle.notFound')} />;
  const c = cycle.data;

  const tabs = [
    { key: 'sheets', label: t('appraisal.cycle.tabSheets'), children: <SheetsTab cycle={c} unitId={unitId} assignOpen={stepOpen(c, 'assign')} /> },
    { key: 'consensus', label: t('appraisal.cycle.tabConsensus'), children: <ConsensusTab cycleId={c.id} unitId={unitId} /> },
    ...(userCanAtAll(user, 'appraisal.calibrate') ? [{ key: 'calibration', label: t('appraisal.cycle.tabCalibration'), children: <CalibrationTab cycle={c} unitId={unitId} /> }] : []),
    ...(userCanAtAll(user, 'appraisal.pay') ? [{ key: 'pay', label: t('appraisal.cycle.tabPay'), children: <PayTab cycle={c} unitId={unitId} /> }] : []),
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="appraisal-cycle">
      <Link to="/appraisal">
        <ArrowLeftOutlined /> {t('appraisal.cycles.title')}
      </Link>
      <CycleHeader cycle={c} />
      <Card size="small">
        <div style={{ maxWidth: 360, marginBottom: 8 }}>
          <UnitTreeSelect units={units.data ?? []} value={unitId ?? null} onChange={(v) => setUnitId(v ?? undefined)} allowClear placeholder={t('appraisal.cycle.allUnits')} testId="cycle-unit" />
        </div>
        {/* Four long tab names do not fit a phone's tab bar (antd hides the rest behind "…"): a stacked picker instead. */}
        {phone && (
          <Segmented
            orientation="vertical"
            block
            value={tab}
            onChange={(v) => setTab(String(v))}
            options={tabs.map((x) => ({ value: x.key, label: <span data-testid={`cycle-tab-${x.key}`}>{x.label}</span> }))}
            style={{ marginBottom: 12 }}
          />
        )}
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={tabs.map((x) => ({ ...x, label: <span data-testid={phone ? undefined : `cycle-tab-${x.key}`}>{x.label}</span> }))}
          destroyOnHidden
          {...(phone ? { renderTabBar: () => <></> } : {})}
        />
      </Card>
    </Space>
  );
}
