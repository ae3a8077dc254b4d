import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_PLAN_STATUS_LABELS } from '../../../core/diagnostics';
import { periodContaining, previousPeriod } from '../../../core/period';
import { query } from '../../api';
import { useSession } from '../../session';
import { downloadFile } from '../appraisal/cycles/download';
import { useUnits } from '../org/queries';
import { UnitTreeSelect } from '../org/UnitTreeSelect';
import { PeriodPicker } from '../results/PeriodPicker';
import { browserToday } from '../results/periods';
import { MissList } from './MissList';
import { usePareto } from './queries';
import { ddmmyyyy, type ParetoT, type ScopeT } from './types';
import { ExportTable } from '../../shell/ExportTable';

const ParetoChart = lazy(() => import('./ParetoChart'));

/** /diagnostics — why KPIs were missed: the Pareto of reasons per unit and period, the KPIs behind each bar, open action plans, the red KPIs to explain. */
export default function DiagnosticsPage() {
  const { t } = useTranslation();
  const { lang } = useSession();
  const { message } = App.useApp();
  const [period, setPeriod] = useState(() => previousPeriod(periodContaining(browserToday(), 'month')).key);
  const [unit, setUnit] = useState<number | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const units = useUnits();
  const pareto = usePareto(period, unit);
  const scope: ScopeT = unit === null ? { type: 'company', id: null } : { type: 'unit', id: unit };
  const bars = pareto.data?.bars ?? [];
  const behind = bars.filter((b) => reason === null || b.reason === reason).flatMap((b) => b.kpis.map((k) => ({ ...k, reason: b.label[lang], key: `${b.reason}|${k.code}|${k.scope.type}:${k.scope.id}` })));
  const scopeName = (s: { type: string }, name: string) => (s.type === 'company' ? t('diagnostics.company') : name);
  const download = () => downloadFile(`/api/diagnostics/pareto.xlsx${query({ period, unit, lang })}`, `pareto-${period}.xlsx`).catch((e: Error) => message.error(e.message));

  return (
    <div data-testid="diagnostics-page" style={{ minWidth: 0 }}>
      <Typography.Title level={3}>{t('diagnostics.title')}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <PeriodPicker value={period} onChange={(p) => { setPeriod(p); setReason(null); }} testId="diagnostics-period" />
        <div style={{ width: 'min(280px, calc(100vw - 48px))' }}>
          <UnitTreeSelect units={units.data ?? []} value={unit} onChange={(u) => { setUnit(u); setReason(null); }} allowClear placeholder={t('diagnostics.company')} testId="diagnostics-unit" />
        </div>
        <Button icon={<DownloadOutlined />} onClick={() => void download()} data-testid="diagnostics-xlsx">
          XLSX
        </Button>
      </Space>
      {pareto.error && <Alert type="error" showIcon title={pareto.error.message} style={{ marginBottom: 12 }} />}
      <Card size="small" title={t('diagnostics.pareto')} style={{ marginBottom: 12 }} data-testid="pareto-card"
        extra={pareto.data && <Typography.Text type="secondary">{t('diagnostics.total', { count: pareto.data.total })}</Typography.Text>}>
        {bars.length === 0 ? (
          <Empty description={t('diagnostics.noReasons')} />
        ) : (
          <>
            <Suspense fallback={<div style={{ height: 320 }} />}>
              <ParetoChart bars={bars} selected={reason} onSelect={(r) => setReason((cur) => (cur === r ? null : r))} />
            </Suspense>
            <Space wrap size={4} style={{ marginTop: 8 }} data-testid="pareto-vital">
              <Typography.Text strong>{t('diagnostics.vitalFew')}:</Typography.Text>
              {bars.filter((b) => b.vital).map((b) => (
                <Tag key={b.reason} color="red" style={{ cursor: 'pointer', whiteSpace: 'normal' }} onClick={() => setReason(b.reason)}>
                  {b.label[lang]} · {b.count}
                </Tag>
              ))}
            </Space>
          </>
        )}
      </Card>
      {bars.length > 0 && (
        <Card size="small" style={{ marginBottom: 12 }} data-testid="pareto-kpis"
          title={reason ? `${t('diagnostics.kpisBehind')}: ${bars.find((b) => b.reason === reason)?.label[lang] ?? ''}` : t('diagnostics.kpisBehindAll')}
          extra={reason && <Button size="small" type="link" onClick={() => setReason(null)}>{t('diagnostics.showAll')}</Button>}>
          <ExportTable exportName="kpis-behind-reason" size="small" rowKey="key" dataSource={behind} pagination={false} scroll={{ x: 'max-content' }}
            columns={[
              { title: t('diagnostics.reason'), dataIndex: 'reason' },
              { title: 'KPI', dataIndex: 'code' },
              { title: t('diagnostics.name'), dataIndex: 'name', render: (n: string, k) => (lang === 'en' ? (k.nameEn ?? n) : n) },
              { title: t('diagnostics.scope'), dataIndex: 'scopeName', render: (n: string, k) => scopeName(k.scope, n) },
              { title: t('diagnostics.count'), dataIndex: 'count', align: 'right' },
            ]} />
        </Card>
      )}
      <OpenPlans plans={pareto.data?.plans ?? []} scopeName={scopeName} />
      <MissList period={period} scope={scope} />
    </div>
  );
}

function OpenPlans({ plans, scopeName }: { plans: ParetoT['plans']; scopeName(s: { type: string }, n: string): string }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  return (
    <Card size="small" title={t('diagnostics.openPlans')} style={{ marginBottom: 12 }} data-testid="open-plans">
      <ExportTable exportName="action-plans" size="small" rowKey="id" dataSource={plans} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: t('diagnostics.noPlans') }}
        columns={[
          { title: 'KPI', dataIndex: 'kpi' },
          { title: t('diagnostics.scope'), dataIndex: 'scopeName', render: (n: string, p) => scopeName(p.scope, n) },
          { title: t('diagnostics.periodCol'), dataIndex: 'period' },
          { title: t('diagnostics.plan.action'), dataIndex: 'action', width: 260 },
          { title: t('diagnostics.plan.owner'), dataIndex: 'ownerName' },
          { title: t('diagnostics.plan.due'), dataIndex: 'dueOn', render: (d: string | null) => ddmmyyyy(d) },
          { title: t('diagnostics.plan.status'), dataIndex: 'status', render: (s: keyof typeof ACTION_PLAN_STATUS_LABELS) => <Tag color={s === 'in_progress' ? 'processing' : 'default'}>{ACTION_PLAN_STATUS_LABELS[s][lang]}</Tag> },
        ]} />
    </Card>
  );
}
