import { Option, type Command } from 'commander';
import { SYSTEM_ACTOR } from '../../app/actor';
import { datasetCohorts, datasetRepeatShare } from '../../app/datasets/dataset-cohorts';
import { COHORT_GRAINS, type CohortGrain } from '../../core/dataset/cohort';
import { DomainError, issue, type Lang } from '../../core/errors';
import { createStore } from '../../db/store';
import { withDatabase } from '../database';
import { cliLang, reportError } from '../output';
import { formatPercent, textTable } from '../table';

interface CohortOptions {
  customer: string;
  date: string;
  event?: string;
  within: string;
  cohort: CohortGrain;
  byFirst?: string;
  json?: boolean;
  lang?: string;
}

interface RepeatShareOptions {
  customer: string;
  date: string;
  period: CohortGrain;
  from?: string;
  to?: string;
  json?: boolean;
  lang?: string;
}

const HEADERS: Record<Lang, { cohort: string[]; share: string[] }> = {
  vi: { cohort: ['Nhóm', 'Khách hàng', 'Quay lại', 'Tỷ lệ'], share: ['Kỳ', 'Khách hàng', 'Đã mua trước', 'Tỷ lệ'] },
  en: { cohort: ['Cohort', 'Customers', 'Returning', 'Rate'], share: ['Period', 'Customers', 'Bought before', 'Share'] },
};

/**
 * `openkpi cohort <dataset> --customer <col> --date <col> [--event <col>] --within <days> [--cohort month|quarter|year] [--by-first <col>] [--json]`
 * and `openkpi repeat-share <dataset> --customer <col> --date <col> [--period …] [--from …] [--to …] [--json]`.
 */
export function register(program: Command): void {
  program
    .command('cohort <dataset>')
    .description('Tỷ lệ khách hàng quay lại theo nhóm kỳ mua đầu tiên (returning customers by cohort)')
    .requiredOption('--customer <column>', 'cột mã khách hàng')
    .requiredOption('--date <column>', 'cột ngày (hoặc ngày giờ) của sự kiện')
    .option('--event <column>', 'cột mã sự kiện (ví dụ mã đơn): lần quay lại phải là sự kiện khác')
    .requiredOption('--within <days>', 'số ngày tối đa sau lần đầu (tính cả ngày cuối)')
    .addOption(new Option('--cohort <grain>', 'kỳ của nhóm').choices(COHORT_GRAINS).default('month'))
    .option('--by-first <column>', 'nhóm thêm theo giá trị cột này ở lần đầu, ví dụ kênh của đơn đầu tiên (group by the first event\'s value)')
    .option('--json', 'in JSON (print JSON)')
    .addOption(new Option('--lang <lang>', 'ngôn ngữ (language)').choices(['vi', 'en']))
    .action(async (dataset: string, o: CohortOptions) => {
      const lang = cliLang(o.lang);
      try {
        const withinDays = wholeDays(o.within);
        const result = await withDatabase((d) =>
          datasetCohorts(createStore(d.db), SYSTEM_ACTOR, dataset, { customer: o.customer, date: o.date, event: o.event, withinDays, cohort: o.cohort, firstBy: o.byFirst }),
        );
        if (o.json) process.stdout.write(`${JSON.stringify(result)}\n`);
        else if (o.byFirst) {
          const [cohortHeader, ...rest] = HEADERS[lang].cohort;
          const rows = result.rows.map((r) => [r.cohort, r.first ?? '—', r.customers, r.returning, formatPercent(r.rate, lang)]);
          process.stdout.write(textTable([cohortHeader!, o.byFirst, ...rest], rows, lang));
        } else process.stdout.write(textTable(HEADERS[lang].cohort, result.rows.map((r) => [r.cohort, r.customers, r.returning, formatPercent(r.rate, lang)]), lang));
      } catch (error) {
        reportError(error, lang);
      }
    });

  program
    .command('repeat-share <dataset>')
    .description('Tỷ lệ khách hàng mỗi kỳ đã từng mua trước đó (share of customers who had bought before)')
    .requiredOption('--customer <column>', 'cột mã khách hàng')
    .requiredOption('--date <column>', 'cột ngày (hoặc ngày giờ) của sự kiện')
    .addOption(new Option('--period <grain>', 'kỳ').choices(COHORT_GRAINS).default('month'))
    .option('--from <YYYY-MM-DD>', 'từ ngày')
    .option('--to <YYYY-MM-DD>', 'đến ngày')
    .option('--json', 'in JSON (print JSON)')
    .addOption(new Option('--lang <lang>', 'ngôn ngữ (language)').choices(['vi', 'en']))
    .action(async (dataset: string, o: RepeatShareOptions) => {
      const lang = cliLang(o.lang);
      try {
        const result = await withDatabase((d) =>
          datasetRepeatShare(createStore(d.db), SYSTEM_ACTOR, dataset, { customer: o.customer, date: o.date, period: o.period, from: o.from, to: o.to }),
        );
        if (o.json) process.stdout.write(`${JSON.stringify(result)}\n`);
        else process.stdout.write(textTable(HEADERS[lang].share, result.rows.map((r) => [r.period, r.customers, r.repeat, formatPercent(r.share, lang)]), lang));
      } catch (error) {
        reportError(error, lang);
      }
    });
}

function wholeDays(text: string): number {
  if (!/^\d{1,5}$/.test(text.trim())) {
    throw new DomainError(
      'DATASET_QUERY_INVALID',
      { vi: `--within "${text}": cần số ngày nguyên, ví dụ 365`, en: `--within "${text}": a whole number of days is needed, e.g. 365` },
      { issues: [issue('within', 'INVALID_WITHIN', 'Cần số ngày nguyên', 'A whole number of days is needed')] },
    );
  }
  return Number(text.trim());
}
