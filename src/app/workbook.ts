import type ExcelJS from 'exceljs';

/**
 * A new ExcelJS workbook. ExcelJS (~18 MB of memory once loaded) is imported on the first export, not when the
 * server starts: most processes never write a spreadsheet.
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import('exceljs');
  return new excel.Workbook();
}
