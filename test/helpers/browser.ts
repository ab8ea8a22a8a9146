/**
 * Chromium for the browser tests: the flags for a closed network, the production bundle built
 * into a folder, the executable behind a command name.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '..', '..');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The production bundle, built from the current sources into `outDir`. */
export async function buildBundle(outDir: string): Promise<void> {
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  try {
    await promisify(execFile)(process.execPath, [cli, '--mode', 'production', '--output-path', outDir, '--stats', 'errors-warnings'], {
      cwd: ROOT,
      timeout: 300_000, // a busy machine (2 cores shared) can take minutes
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    throw new Error(`webpack misslyckades: ${(e as Error).message}\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
  if (!existsSync(path.join(outDir, 'taskpane.html'))) throw new Error(`webpack gav ingen taskpane.html i ${outDir}`);
}

export function executable(command: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim();
  return found ? realpathSync(found) : command;
}
