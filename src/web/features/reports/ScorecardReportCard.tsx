import { Card, Checkbox, Form, Segmented, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session';
import { usePeople, useUnits } from '../org/queries';
import { UnitTreeSelect } from '../org/UnitTreeSelect';
import { currentMonthKey, PeriodPicker } from '../results/PeriodPicker';
import { DownloadButtons } from './DownloadButtons';
import { reportUrls, type ReportScope } from './report-urls';

type Kind = ReportScope['type'];

/** Scorecard report: scope (company, a unit with or without its sub-units, a person), period, language → XLSX or PDF. */
export function ScorecardReportCard() {
  const { t } = useTranslation();
  const { lang: uiLang } = useSession();
  const [kind, setKind] = useState<Kind>('company');
  const [unitId, setUnitId] = useState<number | null>(null);
  const [tree, setTree] = useState(true);
  const [personId, setPersonId] = useState<number | null>(null);
  const [period, setPeriod] = useState(currentMonthKey());
  const [lang, setLang] = useState<string>(uiLang);
  const units = useUnits();
  const people = usePeople({ limit: 500, offset: 0 }, kind === 'person');

  const scope: ReportScope | null =
    kind === 'company' ? { type: 'company' } : kind === 'unit' ? (unitId === null ? null : { type: 'unit', id: unitId, tree }) : personId === null ? null : { type: 'person', id: personId };

  return (
    <Card title={t('reports.scorecard.title')} data-testid="report-scorecard">
      <Form layout="vertical" style={{ maxWidth: 560 }}>
        <Form.Item label={t('reports.scope')}>
          <Segmented<Kind>
            value={kind}
            onChange={setKind}
            options={(['company', 'unit', 'person'] as const).map((k) => ({ value: k, label: t(`reports.scopeKind.${k}`) }))}
            data-testid="report-scope-kind"
          />
        </Form.Item>
        {kind === 'unit' && (
          <Form.Item label={t('reports.unit')}>
            <div style={{ width: 'min(360px, 100%)' }}>
              <UnitTreeSelect units={units.data ?? []} value={unitId} onChange={setUnitId} testId="report-unit" />
            </div>
            <Checkbox checked={tree} onChange={(e) => setTree(e.target.checked)} style={{ marginTop: 8 }} data-testid="report-tree">
              {t('reports.includeSubUnits')}
            </Checkbox>
          </Form.Item>
        )}
        {kind === 'person' && (
          <Form.Item label={t('reports.person')}>
            <Select
              showSearch
              optionFilterProp="label"
              style={{ width: 'min(360px, 100%)' }}
              value={personId}
              onChange={setPersonId}
              loading={people.isLoading}
              options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: p.email ? `${p.fullName} (${p.email})` : p.fullName }))}
              data-testid="report-person"
            />
          </Form.Item>
        )}
        <Form.Item label={t('reports.period')}>
          <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
            <PeriodPicker value={period} onChange={setPeriod} testId="report-period" />
          </div>
        </Form.Item>
        <Form.Item label={t('reports.language')}>
          <Segmented value={lang} onChange={(v) => setLang(String(v))} options={[{ value: 'vi', label: 'Tiếng Việt' }, { value: 'en', label: 'English' }]} data-testid="report-lang" />
        </Form.Item>
        <DownloadButtons url={(f) => (scope ? reportUrls.scorecard(period, scope, f, lang) : null)} fallbackName={`scorecard-${period}`} testId="report-scorecard" />
      </Form>
    </Card>
  );
}
