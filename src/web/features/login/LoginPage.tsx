import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api';
import { useSession } from '../../session';
import { LanguageSwitch } from '../../shell/LanguageSwitch';

interface LoginForm {
  email: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { login } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      await login(values.email.trim(), values.password);
      void navigate('/', { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errors.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: 'linear-gradient(135deg, #eef4ff 0%, #f7f9fc 100%)' }}>
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Card style={{ width: 400, boxShadow: '0 8px 24px rgba(31,111,235,0.08)' }}>
        <Typography.Title level={2} style={{ marginBottom: 0, color: '#1f6feb' }}>
          OpenKPI
        </Typography.Title>
        <Typography.Paragraph type="secondary" data-testid="tagline">
          {t('login.tagline')}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form<LoginForm> layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item name="email" label={t('login.email')} rules={[{ required: true, message: t('login.emailRequired') }]}>
            <Input prefix={<MailOutlined />} autoComplete="username" placeholder="ten@congty.vn" data-testid="login-email" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
