import { DownloadButtons } from './DownloadButtons';
import { reportUrls } from './report-urls';
import { useSession } from '../../session';

/** XLSX / PDF of one evaluation sheet (in the page's language), for the sheet page's header. */
export function SheetReportButtons({ sheetId }: { sheetId: number }) {
  const { lang } = useSession();
  return <DownloadButtons size="small" url={(f) => reportUrls.sheet(sheetId, f, lang)} fallbackName={`sheet-${sheetId}`} testId="sheet-report" />;
}
