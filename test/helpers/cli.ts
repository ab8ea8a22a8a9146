/** Runs the real command line (bin/planrapport.js → lib/) in a child process. */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'planrapport.js');

export function planrapport(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A stack trace line ("    at fn (file.js:10:5)") must never reach the user. */
export const STACK_TRACE = /\n\s+at .+:\d+:\d+/;

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall-clock milliseconds. */
  ms: number;
  /** Killed because it ran past `timeoutMs`. */
  timedOut: boolean;
}

/**
 * The command line in a child process without blocking the test process (so that several
 * can run side by side), with a wall-clock limit and optionally a heap limit for node.
 */
export function planrapportAsync(
  args: string[],
  opts: { timeoutMs?: number; maxOldSpaceMb?: number; cwd?: string; env?: Record<string, string> } = {},
): Promise<CliRun> {
  const node = opts.maxOldSpaceMb ? [`--max-old-space-size=${opts.maxOldSpaceMb}`] : [];
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...node, BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: opts.env ? { ...process.env, ...opts.env } : process.env,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    const keep = (into: Buffer[]) => (b: Buffer) => {
      if (size < 4_000_000) into.push(b);
      size += b.length;
    };
    child.stdout.on('data', keep(out));
    child.stderr.on('data', keep(err));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 120_000);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: Date.now() - started, timedOut });
    });
  });
}
