import { DomainError, type Lang } from '../core/errors';

/** CLI language: --lang, then OPENKPI_LANG, then Vietnamese. */
export function cliLang(option?: string): Lang {
  const v = option ?? process.env.OPENKPI_LANG;
  return v === 'en' ? 'en' : 'vi';
}

/** Prints an error the way users read it (message + each issue) and sets exit code 1. */
export function reportError(error: unknown, lang: Lang): void {
  process.exitCode = 1;
  if (error instanceof DomainError) {
    process.stderr.write(`✖ ${error.localized[lang]} [${error.code}]\n`);
    for (const i of error.issues) process.stderr.write(`  - ${i.path}: ${i.message[lang]}\n`);
    return;
  }
  process.stderr.write(`✖ ${error instanceof Error ? error.message : String(error)}\n`);
}
