import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** A grade, with the grade before calibration struck through when calibration changed it. */
export function GradeCell({ grade, before }: { grade: string | null; before: string | null }) {
  const { t } = useTranslation();
  if (grade === null) return <>—</>;
  if (before === null || before === grade) return <Tag>{grade}</Tag>;
  return (
    <Tooltip title={t('appraisal.calibration.changedFrom', { before })}>
      <span data-testid="grade-calibrated">
        <s>{before}</s> → <Tag color="purple">{grade}</Tag>
      </span>
    </Tooltip>
  );
}
