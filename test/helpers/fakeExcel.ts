/**
 * A small hand-written fake of the office-js Excel API subset the adapter uses. It keeps
 * office-js's batching rules honest: writes and loads are queued and only happen at
 * context.sync(); reading a property that was not loaded (or before the sync) throws;
 * every sync is counted. Cells live in an in-memory workbook that tests can inspect.
 */
import { parseCell, parseRange, columnIndex } from '../../src/core/cells/address';

export interface FakeCell {
  value?: string | number | boolean;
  formula?: string;
  numberFormat?: string;
  error?: string;
}

export interface FakeValidation {
  rule: unknown;
  prompt?: unknown;
  errorAlert?: unknown;
  ignoreBlanks?: boolean;
}

let sheetIds = 0;

export class FakeSheet {
  cells = new Map<string, FakeCell>(); // "r,c" 1-based
  validations = new Map<string, FakeValidation>(); // by range address
  conditionalFormats: { range: string; formula: string; fill?: string }[] = [];
  columnWidths = new Map<string, number>();
  frozenRows = 0;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  bold = new Set<string>();
  /** Worksheet.id: stays when the sheet is renamed. */
  readonly id = `{fake-sheet-${++sheetIds}}`;
  constructor(public name: string) {}

  cell(row: number, column: number): FakeCell {
    const key = `${row},${column}`;
    let c = this.cells.get(key);
    if (!c) {
      c = {};
      this.cells.set(key, c);
    }
    return c;
  }

  peek(address: string): FakeCell | undefined {
    const { row, column } = parseCell(address);
    return this.cells.get(`${row},${column}`);
  }

  /** Sets a typed value (as a user would), e.g. sheet.type('A1', 'Fält'). */
  type(address: string, value: string | number | boolean | null) {
    const { row, column } = parseCell(address);
    if (value === null) this.cells.delete(`${row},${column}`);
    else this.cell(row, column).value = value;
  }

  used(): { row: number; column: number; lastRow: number; lastColumn: number } | undefined {
    let minR = Infinity,
      minC = Infinity,
      maxR = 0,
      maxC = 0;
    for (const [key, c] of this.cells) {
      if (c.value === undefined && c.formula === undefined && c.error === undefined) continue;
      const [r, col] = key.split(',').map(Number) as [number, number];
      minR = Math.min(minR, r);
      minC = Math.min(minC, col);
      maxR = Math.max(maxR, r);
      maxC = Math.max(maxC, col);
    }
    return maxR === 0 ? undefined : { row: minR, column: minC, lastRow: maxR, lastColumn: maxC };
  }
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  syncs = 0;
  runs = 0;
  selected?: { sheet: string; address: string };
  active?: string;

  addSheet(name: string): FakeSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
      throw new FakeError('ItemAlreadyExists', `Det finns redan ett blad med namnet ${name}.`);
    const s = new FakeSheet(name);
    this.sheets.push(s);
    this.emit(this.handlers.added, { type: 'WorksheetAdded', worksheetId: s.id, source: 'Local' });
    return s;
  }

  deleteSheet(name: string) {
    const s = this.sheet(name);
    if (!s) throw new FakeError('ItemNotFound', `Bladet ${name} finns inte.`);
    this.sheets = this.sheets.filter((x) => x !== s);
    this.emit(this.handlers.deleted, { type: 'WorksheetDeleted', worksheetId: s.id, source: 'Local' });
  }

  /**
   * Event handlers added through office-js (Worksheet.onChanged by sheet id, WorksheetCollection
   * onAdded/onDeleted). Excel calls them after the change, asynchronously; so does the fake.
   */
  handlers = { changed: new Map<string, EventHandler[]>(), added: [] as EventHandler[], deleted: [] as EventHandler[] };

  /** A user types into a cell (or clears it with null): the value changes and Worksheet.onChanged fires. */
  edit(sheet: string, address: string, value: string | number | boolean | null) {
    const s = this.sheet(sheet);
    if (!s) throw new FakeError('ItemNotFound', `Bladet ${sheet} finns inte.`);
    s.type(address, value);
    this.emit(this.handlers.changed.get(s.id) ?? [], { type: 'WorksheetChanged', worksheetId: s.id, address, changeType: 'RangeEdited', source: 'Local' });
  }

  private emit(handlers: EventHandler[], args: Record<string, unknown>) {
    for (const handler of handlers) setTimeout(() => void handler(args), 0);
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Excel.run over this workbook. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.runs++;
    const context = new FakeContext(this);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.queue.length) await context.sync(); // Excel.run flushes what is left
    return result;
  };
}

export class FakeError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(message);
  }
}

type Op = () => void;
type EventHandler = (args: Record<string, unknown>) => Promise<unknown>;

/** OfficeExtension.EventHandlers: `add` registers at the next sync. */
function eventHandlers(ctx: FakeContext, register: (handler: EventHandler) => void, unregister: (handler: EventHandler) => void) {
  return {
    add(handler: EventHandler) {
      ctx.queue.push(() => register(handler));
      return { remove: () => ctx.queue.push(() => unregister(handler)) };
    },
  };
}

class FakeContext {
  queue: Op[] = [];
  workbook: { worksheets: FakeWorksheetCollection };
  constructor(readonly book: FakeWorkbook) {
    this.workbook = { worksheets: new FakeWorksheetCollection(this) };
  }
  async sync(): Promise<void> {
    this.book.syncs++;
    const ops = this.queue;
    this.queue = [];
    for (const op of ops) op();
  }
}

/** Base for proxies: properties become readable only after a load and a sync. */
class Proxy {
  protected loaded = new Map<string, unknown>();
  private nullObject?: boolean;
  constructor(protected ctx: FakeContext) {}
  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) throw new FakeError('PropertyNotLoaded', `Egenskapen ${name} är inte laddad (load + sync saknas).`);
    return this.loaded.get(name) as T;
  }
  get isNullObject(): boolean {
    if (this.nullObject === undefined) throw new FakeError('PropertyNotLoaded', 'isNullObject före sync');
    return this.nullObject;
  }
  protected setNull(v: boolean) {
    this.nullObject = v;
  }
}

function props(spec: string | string[] | undefined): string[] {
  if (!spec) return [];
  return (Array.isArray(spec) ? spec : spec.split(',')).map((s) => s.trim()).filter(Boolean);
}

class FakeWorksheetCollection extends Proxy {
  constructor(ctx: FakeContext) {
    super(ctx);
  }
  load(spec?: string) {
    const wanted = props(spec);
    this.ctx.queue.push(() => {
      const items = this.ctx.book.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, () => s);
        ws.markLoaded(wanted.map((p) => p.replace(/^items\//, '')));
        return ws;
      });
      this.loaded.set('items', items);
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    return this.read('items');
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.book.sheet(name);
      if (!s) throw new FakeError('ItemNotFound', `Bladet ${name} finns inte.`);
      return s;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.book.sheet(name), true);
  }
  add(name: string): FakeWorksheet {
    this.ctx.queue.push(() => void this.ctx.book.addSheet(name));
    return this.getItem(name);
  }
  get onAdded() {
    const list = this.ctx.book.handlers.added;
    return eventHandlers(
      this.ctx,
      (h) => list.push(h),
      (h) => list.splice(list.indexOf(h), 1),
    );
  }
  get onDeleted() {
    const list = this.ctx.book.handlers.deleted;
    return eventHandlers(
      this.ctx,
      (h) => list.push(h),
      (h) => list.splice(list.indexOf(h), 1),
    );
  }
}

class FakeWorksheet extends Proxy {
  constructor(
    ctx: FakeContext,
    readonly resolve: () => FakeSheet | undefined,
    readonly orNull = false,
  ) {
    super(ctx);
    if (orNull) this.ctx.queue.push(() => this.setNull(!this.resolve()));
    else this.setNull(false);
  }
  target(): FakeSheet {
    const s = this.resolve();
    if (!s) throw new FakeError('ItemNotFound', 'Bladet finns inte.');
    return s;
  }
  markLoaded(names: string[]) {
    const s = this.resolve();
    if (!s) return;
    for (const n of names) if (n === 'name' || n === 'visibility' || n === 'id') this.loaded.set(n, n === 'name' ? s.name : n === 'id' ? s.id : s.visibility);
  }
  load(spec?: string) {
    const wanted = props(spec);
    this.ctx.queue.push(() => this.markLoaded(wanted));
    return this;
  }
  get name(): string {
    return this.read('name');
  }
  get id(): string {
    return this.read('id');
  }
  get onChanged() {
    const map = this.ctx.book.handlers.changed;
    const id = () => this.target().id;
    return eventHandlers(
      this.ctx,
      (h) => map.set(id(), [...(map.get(id()) ?? []), h]),
      (h) =>
        map.set(
          id(),
          (map.get(id()) ?? []).filter((x) => x !== h),
        ),
    );
  }
  get visibility(): string {
    return this.read('visibility');
  }
  set visibility(v: string) {
    this.ctx.queue.push(() => {
      this.target().visibility = v as FakeSheet['visibility'];
    });
  }
  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, () => {
      const sheet = this.target();
      if (/^[A-Z]+:[A-Z]+$/.test(address)) {
        const [a, b] = address.split(':') as [string, string];
        return { sheet, column: columnIndex(a), row: 1, lastColumn: columnIndex(b), lastRow: 1048576 };
      }
      return { sheet, ...parseRange(address) };
    });
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): FakeRange {
    return new FakeRange(this.ctx, () => ({
      sheet: this.target(),
      row: row + 1,
      column: column + 1,
      lastRow: row + rows,
      lastColumn: column + columns,
    }));
  }
  getUsedRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.ctx,
      () => {
        const sheet = this.resolve();
        const used = sheet?.used();
        return sheet && used ? { sheet, ...used } : undefined;
      },
      true,
    );
  }
  freezePanes = {
    freezeRows: (n: number) => this.ctx.queue.push(() => void (this.target().frozenRows = n)),
  };
  activate() {
    this.ctx.queue.push(() => void (this.ctx.book.active = this.target().name));
  }
}

interface Area {
  sheet: FakeSheet;
  row: number;
  column: number;
  lastRow: number;
  lastColumn: number;
}

function address(a: Area): string {
  const cell = (c: number, r: number) => {
    let s = '';
    let n = c;
    while (n > 0) {
      s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      n = Math.floor((n - 1) / 26);
    }
    return `${s}${r}`;
  };
  const from = cell(a.column, a.row);
  const to = cell(a.lastColumn, a.lastRow);
  return from === to ? from : `${from}:${to}`;
}

class FakeRange extends Proxy {
  constructor(
    ctx: FakeContext,
    readonly resolve: () => Area | undefined,
    orNull = false,
  ) {
    super(ctx);
    if (orNull) this.ctx.queue.push(() => this.setNull(!this.resolve()));
    else this.setNull(false);
  }
  private area(): Area {
    const a = this.resolve();
    if (!a) throw new FakeError('ItemNotFound', 'Området finns inte.');
    return a;
  }
  private each(fn: (cell: FakeCell, i: number, j: number) => void) {
    const a = this.area();
    if (a.lastRow - a.row > 100_000) throw new Error('fake: whole-column writes are not supported');
    for (let r = a.row; r <= a.lastRow; r++) for (let c = a.column; c <= a.lastColumn; c++) fn(a.sheet.cell(r, c), r - a.row, c - a.column);
  }
  private checkShape(values: unknown) {
    const a = this.area();
    const rows = a.lastRow - a.row + 1;
    const cols = a.lastColumn - a.column + 1;
    if (!Array.isArray(values) || values.length !== rows || values.some((r) => !Array.isArray(r) || r.length !== cols)) {
      throw new FakeError('InvalidArgument', `Matrisen passar inte området ${address(a)} (${rows}×${cols}).`);
    }
  }
  load(spec?: string) {
    const wanted = props(spec);
    this.ctx.queue.push(() => {
      const a = this.resolve();
      if (!a) return;
      const rows = a.lastRow - a.row + 1;
      const cols = a.lastColumn - a.column + 1;
      const grid = <T>(f: (c: FakeCell | undefined) => T): T[][] =>
        Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => f(a.sheet.cells.get(`${a.row + i},${a.column + j}`))));
      for (const p of wanted) {
        if (p === 'values')
          this.loaded.set(
            p,
            grid((c) => c?.error ?? c?.value ?? ''),
          );
        else if (p === 'formulas')
          this.loaded.set(
            p,
            grid((c) => c?.formula ?? c?.error ?? c?.value ?? ''),
          );
        else if (p === 'valueTypes')
          this.loaded.set(
            p,
            grid((c) =>
              c?.error
                ? 'Error'
                : c?.value === undefined
                  ? 'Empty'
                  : typeof c.value === 'number'
                    ? 'Double'
                    : typeof c.value === 'boolean'
                      ? 'Boolean'
                      : 'String',
            ),
          );
        else if (p === 'numberFormat')
          this.loaded.set(
            p,
            grid((c) => c?.numberFormat ?? 'General'),
          );
        else if (p === 'rowIndex') this.loaded.set(p, a.row - 1);
        else if (p === 'columnIndex') this.loaded.set(p, a.column - 1);
        else if (p === 'address') this.loaded.set(p, `${a.sheet.name}!${address(a)}`);
        else throw new FakeError('InvalidArgument', `fake: egenskapen ${p} stöds inte`);
      }
    });
    return this;
  }
  get values(): unknown[][] {
    return this.read('values');
  }
  set values(v: unknown[][]) {
    this.ctx.queue.push(() => {
      this.checkShape(v);
      this.each((cell, i, j) => {
        const x = v[i]![j];
        delete cell.formula;
        delete cell.error;
        if (x === '' || x === null) delete cell.value;
        else cell.value = x as string | number | boolean;
      });
    });
  }
  get formulas(): unknown[][] {
    return this.read('formulas');
  }
  set formulas(v: unknown[][]) {
    this.ctx.queue.push(() => {
      this.checkShape(v);
      this.each((cell, i, j) => {
        const x = v[i]![j];
        if (typeof x === 'string' && x.startsWith('=')) {
          cell.formula = x;
          delete cell.value; // the fake does not calculate
        } else {
          delete cell.formula;
          cell.value = x as string | number | boolean;
        }
      });
    });
  }
  get valueTypes(): string[][] {
    return this.read('valueTypes');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get address(): string {
    return this.read('address');
  }
  set numberFormat(v: unknown[][]) {
    this.ctx.queue.push(() => {
      this.checkShape(v);
      this.each((cell, i, j) => void (cell.numberFormat = String(v[i]![j])));
    });
  }
  select() {
    this.ctx.queue.push(() => {
      const a = this.area();
      this.ctx.book.selected = { sheet: a.sheet.name, address: address(a) };
    });
  }
  get format() {
    const area = (): Area => this.area();
    const ctx = this.ctx;
    return {
      set columnWidth(w: number) {
        ctx.queue.push(() => {
          const a = area();
          for (let c = a.column; c <= a.lastColumn; c++) a.sheet.columnWidths.set(String(c), w);
        });
      },
      set wrapText(_: boolean) {
        ctx.queue.push(() => void area());
      },
      set verticalAlignment(_: string) {
        ctx.queue.push(() => void area());
      },
      font: {
        set bold(b: boolean) {
          ctx.queue.push(() => {
            const a = area();
            if (b) a.sheet.bold.add(address(a));
          });
        },
        set color(_: string) {
          ctx.queue.push(() => void area());
        },
      },
      fill: {
        set color(_: string) {
          ctx.queue.push(() => void area());
        },
      },
    };
  }
  get dataValidation() {
    const area = (): Area => this.area();
    const ctx = this.ctx;
    const current = (): FakeValidation => {
      const a = area();
      const key = address(a);
      let v = a.sheet.validations.get(key);
      if (!v) {
        v = { rule: undefined };
        a.sheet.validations.set(key, v);
      }
      return v;
    };
    return {
      clear: () =>
        ctx.queue.push(() => {
          const a = area();
          a.sheet.validations.delete(address(a));
        }),
      set rule(r: unknown) {
        ctx.queue.push(() => void (current().rule = r));
      },
      set prompt(p: unknown) {
        ctx.queue.push(() => void (current().prompt = p));
      },
      set errorAlert(e: unknown) {
        ctx.queue.push(() => void (current().errorAlert = e));
      },
      set ignoreBlanks(b: boolean) {
        ctx.queue.push(() => void (current().ignoreBlanks = b));
      },
    };
  }
  get conditionalFormats() {
    const area = (): Area => this.area();
    const ctx = this.ctx;
    return {
      clearAll: () =>
        ctx.queue.push(() => {
          const a = area();
          const key = address(a);
          a.sheet.conditionalFormats = a.sheet.conditionalFormats.filter((cf) => cf.range !== key);
        }),
      add: (type: string) => {
        if (type !== 'Custom') throw new FakeError('InvalidArgument', 'fake: bara Custom stöds');
        const entry: { range: string; formula: string; fill?: string } = { range: '', formula: '' };
        ctx.queue.push(() => {
          const a = area();
          entry.range = address(a);
          a.sheet.conditionalFormats.push(entry);
        });
        return {
          custom: {
            rule: {
              set formula(f: string) {
                ctx.queue.push(() => void (entry.formula = f));
              },
            },
            format: {
              fill: {
                set color(c: string) {
                  ctx.queue.push(() => void (entry.fill = c));
                },
              },
              font: {
                set color(_: string) {
                  /* not tracked */
                },
              },
            },
          },
        };
      },
    };
  }
}
