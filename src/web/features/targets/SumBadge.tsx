import { CheckCircleFilled, WarningFilled } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session';
import { formatKpiValue } from '../kpi/format-value';
import { formatValueCompact } from '../results/display';
import { formatSignedCompact, type SumStatus } from './sum-status';

/** Green when a parent's children add up to its target; red with the difference otherwise. */
export function SumBadge({ status, unit, testId }: { status: SumStatus; unit: string | null | undefined; testId: string }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const detail = t('targets.sum.detail', { parent: formatKpiValue(status.parent, unit, lang), sum: formatKpiValue(status.childrenSum, unit, lang) });
  if (status.ok) {
    return (
      <Tooltip title={detail}>
        <Tag color="success" icon={<CheckCircleFilled />} data-testid={testId} data-status="ok">
          {t('targets.sum.ok', { sum: formatValueCompact(status.childrenSum, unit, lang) })}
        </Tag>
      </Tooltip>
    );
  }
  const diff = formatSignedCompact(status.difference, unit, lang);
  return (
    <Tooltip title={`${detail} · ${formatKpiValue(status.difference, unit, lang)}`}>
      <Tag color="error" icon={<WarningFilled />} data-testid={testId} data-status="mismatch">
        {t(status.difference < 0 ? 'targets.sum.over' : 'targets.sum.under', { diff })}
      </Tag>
    </Tooltip>
  );
}
