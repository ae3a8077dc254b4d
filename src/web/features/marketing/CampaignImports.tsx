import { useQueryClient } from '@tanstack/react-query';
import { Card, DatePicker, Form, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session';
import { CsvImport } from './CsvImport';
import { importResults, importSurvey, marketingKeys, type CampaignT } from './marketing-api';

/** The campaign's two file imports: monthly results per channel, and survey respondents (before or after). */
export function CampaignImports({ campaign }: { campaign: CampaignT }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const client = useQueryClient();
  const [phase, setPhase] = useState<'before' | 'after'>('after');
  const [takenOn, setTakenOn] = useState<string | null>(null);
  const started = campaign.status === 'running' || campaign.status === 'ended';
  const refresh = () => client.invalidateQueries({ queryKey: marketingKeys.campaign(campaign.id) });

  return (
    <Card title={t('marketing.import.title')} style={{ marginBottom: 16 }}>
      {started && (
        <CsvImport
          testId="results-import"
          hint={t('marketing.import.resultsHint')}
          upload={async (file) => {
            const r = await importResults(campaign.id, file, lang);
            await refresh();
            return r;
          }}
          done={(r) => t('marketing.import.resultsDone', { n: r.written })}
        />
      )}
      <div style={{ marginTop: started ? 24 : 0 }}>
        <CsvImport
          testId="survey-import"
          hint={t('marketing.import.surveyHint')}
          extra={
            <Form layout="inline" style={{ marginBottom: 8, rowGap: 8 }}>
              <Form.Item label={t('marketing.surveyPhase')}>
                <Select value={phase} onChange={setPhase} style={{ width: 110 }} data-testid="survey-import-phase" options={[{ value: 'before', label: t('marketing.phase.before') }, { value: 'after', label: t('marketing.phase.after') }]} />
              </Form.Item>
              <Form.Item label={t('marketing.takenOn')} style={{ minWidth: 200 }}>
                <DatePicker
                  format="DD/MM/YYYY"
                  value={takenOn ? dayjs(takenOn) : null}
                  onChange={(d) => setTakenOn(d ? d.format('YYYY-MM-DD') : null)}
                  data-testid="survey-import-date"
                />
              </Form.Item>
            </Form>
          }
          upload={async (file) => {
            const r = await importSurvey(campaign.id, phase, takenOn ?? '', file, lang);
            await client.invalidateQueries({ queryKey: marketingKeys.awareness(campaign.id) });
            return r;
          }}
          done={(r) => {
            const s = phase === 'before' ? r.before : r.after;
            return t('marketing.import.surveyDone', { aware: s?.aware ?? 0, asked: s?.asked ?? 0 });
          }}
        />
      </div>
    </Card>
  );
}
