import { writeFileSync } from 'node:fs';
import { renderPermissionsDoc } from '../src/core/auth/permissions-doc';

writeFileSync(new URL('../docs/permissions.md', import.meta.url), renderPermissionsDoc());
console.log('docs/permissions.md written');
