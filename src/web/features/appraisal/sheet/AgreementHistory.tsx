import { Collapse, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { useSession } from '../../../session';
import { formatKpiValue } from '../../kpi/format-value';
import type { SheetItemT } from './types';

/** Every step of an item's target agreement, oldest first: who, when, what value, why. */
export function AgreementHistory({ item }: { item: SheetItemT }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  if (item.agreement.length === 0) return null;
  return (
    <Collapse
      size="small"
      ghost
      style={{ marginTop: 4 }}
      items={[
        {
          key: 'history',
          label: t('sheet.history.title', { count: item.agreement.length }),
          children: (
            <ol style={{ margin: 0, paddingLeft: 20 }} data-testid={`agreement-history-${item.code}`}>
              {item.agreement.map((v) => (
                <li key={v.version} style={{ marginBottom: 6, overflowWrap: 'anywhere' }} data-testid={`agreement-step-${item.code}-${v.version}`}>
                  <Typography.Text strong>{t(`sheet.action.${v.action}`)}</Typography.Text>
                  {v.value !== null && <> · {formatKpiValue(v.value, item.unit, lang)}</>} · <Tag style={{ marginInlineEnd: 0 }}>{t(`sheet.status.${v.status}`)}</Tag>
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {v.actorName}, {formatDateTime(v.at, lang)}
                  </Typography.Text>
                  {v.reason && (
                    <>
                      <br />
                      <Typography.Text italic>“{v.reason}”</Typography.Text>
                    </>
                  )}
                </li>
              ))}
            </ol>
          ),
        },
      ]}
    />
  );
}
