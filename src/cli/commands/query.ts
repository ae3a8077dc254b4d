import { Option, type Command } from 'commander';
import { SYSTEM_ACTOR } from '../../app/actor';
import { queryDataset } from '../../app/datasets/query-dataset';
import { DomainError, issue } from '../../core/errors';
import type { MeasureSpec } from '../../core/dataset/measure-query';
import { createStore } from '../../db/store';
import { withDatabase } from '../database';
import { cliLang, reportError } from '../output';
import { textTable } from '../table';

interface QueryOptions {
  measure: string[];
  by: string[];
  where?: string;
  json?: boolean;
  lang?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `openkpi query <dataset> --measure "sales=sum(sales)" --by region --by order_date:month [--where …] [--json]`. */
export function register(program: Command): void {
  program
    .command('query <dataset>')
    .description('Tính chỉ số trên một tập dữ liệu, nhóm theo cột và kỳ (measures over a dataset)')
    .option('--measure <name=expression>', 'tên=công thức, ví dụ "doanh_thu=sum(sales)"; lặp lại được', collect, [])
    .option('--by <column[:grain]>', 'cột nhóm; cột ngày kèm kỳ day|week|month|quarter|year; lặp lại được', collect, [])
    .option('--where <condition>', "điều kiện lọc dòng, ví dụ \"region = 'Miền Bắc'\"")
    .option('--json', 'in JSON (print JSON)')
    .addOption(new Option('--lang <lang>', 'ngôn ngữ (language)').choices(['vi', 'en']))
    .action(async (dataset: string, options: QueryOptions) => {
      const lang = cliLang(options.lang);
      try {
        const measures = options.measure.map(parseMeasureOption);
        const result = await withDatabase((d) => queryDataset(createStore(d.db), SYSTEM_ACTOR, dataset, { measures, by: options.by, where: options.where }));
        if (options.json) process.stdout.write(`${JSON.stringify(result)}\n`);
        else process.stdout.write(textTable(result.columns, result.rows.map((r) => result.columns.map((c) => r[c] ?? null)), lang));
      } catch (error) {
        reportError(error, lang);
      }
    });
}

/** `name=expression`, split at the first `=` (the expression may hold more). */
export function parseMeasureOption(text: string, index: number): MeasureSpec {
  const at = text.indexOf('=');
  if (at <= 0 || text.slice(at + 1).trim() === '') {
    throw new DomainError(
      'DATASET_QUERY_INVALID',
      { vi: `--measure "${text}": dùng dạng tên=công thức, ví dụ doanh_thu=sum(sales)`, en: `--measure "${text}": use name=expression, e.g. revenue=sum(sales)` },
      { issues: [issue(`measures.${index}`, 'MEASURE_FORMAT', 'Dùng dạng tên=công thức', 'Use name=expression')] },
    );
  }
  return { name: text.slice(0, at).trim(), expression: text.slice(at + 1).trim() };
}
