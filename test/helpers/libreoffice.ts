/**
 * LibreOffice as the real spreadsheet and document engine for tests: headless conversions
 * with a private profile that recalculates every formula on load (so the values come from
 * LibreOffice's own engine, never from cached results).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

let profile: string | undefined;

/** A LibreOffice user profile for this test process (parallel jest workers must not share one). */
function profileDir(): string {
  if (!profile) {
    profile = mkdtempSync(path.join(os.tmpdir(), `planrapport-lo-${process.pid}-`));
    mkdirSync(path.join(profile, 'user'), { recursive: true });
    writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  }
  return profile;
}

export interface Conversion {
  output: string;
  stdout: string;
  stderr: string;
  status: number | null;
}

/**
 * `soffice --headless --convert-to <format> --outdir <dir> <input>`; returns the output path.
 * Throws with LibreOffice's own output when no file came out.
 */
export function convert(input: string, format: string, outDir: string, extension = format.split(':')[0]!): Conversion {
  mkdirSync(outDir, { recursive: true });
  const r = spawnSync(
    'soffice',
    [`-env:UserInstallation=${pathToFileURL(profileDir()).href}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, input],
    { encoding: 'utf8', timeout: 120_000 },
  );
  const output = path.join(outDir, `${path.basename(input).replace(/\.[^.]+$/, '')}.${extension}`);
  if (!existsSync(output)) {
    throw new Error(`LibreOffice gav ingen fil (${r.status}): ${r.stdout}\n${r.stderr}\n${readdirSync(outDir).join(', ')}`);
  }
  return { output, stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** Recalculates an .xlsx in LibreOffice and saves it again, so that every formula cell holds LibreOffice's result. */
export function recalculate(input: string, outDir: string): string {
  return convert(input, 'xlsx:Calc MS Excel 2007 XML', outDir, 'xlsx').output;
}

/**
 * `convert` without blocking the test process (other child processes keep running). Calls
 * share one LibreOffice profile, so they must not overlap: this queues them.
 */
let queue: Promise<unknown> = Promise.resolve();
export function convertAsync(input: string, format: string, outDir: string, extension = format.split(':')[0]!): Promise<Conversion> {
  const run = () =>
    new Promise<Conversion>((resolve, reject) => {
      mkdirSync(outDir, { recursive: true });
      const child = spawn(
        'soffice',
        [`-env:UserInstallation=${pathToFileURL(profileDir()).href}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, input],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
      const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
      child.on('close', (status) => {
        clearTimeout(timer);
        const output = path.join(outDir, `${path.basename(input).replace(/\.[^.]+$/, '')}.${extension}`);
        if (!existsSync(output)) reject(new Error(`LibreOffice gav ingen fil (${status}): ${stdout}\n${stderr}\n${readdirSync(outDir).join(', ')}`));
        else resolve({ output, stdout, stderr, status });
      });
    });
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}
