import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** "Đang diễn ra / In progress": the period has not ended, amounts are judged against what is expected by today. */
export function InProgressTag({ days, testId = 'in-progress' }: { days?: { elapsed: number; total: number } | undefined; testId?: string }) {
  const { t } = useTranslation();
  const hint = days ? t('numbers.inProgressHint', days) : t('numbers.periodInProgress');
  return (
    <Tooltip title={hint}>
      <Tag color="processing" icon={<ClockCircleOutlined />} style={{ marginInlineEnd: 0 }} data-testid={testId}>
        {t('numbers.inProgress')}
      </Tag>
    </Tooltip>
  );
}
