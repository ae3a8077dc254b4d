import { join } from 'node:path';
import { ROOT } from '../../config';

/** The demo company lives in one KPI-as-code file: org chart, people and the full KPI set. */
export const DEMO_FILE = join(ROOT, 'examples', 'demo-company.yaml');

export const DEMO_PASSWORD = 'openkpi-demo';

/** Demo people who get a login (password: DEMO_PASSWORD), in the order they are printed at start-up. */
export const DEMO_LOGINS: { email: string; role: 'admin' | 'manager' | 'employee' | 'viewer' }[] = [
  { email: 'an.nguyen@minhan.vn', role: 'viewer' },
  { email: 'admin@minhan.vn', role: 'admin' },
  { email: 'truong.kd@minhan.vn', role: 'manager' },
  { email: 'nhanvien@minhan.vn', role: 'employee' },
  { email: 'truong.mkt@minhan.vn', role: 'manager' },
  { email: 'truong.ns@minhan.vn', role: 'manager' },
  { email: 'ktt@minhan.vn', role: 'manager' },
];
