import { Option, type Command } from 'commander';
import { awarenessLift, type LiftResult, type SurveyCount } from '../../core/dataset/lift';
import { sampleSizePerGroup } from '../../core/dataset/sample-size';
import { DomainError, issue, type Lang } from '../../core/errors';
import { cliLang, reportError } from '../output';
import { formatNumber, formatPercent } from '../table';
import { parseNumber } from './target-split';

interface LiftOptions {
  before: string;
  after: string;
  confidence: string;
  json?: boolean;
  lang?: string;
}

interface SampleSizeOptions {
  baseline: string;
  lift: string;
  power: string;
  alpha: string;
  json?: boolean;
  lang?: string;
}

/**
 * `openkpi lift --before <aware>/<asked> --after <aware>/<asked> [--confidence 0.95] [--json]` and
 * `openkpi sample-size --baseline 0.3 --lift 0.05 [--power 0.8] [--alpha 0.05] [--json]` (calculators; nothing is stored).
 */
export function register(program: Command): void {
  program
    .command('lift')
    .description('Mức tăng nhận biết thương hiệu giữa hai cuộc khảo sát (awareness lift)')
    .requiredOption('--before <aware/asked>', 'trước chiến dịch: số người biết / số người được hỏi, ví dụ 120/400')
    .requiredOption('--after <aware/asked>', 'sau chiến dịch, ví dụ 152/400')
    .option('--confidence <level>', 'độ tin cậy (confidence)', '0.95')
    .option('--json', 'in JSON (print JSON)')
    .addOption(new Option('--lang <lang>', 'ngôn ngữ (language)').choices(['vi', 'en']))
    .action((o: LiftOptions) => {
      const lang = cliLang(o.lang);
      try {
        const r = awarenessLift(survey(o.before, 'before'), survey(o.after, 'after'), parseNumber(o.confidence, '--confidence'));
        process.stdout.write(o.json ? `${JSON.stringify(liftJson(r, lang))}\n` : liftText(r, o, lang));
      } catch (error) {
        reportError(error, lang);
      }
    });

  program
    .command('sample-size')
    .description('Số người cần hỏi mỗi cuộc khảo sát để phát hiện một mức chênh (sample size per survey)')
    .requiredOption('--baseline <share>', 'tỷ lệ nhận biết hiện tại, ví dụ 0.3')
    .requiredOption('--lift <points>', 'mức chênh muốn phát hiện, ví dụ 0.05 (5 điểm phần trăm)')
    .option('--power <power>', 'độ mạnh (power)', '0.8')
    .option('--alpha <alpha>', 'mức ý nghĩa hai phía (two-sided α)', '0.05')
    .option('--json', 'in JSON (print JSON)')
    .addOption(new Option('--lang <lang>', 'ngôn ngữ (language)').choices(['vi', 'en']))
    .action((o: SampleSizeOptions) => {
      const lang = cliLang(o.lang);
      try {
        const n = sampleSizePerGroup({
          baseline: parseNumber(o.baseline, '--baseline'),
          lift: parseNumber(o.lift, '--lift'),
          power: parseNumber(o.power, '--power'),
          alpha: parseNumber(o.alpha, '--alpha'),
        });
        const text = lang === 'vi' ? `Cần hỏi ${formatNumber(n, lang)} người mỗi cuộc khảo sát.\n` : `Ask ${formatNumber(n, lang)} people per survey.\n`;
        process.stdout.write(o.json ? `${JSON.stringify({ perSurvey: n })}\n` : text);
      } catch (error) {
        reportError(error, lang);
      }
    });
}

function survey(text: string, path: 'before' | 'after'): SurveyCount {
  const m = /^\s*(\d{1,10})\s*\/\s*(\d{1,10})\s*$/.exec(text);
  if (!m) {
    throw new DomainError(
      'LIFT_INVALID',
      { vi: `--${path} "${text}": dùng dạng số_người_biết/số_người_được_hỏi, ví dụ 120/400`, en: `--${path} "${text}": use aware/asked, e.g. 120/400` },
      { issues: [issue(path, 'SURVEY_FORMAT', 'Dùng dạng biết/được hỏi', 'Use aware/asked')] },
    );
  }
  return { aware: Number(m[1]), asked: Number(m[2]) };
}

const round10 = (x: number | null) => (x === null ? null : Number(x.toFixed(10)));

function liftJson(r: LiftResult, lang: Lang) {
  return {
    before: round10(r.before),
    after: round10(r.after),
    lift: round10(r.lift),
    relative: round10(r.relative),
    z: round10(r.z),
    p: round10(r.p),
    ci: [round10(r.ci[0]), round10(r.ci[1])],
    significant: r.significant,
    confidence: r.confidence,
    sampleSizeToDetect: r.sampleSizeToDetect,
    warnings: r.warnings.map((w) => ({ code: w.code, message: w.message[lang] })),
    message: r.message[lang],
  };
}

function liftText(r: LiftResult, o: LiftOptions, lang: Lang): string {
  const pct = (x: number) => formatPercent(x, lang);
  const pts = (x: number) => `${x > 0 ? '+' : ''}${formatNumber(x * 100, lang, 2)}`;
  const level = formatPercent(r.confidence, lang);
  const vi = lang === 'vi';
  const lines = [
    `${vi ? 'Trước' : 'Before'}: ${pct(r.before)} (${o.before.trim()})`,
    `${vi ? 'Sau' : 'After'}: ${pct(r.after)} (${o.after.trim()})`,
    `${vi ? 'Chênh lệch' : 'Lift'}: ${pts(r.lift)} ${vi ? 'điểm %' : 'points'}${r.relative === null ? '' : ` (${vi ? 'tương đối' : 'relative'} ${pts(r.relative)}%)`}`,
    `z = ${formatNumber(r.z, lang, 3)}, p = ${formatNumber(r.p, lang, 4)}`,
    `${vi ? `Khoảng tin cậy ${level}` : `${level} interval`}: [${pts(r.ci[0])}; ${pts(r.ci[1])}] ${vi ? 'điểm %' : 'points'}`,
    r.message[lang],
    ...r.warnings.map((w) => `⚠ ${w.message[lang]}`),
  ];
  return `${lines.join('\n')}\n`;
}
