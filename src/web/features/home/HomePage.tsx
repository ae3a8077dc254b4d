import { ApartmentOutlined, IdcardOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { userCanAtAll, useUser } from '../../session';
import { usePerson, useUnits } from '../org/queries';
import { MyKpis } from '../results/MyKpis';
import { OverviewCards } from './OverviewCards';

/** Overview placeholder: greets the user; KPI summaries come later. */
export default function HomePage() {
  const { t } = useTranslation();
  const user = useUser();
  const person = usePerson(user.personId);
  const units = useUnits();
  const unitName = units.data?.find((u) => u.id === person.data?.unitId)?.name;

  return (
    <div data-testid="home-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('home.greeting', { name: user.name })}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12} xl={8}>
          <Card>
            <Statistic title={t('home.role')} value={t(`roles.${user.role}`)} prefix={<SafetyCertificateOutlined />} />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Card>
            <Statistic
              title={t('home.unit')}
              value={unitName ?? (user.personId === null ? t('home.noUnit') : '…')}
              prefix={<ApartmentOutlined />}
              data-testid="home-unit"
            />
          </Card>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Card>
            <Statistic title={t('home.email')} value={user.email} prefix={<IdcardOutlined />} />
          </Card>
        </Col>
      </Row>
      {userCanAtAll(user, 'target.set') && <OverviewCards />}
      <MyKpis />
    </div>
  );
}
