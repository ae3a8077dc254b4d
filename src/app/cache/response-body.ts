import { gzipSync } from 'node:zlib';

/**
 * A response kept by the read cache: its JSON text, and the gzip of it made once on first demand. Under load the
 * server's time went to writing megabytes of dashboard JSON; a cached gzip is ~10× smaller and costs nothing per hit.
 */
export class ResponseBody {
  private zipped: Buffer | undefined;

  constructor(readonly text: string) {}

  gzip(): Buffer {
    return (this.zipped ??= gzipSync(this.text, { level: 6 }));
  }
}
