import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Placeholder until the page lands. */
export default function SheetPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('myEval.nav')}</Typography.Title>;
}
