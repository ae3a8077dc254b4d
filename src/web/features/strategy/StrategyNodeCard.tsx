import { Card, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { KPI_LEVEL_LABELS } from '../../../core/kpi/labels';
import { useSession } from '../../session';
import { formatKpiValue } from '../kpi/format-value';
import { kpiName } from '../kpi/KpiStatusTag';
import { labelOf } from '../kpi/labels';
import { formatAchievement, formatValueCompact, formatValuePair, RAG_BG, RAG_COLOR, ragOf } from '../results/display';
import type { StrategyNodeT } from '../results/types';

const LEVEL_COLOR: Record<string, string> = { strategic: 'purple', tactical: 'blue', operational: 'cyan' };

/** One KPI of the map: actual, target, achievement and RAG colour; its children hang below it. */
export function StrategyNodeCard({ node, depth }: { node: StrategyNodeT; depth: number }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const rag = ragOf(node.status);
  const rolled = ragOf(node.rolledStatus);
  // Enough decimals to see why 4,985 tỷ against 5 tỷ is amber.
  const [actualText, targetText] = formatValuePair(node.actual, node.target, node.unit, lang);
  return (
    <div style={{ marginLeft: depth === 0 ? 0 : 14, borderLeft: depth === 0 ? undefined : '2px solid #e8e8e8', paddingLeft: depth === 0 ? 0 : 10 }}>
      <Link to={`/kpis/${encodeURIComponent(node.code)}`} data-testid={`map-node-${node.code}`} data-status={rag} data-actual={node.actual ?? ''}>
        <Card
          size="small"
          hoverable
          style={{ marginBottom: 8, borderLeft: `5px solid ${RAG_COLOR[rag]}`, background: RAG_BG[rag] }}
          styles={{ body: { padding: '8px 10px' } }}
        >
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 6, alignItems: 'baseline' }}>
            <Tag color={LEVEL_COLOR[node.level] ?? 'default'} style={{ marginInlineEnd: 0 }}>
              {labelOf(KPI_LEVEL_LABELS, node.level, lang)}
            </Tag>
            <Typography.Text strong style={{ color: RAG_COLOR[rag], fontSize: depth === 0 ? 20 : 16 }} data-testid={`map-achievement-${node.code}`}>
              {formatAchievement(node.achievement, lang)}
            </Typography.Text>
          </div>
          <Typography.Paragraph strong={depth === 0} style={{ margin: '4px 0 2px', lineHeight: 1.3 }} ellipsis={{ rows: 2, tooltip: true }}>
            {kpiName({ name: node.name, nameEn: node.nameEn ?? undefined }, lang)}
          </Typography.Paragraph>
          <Tooltip title={`${t('results.actual')}: ${formatKpiValue(node.actual, node.unit, lang)} · ${t('results.target')}: ${formatKpiValue(node.target, node.unit, lang)}`}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('results.actual')}{' '}
              <b style={{ color: '#262626' }} data-testid={`map-actual-${node.code}`}>
                {actualText}
              </b>{' '}
              / {t('results.target')} <span data-testid={`map-target-${node.code}`}>{targetText}</span>
            </Typography.Text>
          </Tooltip>
          {node.inProgress && node.expected !== null && node.actual !== null && (
            <div style={{ fontSize: 12, color: '#0958d9' }} data-testid={`map-expected-${node.code}`}>
              {t('numbers.expectedValue', { value: formatValueCompact(node.expected, node.unit, lang) })}
            </div>
          )}
          {node.rolledScore !== null && node.children.length > 0 && (
            <div style={{ fontSize: 12, color: RAG_COLOR[rolled] }}>{t('strategy.rolled', { score: formatAchievement(node.rolledScore, lang) })}</div>
          )}
          {node.weight !== null && depth > 0 && (
            <div style={{ fontSize: 11, color: '#8c8c8c' }}>{t('strategy.weight', { weight: formatAchievement(node.weight, lang) })}</div>
          )}
        </Card>
      </Link>
      {node.children.map((c) => (
        <StrategyNodeCard key={c.code} node={c} depth={depth + 1} />
      ))}
    </div>
  );
}
