/** A report file ready to be sent or written. */
export interface ReportFile {
  fileName: string;
  contentType: string;
  data: Buffer;
}

export const CONTENT_TYPE = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  zip: 'application/zip',
  json: 'application/json; charset=utf-8',
} as const;

export type ReportFormat = 'xlsx' | 'pdf';
