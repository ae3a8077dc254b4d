import { Spin } from 'antd';

export function PageSpinner() {
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: 240 }} data-testid="page-loading">
      <Spin size="large" />
    </div>
  );
}
