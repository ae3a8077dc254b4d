import { EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../../session';
import { CheckInForm } from '../../results/CheckInForm';
import { useActuals, useSeries } from '../../results/queries';
import { sheetKeys } from '../sheet/queries';

/** The KPI's own check-in form (results/CheckInForm), for the signed-in person's own scope. */
function CheckInBody({ kpiCode, personId }: { kpiCode: string; personId: number }) {
  const client = useQueryClient();
  const scope = `person:${personId}`;
  const series = useSeries(kpiCode, scope);
  const actuals = useActuals(kpiCode, scope);
  // A saved check-in reloads the actuals; the sheet's actual and scores move with it.
  const seen = useRef(0);
  useEffect(() => {
    if (seen.current !== 0 && actuals.dataUpdatedAt !== seen.current) void client.invalidateQueries({ queryKey: sheetKeys.all });
    seen.current = actuals.dataUpdatedAt;
  }, [actuals.dataUpdatedAt, client]);
  if (series.error) return <Alert type="error" showIcon title={series.error.message} />;
  if (!series.data) return <Spin style={{ display: 'block', margin: '24px auto' }} />;
  return <CheckInForm kpi={series.data.kpi} scope={{ type: 'person', id: personId }} today={series.data.today} actuals={actuals.data ?? []} />;
}

/** "Cập nhật kết quả" on a KPI item of my sheet: a dialog with the KPI's check-in form. */
export function QuickCheckIn({ kpiCode, itemCode }: { kpiCode: string; itemCode: string }) {
  const { t } = useTranslation();
  const user = useUser();
  const [open, setOpen] = useState(false);
  if (user.personId === null) return null;
  return (
    <>
      <Button size="small" icon={<EditOutlined />} onClick={() => setOpen(true)} data-testid={`checkin-open-${itemCode}`}>
        {t('myEval.checkIn')}
      </Button>
      <Modal open={open} onCancel={() => setOpen(false)} footer={null} title={t('myEval.checkInTitle')} destroyOnHidden>
        <CheckInBody kpiCode={kpiCode} personId={user.personId} />
      </Modal>
    </>
  );
}
