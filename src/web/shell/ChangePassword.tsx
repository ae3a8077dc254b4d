import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal, type ButtonProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '../../core/auth/password-policy';
import { api } from '../api';
import { useShowError } from '../lib/api-errors';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** "Đổi mật khẩu" in the user menu: `open()` shows a dialog asking the current password, then the new one twice. Other sessions of the user end. */
export function useChangePassword(): { open(): void; dialog: ReactNode } {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const showError = useShowError();
  const { message } = App.useApp();
  const change = useMutation({
    mutationFn: (v: Values) => api('POST', '/api/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onSuccess: () => {
      setOpen(false);
      form.resetFields();
      void message.success(t('account.passwordChanged'));
    },
    onError: (e) => showError(e, form, ['currentPassword', 'newPassword']),
  });

  const dialog = (
    <Modal
      open={open}
      title={t('account.changePassword')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      onCancel={() => setOpen(false)}
      forceRender
      okButtonProps={{ 'data-testid': 'change-password-save' } as ButtonProps}
    >
      <Form form={form} layout="vertical" onFinish={(v) => change.mutate(v)}>
        <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.Password autoComplete="current-password" data-testid="current-password" />
        </Form.Item>
        <NewPasswordFields />
      </Form>
    </Modal>
  );
  return { open: () => setOpen(true), dialog };
}

/** New password and its confirmation (at least 12 characters, both the same); also used by the reset page. */
export function NewPasswordFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="newPassword" label={t('account.newPassword')} rules={[{ required: true, min: MIN_PASSWORD_LENGTH, message: t('account.passwordMin', { min: MIN_PASSWORD_LENGTH }) }]}>
        <Input.Password autoComplete="new-password" data-testid="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('account.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('common.required') },
          ({ getFieldValue }) => ({
            validator: (_, v) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('account.passwordMismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="confirm-password" />
      </Form.Item>
    </>
  );
}
