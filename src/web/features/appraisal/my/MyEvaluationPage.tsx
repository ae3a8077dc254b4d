import { Alert, Empty, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isLocked } from '../../../../core/appraisal/cycle';
import { AssessmentForm } from '../sheet/AssessmentForm';
import { useMySheets } from '../sheet/queries';
import { SheetView } from '../sheet/SheetView';
import { TargetActions } from '../sheet/TargetActions';
import type { SheetItemT, SheetT } from '../sheet/types';
import { QuickCheckIn } from './QuickCheckIn';

function itemActions(sheet: SheetT) {
  return (item: SheetItemT) => {
    const checkIn = item.kind === 'kpi' && item.kpiCode !== null && !isLocked(sheet.cycle);
    // KPI items keep their target buttons mounted: an open dialog outlives a refresh that takes its button away.
    if (item.kind !== 'kpi') return null;
    return (
      <Space wrap size={6}>
        <TargetActions sheet={sheet} item={item} />
        {checkIn && <QuickCheckIn kpiCode={item.kpiCode!} itemCode={item.code} />}
      </Space>
    );
  };
}

/** One of my sheets: the self-assessment form around it while that phase is open for me. */
function MySheet({ sheet }: { sheet: SheetT }) {
  const actions = itemActions(sheet);
  if (sheet.can.selfAssess)
    return <AssessmentForm sheet={sheet} mode="self">{(footer) => <SheetView sheet={sheet} own itemActions={actions} itemFooter={footer} />}</AssessmentForm>;
  return <SheetView sheet={sheet} own itemActions={actions} />;
}

/**
 * "Đánh giá của tôi": my sheets of the open (and published) cycles — what each target is and where its
 * agreement stands, where I am and what is still needed, a quick check-in, my self-assessment when that phase
 * is open, and after publishing my score, grade and both reviews. It shows me what my manager sees of me.
 */
export default function MyEvaluationPage() {
  const { t } = useTranslation();
  const sheets = useMySheets();
  return (
    <div data-testid="my-evaluation">
      <Typography.Title level={3}>{t('myEval.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('myEval.intro')}</Typography.Paragraph>
      {sheets.error ? (
        <Alert type="error" showIcon title={sheets.error.message} />
      ) : !sheets.data ? (
        <Spin style={{ display: 'block', margin: '48px auto' }} />
      ) : sheets.data.length === 0 ? (
        <Empty data-testid="my-evaluation-empty" description={t('myEval.empty')} />
      ) : (
        sheets.data.map((s) => <MySheet key={s.id} sheet={s} />)
      )}
    </div>
  );
}
