import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Placeholder until the page lands. */
export default function MyEvaluationPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('myEval.nav')}</Typography.Title>;
}
