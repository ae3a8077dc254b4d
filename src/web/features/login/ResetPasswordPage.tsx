import { Alert, Button, Card, Form, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ApiError, api } from '../../api';
import { LanguageSwitch } from '../../shell/LanguageSwitch';
import { NewPasswordFields } from '../../shell/ChangePassword';

/** Opened from a reset link an admin handed over (`/reset-password#<token>`; the token never reaches server logs). */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const token = hash.replace(/^#/, '');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (v: { newPassword: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api('POST', '/api/auth/reset', { token, newPassword: v.newPassword });
      setDone(true);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errors.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', padding: 16, background: 'linear-gradient(135deg, #eef4ff 0%, #f7f9fc 100%)' }}>
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('account.resetTitle')}
        </Typography.Title>
        {done ? (
          <>
            <Alert type="success" showIcon title={t('account.resetDone')} style={{ marginBottom: 16 }} data-testid="reset-done" />
            <Link to="/login" data-testid="reset-to-login">
              {t('login.submit')}
            </Link>
          </>
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('account.resetIntro')}</Typography.Paragraph>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="reset-error" />}
            <Form layout="vertical" onFinish={(v: { newPassword: string }) => void submit(v)} requiredMark={false}>
              <NewPasswordFields />
              <Button type="primary" htmlType="submit" block loading={busy} disabled={!token} data-testid="reset-submit">
                {t('account.resetSubmit')}
              </Button>
            </Form>
          </>
        )}
      </Card>
    </div>
  );
}
