import { expect } from 'vitest';
import { multipartFile } from '../helpers/multipart';
import type { MatrixArea } from './matrix-world';

const HEADER = 'id,customer,ordered_at,region,amount';

/**
 * Permission-matrix cases for the dataset routes (src/server/routes/datasets.ts). The admin imports `mx_orders` at
 * set-up, with the columns the query cases (matrix-dataset-queries.ts) ask for.
 */
export const datasetsArea: MatrixArea = {
  cases: {
    'GET /api/datasets': { succeeds: true, action: 'dataset.read', request: () => ({ method: 'GET', url: '/api/datasets' }) },
    'GET /api/datasets/{name}': { succeeds: true, action: 'dataset.read', request: () => ({ method: 'GET', url: '/api/datasets/mx_orders' }) },
    'GET /api/datasets/{name}/rows': { succeeds: true, action: 'dataset.read', request: () => ({ method: 'GET', url: '/api/datasets/mx_orders/rows?limit=5' }) },
    'POST /api/datasets/{name}/import/preview': {
      succeeds: true,
      action: 'dataset.manage',
      request: () => ({ method: 'POST', url: '/api/datasets/mx_orders/import/preview', ...multipartFile('file', 'o.csv', `${HEADER}\n99,c9,2026-01-05,Miền Nam,1\n`) }),
    },
    'POST /api/datasets/{name}/import': {
      succeeds: true,
      action: 'dataset.manage',
      request: (_w, _s, _k, n) => ({ method: 'POST', url: '/api/datasets/mx_orders/import', ...multipartFile('file', 'o.csv', `${HEADER}\n${1000 + n},c${n},2026-02-0${1 + (n % 9)},Miền Bắc,5\n`) }),
    },
  },
  async setup(admin) {
    const res = await admin.request({ method: 'POST', url: '/api/datasets/mx_orders/import', ...multipartFile('file', 'o.csv', `${HEADER}\n1,c1,2026-01-03,Miền Bắc,10\n2,c2,2026-01-04,Miền Nam,20\n`) } as never);
    expect(res.statusCode, res.body).toBe(200);
  },
};
