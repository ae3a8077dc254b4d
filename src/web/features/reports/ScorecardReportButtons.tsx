import { DownloadButtons } from './DownloadButtons';
import { reportUrls } from './report-urls';
import { useSession } from '../../session';

/** XLSX / PDF of the company scorecard of a period (in the page's language), for the strategy map page. */
export function ScorecardReportButtons({ period }: { period: string }) {
  const { lang } = useSession();
  return <DownloadButtons size="small" url={(f) => reportUrls.scorecard(period, { type: 'company' }, f, lang)} fallbackName={`scorecard-${period}`} testId="strategy-report" />;
}
