import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { engines } from '../test/helpers/db';
import { parseArgs, runBenches } from './runner';

// npm run bench -- [name-filter…] [--json <file>] [--scale]
const args = parseArgs(process.argv.slice(2), { dir: dirname(fileURLToPath(import.meta.url)) });
const started = performance.now();
const outcome = await runBenches({ ...args, engines: engines(), log: (line) => process.stdout.write(`${line}\n`) });
process.stdout.write(`Total ${((performance.now() - started) / 1000).toFixed(0)} s.\n`);
process.exit(outcome.exitCode);
