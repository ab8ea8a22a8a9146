/**
 * Externa program ("motorer") som vissa tester behöver: xmllint, LibreOffice (soffice),
 * pdftoppm, chromium …
 *
 * - Finns programmet körs testerna som vanligt.
 * - Saknas det och CI=true misslyckas testerna (en CI-miljö ska ha allt installerat).
 * - Saknas det lokalt hoppas sviten över med en tydlig console.warn.
 *
 * Ett program kan anges med alternativa namn, t.ex. ['chromium', 'chromium-browser',
 * 'google-chrome']; det första som finns används.
 */
import { spawnSync } from 'node:child_process';

export type Engine = string | readonly string[];

const cache = new Map<string, boolean>();

export function isCI(): boolean {
  return process.env.CI === 'true';
}

/** Finns kommandot i PATH? */
export function hasCommand(cmd: string): boolean {
  const cached = cache.get(cmd);
  if (cached !== undefined) return cached;
  let found: boolean;
  if (!/^[\w.+-]+$/.test(cmd)) {
    found = false;
  } else if (process.platform === 'win32') {
    found = spawnSync('where', [cmd], { stdio: 'ignore' }).status === 0;
  } else {
    found = spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
  }
  cache.set(cmd, found);
  return found;
}

function alternatives(engine: Engine): readonly string[] {
  return typeof engine === 'string' ? [engine] : engine;
}

/** Första namnet i `engine` som finns i PATH, annars undefined. */
export function findCommand(engine: Engine): string | undefined {
  return alternatives(engine).find((cmd) => hasCommand(cmd));
}

function missingMessage(engine: Engine, what: string): string {
  const names = alternatives(engine).join(' / ');
  return `${what}: programmet ${names} finns inte i PATH`;
}

/**
 * Returnerar kommandonamnet om programmet finns. Saknas det kastas ett fel under CI=true,
 * annars skrivs en varning ut och undefined returneras (anroparen hoppar över).
 */
export function requireEngine(engine: Engine, what = 'Test'): string | undefined {
  const cmd = findCommand(engine);
  if (cmd) return cmd;
  const message = missingMessage(engine, what);
  if (isCI()) throw new Error(`${message} (CI=true, så testet får inte hoppas över).`);
  console.warn(`${message} – hoppar över. Installera programmet för att köra testet.`);
  return undefined;
}

/**
 * Som `describe`, men kräver ett externt program. `fn` får det kommandonamn som hittades.
 * Saknas programmet: under CI=true blir det ett misslyckat test, annars hoppas sviten över
 * med en console.warn.
 */
export function describeWithEngine(name: string, engine: Engine, fn: (command: string) => void): void {
  const cmd = findCommand(engine);
  if (cmd) {
    describe(name, () => fn(cmd));
    return;
  }
  const message = missingMessage(engine, name);
  if (isCI()) {
    describe(name, () => {
      it(`kräver ${alternatives(engine).join(' / ')}`, () => {
        throw new Error(`${message} (CI=true, så testet får inte hoppas över).`);
      });
    });
    return;
  }
  console.warn(`${message} – sviten hoppas över. Installera programmet för att köra den.`);
  describe.skip(name, () => fn(alternatives(engine)[0] ?? ''));
}
