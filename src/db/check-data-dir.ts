import { accessSync, constants, mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A PGlite data folder the server cannot use; its message says which folder, what is wrong and what to do. */
export class DataDirError extends Error {}

/** Room PGlite needs to start and write: one WAL segment (16 MB) and some more for the catalogue and a checkpoint. */
export const MIN_FREE_BYTES = 32 * 1024 * 1024;

/**
 * Checks the PGlite data folder before PGlite opens it, so a read-only or full disk gives a clear message and exit
 * code 1 instead of a WebAssembly abort halfway through start-up (which could leave a half-written folder behind).
 * Only reads and one tiny probe file: a folder that fails the check is left exactly as it was.
 */
export function checkDataDir(dataDir: string): void {
  if (dataDir.startsWith('memory://')) return;
  const dir = resolve(dataDir);
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.R_OK | constants.W_OK);
    const probe = join(dir, `.openkpi-write-check-${process.pid}`);
    writeFileSync(probe, 'ok');
    rmSync(probe);
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unknown';
    if (code === 'ENOSPC') throw full(dir, 0);
    throw new DataDirError(
      [
        `Cannot write to the data folder ${dir} (${code}: ${code === 'EROFS' ? 'read-only file system' : 'no write permission'}).`,
        'OpenKPI keeps its database there and must be able to write to it. Make the folder writable by the user running OpenKPI',
        '(e.g. chown/chmod, or remount the disk read-write), or point OPENKPI_DATA_DIR at a writable folder. Nothing was changed.',
        `Không ghi được vào thư mục dữ liệu ${dir}: hãy cấp quyền ghi hoặc đặt OPENKPI_DATA_DIR sang thư mục ghi được.`,
      ].join('\n'),
    );
  }
  const fs = statfsSync(dir);
  const free = fs.bavail * fs.bsize;
  if (free < MIN_FREE_BYTES) throw full(dir, free);
}

function full(dir: string, free: number): DataDirError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return new DataDirError(
    [
      `The disk of the data folder ${dir} is full (${mb(free)} free; OpenKPI needs at least ${mb(MIN_FREE_BYTES)} to start).`,
      'Free some space on that disk (or move the folder to a larger disk and set OPENKPI_DATA_DIR), then start again.',
      'The data in the folder was not touched.',
      `Ổ đĩa chứa thư mục dữ liệu ${dir} đã đầy: hãy giải phóng dung lượng rồi khởi động lại.`,
    ].join('\n'),
  );
}
