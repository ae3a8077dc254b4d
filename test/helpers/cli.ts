import { Command } from 'commander';
import { vi } from 'vitest';

export interface CliRun {
  out: string;
  err: string;
  exitCode: number | undefined;
}

/**
 * Runs CLI commands in-process: a fresh program with the given `register` functions, stdout and stderr
 * captured. Reset `process.exitCode` after each test (the commands set it on errors).
 */
export async function runCli(registers: ((program: Command) => void)[], args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    const program = new Command().exitOverride();
    for (const register of registers) register(program);
    await program.parseAsync(args, { from: 'user' });
    return { out, err, exitCode: process.exitCode === undefined ? undefined : Number(process.exitCode) };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}
