/** Types of scripts/build-server.mjs for the TypeScript files that use it (vite.config.ts, tests). */
export interface BuildTarget {
  /** Output folder, relative to the package folder. */
  out: string;
  /** Files and folders the build reads, relative to the package folder. */
  inputs: string[];
  /** Folders under `inputs` that the build does not read. */
  skip: string[];
}
export const TARGETS: { server: BuildTarget; web: BuildTarget };
export function inputsHash(target: BuildTarget): string;
export function isFresh(target: BuildTarget): boolean;
export function buildServer(): Promise<void>;
export function buildWeb(): void;
/** The node flags of package.json "start" (before dist/server/main.js). */
export function startNodeFlags(): string[];
