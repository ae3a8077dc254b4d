import { UploadOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

const NAME = /^[a-z][a-z0-9_]{0,39}$/;

/** Asks for the name of a new dataset, then opens its import page. */
export function NewImportButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  return (
    <>
      <Button type="primary" icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid="datasets-new">
        {t('datasets.import.new')}
      </Button>
      <Modal
        open={open}
        title={t('datasets.import.newTitle')}
        okText={t('datasets.import.continue')}
        cancelText={t('common.cancel')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'datasets-new-ok' } as Record<string, string>}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void navigate(`/datasets/${v.name}/import`)}>
          <Form.Item
            name="name"
            label={t('datasets.import.name')}
            extra={t('datasets.import.nameHelp')}
            rules={[{ required: true, message: t('common.required') }, { pattern: NAME, message: t('datasets.import.nameInvalid') }]}
          >
            <Input autoFocus placeholder="don_hang" data-testid="datasets-new-name" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
