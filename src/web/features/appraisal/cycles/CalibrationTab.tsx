import { Alert, Button, Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stepOpen } from '../../../../core/appraisal/cycle';
import { formatDateTime } from '../../../lib/format';
import { userCan, useSession, useUser } from '../../../session';
import { PageSpinner } from '../../../shell/PageSpinner';
import { CalibrateDialog } from './CalibrateDialog';
import { formatPercent, formatSignedPercent } from './display';
import { GradeCell } from './GradeCell';
import { useCalibration, useCycleSheets } from './queries';
import type { CalibrationT, CycleT, SheetSummaryT } from './types';
import { ExportTable } from '../../../shell/ExportTable';

const GradeChart = lazy(() => import('./GradeChart'));

type Reviewer = CalibrationT['reviewers'][number];
type Change = CalibrationT['changes'][number];

/** Grade distribution vs the target with the server's warnings, reviewers' leniency, the changes log, and a "calibrate" action per sheet. */
export function CalibrationTab({ cycle, unitId }: { cycle: CycleT; unitId: number | undefined }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const user = useUser();
  const calibration = useCalibration(cycle.id, true, unitId);
  const sheets = useCycleSheets(cycle.id, unitId);
  const [calibrating, setCalibrating] = useState<SheetSummaryT | null>(null);
  const open = stepOpen(cycle, 'calibrate');
  const mayCalibrate = (s: SheetSummaryT) => open && s.personId !== user.personId && userCan(user, 'appraisal.calibrate', { scope: 'person', personId: s.personId, unitId: s.unitId });
  const data = calibration.data;

  if (calibration.error) return <Alert type="error" showIcon title={calibration.error.message} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="calibration-tab">
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('appraisal.calibration.distribution')}>
            {data && data.distribution.length > 0 ? (
              <Suspense fallback={<PageSpinner />}>
                <GradeChart distribution={data.distribution} />
              </Suspense>
            ) : (
              <Typography.Text type="secondary">{t('appraisal.calibration.noScores')}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space size="large" wrap>
              <Statistic title={t('appraisal.calibration.people')} value={data?.people ?? 0} loading={calibration.isFetching} />
              <Statistic title={t('appraisal.calibration.companyMean')} value={formatPercent(data?.companyMean ?? null, lang)} />
            </Space>
            {(data?.warnings ?? []).length > 0 ? (
              <Alert type="warning" showIcon data-testid="calibration-warnings" title={t('appraisal.calibration.warnings')} description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{data!.warnings.map((w) => <li key={w}>{w}</li>)}</ul>} />
            ) : (
              data && <Alert type="success" showIcon title={t('appraisal.calibration.noWarnings')} />
            )}
          </Space>
        </Col>
      </Row>
      <Typography.Title level={5}>{t('appraisal.calibration.reviewers')}</Typography.Title>
      <ExportTable<Reviewer> exportName="calibration-reviewers"
        data-testid="calibration-reviewers"
        rowKey="reviewerId"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={data?.reviewers ?? []}
        columns={[
          { title: t('appraisal.calibration.reviewer'), dataIndex: 'name' },
          { title: t('appraisal.calibration.count'), dataIndex: 'count', align: 'right' },
          { title: t('appraisal.calibration.mean'), dataIndex: 'mean', align: 'right', render: (v: number) => formatPercent(v, lang) },
          { title: t('appraisal.calibration.leniency'), dataIndex: 'leniency', align: 'right', render: (v: number) => formatSignedPercent(v, lang) },
        ]}
      />
      <Typography.Title level={5}>{t('appraisal.calibration.sheets')}</Typography.Title>
      <ExportTable<SheetSummaryT> exportName="calibration-sheets"
        data-testid="calibration-sheets"
        rowKey="id"
        size="small"
        loading={sheets.isFetching}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        dataSource={sheets.data?.items ?? []}
        columns={[
          { title: t('appraisal.sheets.person'), dataIndex: 'personName' },
          { title: t('appraisal.calibration.reviewer'), dataIndex: 'reviewerName', render: (n: string | null) => n ?? '—' },
          { title: t('appraisal.sheets.score'), dataIndex: 'score', align: 'right', render: (v: number | null) => formatPercent(v, lang) },
          { title: t('appraisal.sheets.grade'), key: 'grade', render: (_, s) => <GradeCell grade={s.grade} before={s.gradeBeforeCalibration} /> },
          {
            title: '',
            key: 'calibrate',
            render: (_, s) =>
              mayCalibrate(s) ? (
                <Button size="small" onClick={() => setCalibrating(s)} data-testid={`calibrate-${s.id}`}>
                  {t('appraisal.calibration.calibrate')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Typography.Title level={5}>{t('appraisal.calibration.changes')}</Typography.Title>
      <ExportTable<Change> exportName="calibration-changes"
        data-testid="calibration-changes"
        rowKey={(c) => `${c.sheetId}-${c.at}`}
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={data?.changes ?? []}
        locale={{ emptyText: t('appraisal.calibration.noChanges') }}
        columns={[
          { title: t('appraisal.calibration.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v, lang) },
          { title: t('appraisal.sheets.person'), dataIndex: 'personName' },
          { title: t('appraisal.sheets.score'), dataIndex: 'score', align: 'right', render: (v: number | null) => formatPercent(v, lang) },
          { title: t('appraisal.calibration.change'), key: 'change', render: (_, c) => `${c.beforeGrade ?? '—'} → ${c.afterGrade}` },
          { title: t('appraisal.calibration.reason'), dataIndex: 'reason' },
          { title: t('appraisal.calibration.by'), dataIndex: 'actorName' },
        ]}
      />
      {calibrating && <CalibrateDialog cycle={cycle} sheet={calibrating} onClose={() => setCalibrating(null)} />}
    </Space>
  );
}
