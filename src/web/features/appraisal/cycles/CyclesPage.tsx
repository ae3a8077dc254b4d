import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Placeholder until the page lands. */
export default function CyclesPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('appraisal.nav')}</Typography.Title>;
}
