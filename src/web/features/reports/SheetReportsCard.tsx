import { Card, Empty, Form, Segmented, Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session';
import { useCycles, useCycleSheets } from '../appraisal/cycles/queries';
import { useUnits } from '../org/queries';
import { UnitTreeSelect } from '../org/UnitTreeSelect';
import { DownloadButtons } from './DownloadButtons';
import { reportUrls } from './report-urls';

/** Evaluation sheets of a cycle: one file per person, or a zip per unit (with its sub-units) — the sheets the reader may read. */
export function SheetReportsCard() {
  const { t } = useTranslation();
  const { lang: uiLang } = useSession();
  const cycles = useCycles();
  const units = useUnits();
  const withSheets = (cycles.data ?? []).filter((c) => c.sheets > 0);
  const [picked, setPicked] = useState<number | null>(null);
  const cycleId = picked ?? withSheets[0]?.id ?? null;
  const [unitId, setUnitId] = useState<number | null>(null);
  const [lang, setLang] = useState<string>(uiLang);
  return (
    <Card title={t('reports.sheets.title')} data-testid="report-sheets">
      {withSheets.length === 0 ? (
        <Empty description={t('reports.sheets.none')} />
      ) : (
        <>
          <Form layout="vertical" style={{ maxWidth: 560 }}>
            <Form.Item label={t('reports.sheets.cycle')}>
              <Select
                style={{ width: 'min(360px, 100%)' }}
                value={cycleId}
                onChange={setPicked}
                options={withSheets.map((c) => ({ value: c.id, label: c.name }))}
                data-testid="report-cycle"
              />
            </Form.Item>
            <Form.Item label={t('reports.unit')}>
              <div style={{ width: 'min(360px, 100%)' }}>
                <UnitTreeSelect units={units.data ?? []} value={unitId} onChange={setUnitId} allowClear placeholder={t('reports.sheets.allUnits')} testId="report-sheets-unit" />
              </div>
            </Form.Item>
            <Form.Item label={t('reports.language')}>
              <Segmented value={lang} onChange={(v) => setLang(String(v))} options={[{ value: 'vi', label: 'Tiếng Việt' }, { value: 'en', label: 'English' }]} />
            </Form.Item>
            <Form.Item label={t('reports.sheets.zip')}>
              <DownloadButtons url={(f) => (cycleId === null ? null : reportUrls.cycle(cycleId, unitId, f, lang))} fallbackName="phieu-danh-gia" kind="ZIP" testId="report-zip" />
            </Form.Item>
          </Form>
          {cycleId !== null && <PeopleList cycleId={cycleId} unitId={unitId} lang={lang} />}
        </>
      )}
    </Card>
  );
}

function PeopleList({ cycleId, unitId, lang }: { cycleId: number; unitId: number | null; lang: string }) {
  const { t } = useTranslation();
  const sheets = useCycleSheets(cycleId, unitId ?? undefined);
  return (
    <div data-testid="report-sheet-list">
      <Typography.Text strong>{t('reports.sheets.perPerson')}</Typography.Text>
      {sheets.isLoading && <Spin style={{ display: 'block', margin: 12 }} />}
      {(sheets.data?.items ?? []).map((s) => (
        <div key={s.id} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between', alignItems: 'center', padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
          <div style={{ minWidth: 0 }}>
            <Typography.Text>{s.personName}</Typography.Text>
            <br />
            <Typography.Text type="secondary">{s.unitName}</Typography.Text>
          </div>
          <DownloadButtons size="small" url={(f) => reportUrls.sheet(s.id, f, lang)} fallbackName={`sheet-${s.id}`} testId={`report-sheet-${s.id}`} />
        </div>
      ))}
    </div>
  );
}
