import { App, Form, Input, Modal, Select, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../lib/api-errors';
import { useSession } from '../../../session';
import { formatPercent } from './display';
import { useCalibrate } from './queries';
import type { CycleT, SheetSummaryT } from './types';

/** Changes one sheet's grade in calibration: a new grade from the cycle's bands and a reason (kept with before/after). */
export function CalibrateDialog({ cycle, sheet, onClose }: { cycle: CycleT; sheet: SheetSummaryT; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ grade?: string; reason?: string }>();
  const calibrate = useCalibrate();
  const showError = useShowError();

  const submit = async (v: { grade?: string; reason?: string }) => {
    try {
      await calibrate.mutateAsync({ sheetId: sheet.id, body: { grade: v.grade ?? '', reason: (v.reason ?? '').trim() } });
      void message.success(t('appraisal.calibration.saved'));
      onClose();
    } catch (e) {
      showError(e, form, ['grade', 'reason']);
    }
  };

  return (
    <Modal
      open
      title={t('appraisal.calibration.dialogTitle', { name: sheet.personName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('appraisal.calibration.calibrate')}
      cancelText={t('common.cancel')}
      confirmLoading={calibrate.isPending}
      okButtonProps={{ 'data-testid': 'calibrate-ok' } as ButtonProps}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t('appraisal.calibration.current', { score: formatPercent(sheet.score, lang), grade: sheet.grade ?? '—' })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <Form.Item name="grade" label={t('appraisal.calibration.newGrade')} rules={[{ required: true, message: t('common.required') }]}>
          <Select data-testid="calibrate-grade" options={cycle.bands.map((b) => ({ value: b.grade, label: b.grade }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('appraisal.calibration.reason')} rules={[{ required: true, whitespace: true, message: t('appraisal.calibration.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="calibrate-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
