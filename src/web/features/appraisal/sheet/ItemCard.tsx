import { Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../session';
import { formatKpiValue } from '../../kpi/format-value';
import { AgreementHistory } from './AgreementHistory';
import { formatScore, formatWeight } from './format';
import type { SheetItemT } from './types';

const AGREED = new Set(['agreed', 'finalized']);

/** One label/value pair of the item's facts; the grid wraps them two or three per row on a phone. */
function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {label}
      </Typography.Text>
      <div data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </div>
    </div>
  );
}

function levelText(item: SheetItemT, rating: number | null, lang: 'vi' | 'en'): string {
  if (rating === null) return '—';
  const level = Number.isInteger(rating) ? item.levels?.[rating - 1]?.[lang] : undefined;
  return `${rating}/${item.scale ?? '?'}${level ? ` · ${level}` : ''}`;
}

/** A KPI's target: the value and, until it is agreed, a tag saying where the agreement stands. */
function TargetFact({ item }: { item: SheetItemT }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  return (
    <>
      <span>{formatKpiValue(item.target, item.unit, lang)}</span>{' '}
      <Tag color={AGREED.has(item.targetStatus) ? 'success' : item.targetStatus === 'none' ? 'default' : 'warning'} data-testid={`target-status-${item.code}`}>
        {t(`sheet.status.${item.targetStatus}`)}
      </Tag>
    </>
  );
}

function KpiFacts({ item }: { item: SheetItemT }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const v = (x: number | null | undefined) => formatKpiValue(x, item.unit, lang);
  const pace = item.pace;
  return (
    <>
      <Fact label={t('sheet.item.target')} testId={`item-target-${item.code}`}>
        <TargetFact item={item} />
      </Fact>
      <Fact label={t('sheet.item.actual')} testId={`item-actual-${item.code}`}>
        {v(item.actual)}
      </Fact>
      {pace && (
        <>
          <Fact label={t('sheet.item.forecast', { elapsed: formatScore(pace.elapsed, lang) })} testId={`item-forecast-${item.code}`}>
            {v(pace.forecast)}
          </Fact>
          <Fact label={t('sheet.item.stillNeeded')} testId={`item-needed-${item.code}`}>
            {pace.stillNeeded === null ? '—' : pace.stillNeeded <= 0 ? <Typography.Text type="success">{t('sheet.item.reached')}</Typography.Text> : v(pace.stillNeeded)}
          </Fact>
        </>
      )}
      <Fact label={t('sheet.item.achievement')} testId={`item-achievement-${item.code}`}>
        {formatScore(item.achievement, lang)}
      </Fact>
    </>
  );
}

interface Props {
  item: SheetItemT;
  /** Buttons under the facts (target steps, check-in). */
  actions?: ReactNode;
  /** Form fields at the bottom (self-assessment or manager review). */
  footer?: ReactNode;
}

/** One item of a sheet as a card: what it is, its weight, target and agreement, actual and pace, reviews, history. */
export function ItemCard({ item, actions, footer }: Props) {
  const { t } = useTranslation();
  const { lang } = useSession();
  return (
    <div data-testid={`sheet-item-${item.code}`} style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12, marginBottom: 12, minWidth: 0 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'baseline', justifyContent: 'space-between' }}>
        <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
          {item.name[lang]}
        </Typography.Text>
        <Typography.Text data-testid={`item-score-${item.code}`}>
          {t('sheet.item.score')}: <b>{formatScore(item.score, lang)}</b>
        </Typography.Text>
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, margin: '4px 0 8px' }}>
        <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
          {item.kpiCode ?? item.code}
        </Typography.Text>
        <Tag>{t('sheet.item.weight', { weight: formatWeight(item.weight, lang) })}</Tag>
        <Tag color={item.kind === 'kpi' ? 'blue' : 'purple'}>{item.kind === 'kpi' ? 'KPI' : t('sheet.item.rated', { scale: item.scale ?? '?' })}</Tag>
        {item.overridden && (
          <Tag color="orange" data-testid={`item-overridden-${item.code}`}>
            {item.extra ? t('sheet.item.extra') : t('sheet.item.overridden')}
          </Tag>
        )}
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: '8px 16px' }}>
        {item.kind === 'kpi' && <KpiFacts item={item} />}
        {item.kind === 'rated' && (
          <Fact label={t('sheet.item.scale')}>
            1–{item.scale}
          </Fact>
        )}
        {(item.selfRating !== null || item.selfComment) && (
          <Fact label={t('sheet.item.self')} testId={`item-self-${item.code}`}>
            {item.kind === 'rated' && <div>{levelText(item, item.selfRating, lang)}</div>}
            {item.selfComment && <Typography.Text italic>“{item.selfComment}”</Typography.Text>}
          </Fact>
        )}
        {(item.managerRating !== null || item.managerComment) && (
          <Fact label={t('sheet.item.manager')} testId={`item-manager-${item.code}`}>
            {item.kind === 'rated' && <div>{levelText(item, item.managerRating, lang)}</div>}
            {item.managerComment && <Typography.Text italic>“{item.managerComment}”</Typography.Text>}
          </Fact>
        )}
      </div>
      {actions && <div style={{ marginTop: 8 }}>{actions}</div>}
      <AgreementHistory item={item} />
      {footer && <div style={{ marginTop: 8 }}>{footer}</div>}
    </div>
  );
}
