import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUser, userCanAtAll } from '../../session';
import { SubscriptionsCard } from '../subscriptions/SubscriptionsCard';
import { ScorecardReportCard } from './ScorecardReportCard';
import { SheetReportsCard } from './SheetReportsCard';

/** /reports — scorecard and evaluation reports as XLSX and PDF, and report subscriptions. */
export default function ReportsPage() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <div data-testid="reports-page">
      <Typography.Title level={3}>{t('reports.title')}</Typography.Title>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <ScorecardReportCard />
        {userCanAtAll(user, 'appraisal.read') && <SheetReportsCard />}
        <SubscriptionsCard />
      </Space>
    </div>
  );
}
