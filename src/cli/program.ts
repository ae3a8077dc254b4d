import { Command } from 'commander';
import { VERSION } from '../config';
import { register as apply } from './commands/apply';
import { register as backup } from './commands/backup';
import { register as evaluate } from './commands/evaluate';
import { register as exportFile } from './commands/export';
import { register as importPeople } from './commands/import-people';
import { register as importActuals } from './commands/import-actuals';
import { register as lint } from './commands/lint';
import { register as migrate } from './commands/migrate';
import { register as plan } from './commands/plan';
import { register as query } from './commands/query';
import { register as cohort } from './commands/cohort';
import { register as lift } from './commands/lift';
import { register as datasetImport } from './commands/dataset-import';
import { register as demoGenerate } from './commands/demo-generate';
import { register as kpiRecompute } from './commands/kpi-recompute';
import { register as reminders } from './commands/reminders';
import { register as report } from './commands/report';
import { register as score } from './commands/score';
import { register as targetSplit } from './commands/target-split';
import { register as userCreate } from './commands/user-create';

/** The `openkpi` command with every sub-command registered. */
export function buildProgram(): Command {
  const program = new Command('openkpi').description('OpenKPI command line').version(VERSION);
  for (const register of [migrate, userCreate, backup, importPeople, importActuals, targetSplit, score, evaluate, lint, plan, apply, exportFile]) register(program);
  query(program); // measures over a dataset
  cohort(program); // cohort and repeat-share
  lift(program); // lift and sample-size
  datasetImport(program); // openkpi dataset import
  kpiRecompute(program); // openkpi kpi recompute <code>
  reminders(program); // openkpi reminders run
  report(program); // openkpi report scorecard
  demoGenerate(program); // openkpi demo generate --people N
  return program;
}
