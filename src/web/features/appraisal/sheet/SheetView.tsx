import { Card, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../session';
import { formatScore, formatWeight } from './format';
import { ItemCard } from './ItemCard';
import { SheetHeader } from './SheetHeader';
import type { SheetItemT, SheetT } from './types';

interface Props {
  sheet: SheetT;
  /** The signed-in person's own sheet (their page speaks to them, not about them). */
  own: boolean;
  headerExtra?: ReactNode;
  itemActions?: (item: SheetItemT) => ReactNode;
  itemFooter?: (item: SheetItemT) => ReactNode;
}

/**
 * One evaluation sheet, the same for the person and for their manager: the header, then each group with its
 * weight and score and its items as cards (cards rather than a wide table, so a phone reads it without scrolling sideways).
 */
export function SheetView({ sheet, own, headerExtra, itemActions, itemFooter }: Props) {
  const { t } = useTranslation();
  const { lang } = useSession();
  return (
    <div data-testid={`sheet-${sheet.id}`}>
      <SheetHeader sheet={sheet} own={own} extra={headerExtra} />
      {sheet.groups.map((g) => (
        <Card
          key={g.code}
          size="small"
          style={{ marginBottom: 12 }}
          data-testid={`sheet-group-${g.code}`}
          title={
            <span style={{ whiteSpace: 'normal' }}>
              {g.name[lang]} <Tag style={{ marginInlineStart: 6 }}>{formatWeight(g.weight, lang)}</Tag>
              {g.overridden && <Tag color="orange">{t('sheet.item.overridden')}</Tag>}
            </span>
          }
          extra={
            g.score !== null && (
              <Typography.Text data-testid={`group-score-${g.code}`}>
                {t('sheet.item.score')}: <b>{formatScore(g.score, lang)}</b>
              </Typography.Text>
            )
          }
        >
          {sheet.items
            .filter((i) => i.group === g.code)
            .map((item) => (
              <ItemCard key={item.id} item={item} actions={itemActions?.(item)} footer={itemFooter?.(item)} />
            ))}
        </Card>
      ))}
    </div>
  );
}
