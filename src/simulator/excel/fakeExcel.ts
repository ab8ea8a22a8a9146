/**
 * The office-js stand-in: the Excel API subset the adapter (src/hosts/excel/excelHost.ts) uses,
 * over an in-memory workbook model. Tests run the adapter against it in node and jsdom; the
 * simulator (`npm run simulator`) runs the production task pane against it in a browser.
 *
 * It keeps office-js's rules honest, and refuses what real Excel refuses that we know of:
 * - writes and loads are queued and only happen at context.sync(); every run and sync is counted;
 * - reading a property that was not loaded, or before the sync, throws `PropertyNotLoaded`;
 * - a sync whose request or response passes 5 MB fails (Excel on the web's limit, limits.ts);
 * - a data validation rule with a formula Excel refuses fails with `InvalidArgument` (limits.ts);
 * - a sync stops at the first failing operation; what went before it stays done (as in Excel).
 *
 * Worksheet.onChanged (ExcelApi 1.7) is raised for changes through the API and for cells the
 * user types (`FakeSheet.type`, the simulator's grid).
 */
import { columnIndex, columnLetter, parseRange } from '../../core/cells/address';
import { PAYLOAD_LIMIT_BYTES, payloadBytes, validationRuleProblem } from './limits';

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

export interface FakeConditionalFormat {
  range: string;
  formula: string;
  fill?: string;
  fontColor?: string;
}

/** Formatting set on a range (the simulator writes it to the .xlsx it hands out). */
export interface FakeFormat {
  range: string;
  bold?: boolean;
  fill?: string;
  fontColor?: string;
  wrapText?: boolean;
  verticalAlignment?: string;
}

/** What the workbook tells its listeners (the simulator's grid) after a change. */
export type FakeChange =
  { type: 'cells'; sheet: string } | { type: 'sheets' } | { type: 'selection'; sheet: string; address: string } | { type: 'format'; sheet: string };

export interface FakeChangedEvent {
  type: 'WorksheetChanged';
  changeType: 'RangeEdited';
  source: 'Local';
  worksheetId: string;
  address: string;
}

/** What WorksheetCollection.onAdded / onDeleted handlers get. */
export interface FakeSheetEvent {
  type: 'WorksheetAdded' | 'WorksheetDeleted';
  source: 'Local';
  worksheetId: string;
}

type EventHandler = (event: FakeChangedEvent | FakeSheetEvent) => Promise<unknown> | void;

let sheetIds = 0;

export class FakeSheet {
  /** Worksheet.id: stays when the sheet is renamed. */
  readonly id = `{sheet-${++sheetIds}}`;
  cells = new Map<string, FakeCell>(); // "r,c" 1-based
  validations = new Map<string, FakeValidation>(); // by range address
  conditionalFormats: FakeConditionalFormat[] = [];
  formats: FakeFormat[] = [];
  columnWidths = new Map<string, number>(); // column number → points
  frozenRows = 0;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  bold = new Set<string>();
  constructor(
    public name: string,
    private readonly book?: FakeWorkbook,
  ) {}

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
    const { row, column } = parseRange(address);
    return this.cells.get(`${row},${column}`);
  }

  /**
   * Sets a cell as a user types it, e.g. sheet.type('A1', 'Fält'): a text starting with "="
   * is a formula, null empties the cell. Raises onChanged and tells the listeners.
   */
  type(address: string, value: string | number | boolean | null) {
    const { row, column } = parseRange(address);
    if (value === null || value === '') this.cells.delete(`${row},${column}`);
    else if (typeof value === 'string' && value.startsWith('=') && value.length > 1) this.cells.set(`${row},${column}`, { formula: value });
    else {
      const c = this.cell(row, column);
      delete c.formula;
      delete c.error;
      c.value = value;
    }
    this.book?.changed([{ type: 'cells', sheet: this.name }], [{ sheet: this, address: `${columnLetter(column)}${row}` }]);
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
  /** Bytes one request, and one response, may hold (Excel on the web: 5 MB). */
  payloadLimit = PAYLOAD_LIMIT_BYTES;
  /** The largest request and response seen, in bytes (for tests and the bench). */
  largest = { request: 0, response: 0 };
  private listeners = new Set<(changes: FakeChange[]) => void>();

  addSheet(name: string): FakeSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
      throw new FakeError('ItemAlreadyExists', `Det finns redan ett blad med namnet ${name}.`);
    const s = new FakeSheet(name, this);
    this.sheets.push(s);
    this.emit(this.handlers.added, { type: 'WorksheetAdded', worksheetId: s.id, source: 'Local' } satisfies FakeSheetEvent);
    return s;
  }

  /** The user deletes a sheet: WorksheetCollection.onDeleted fires; the sheet's own handlers go with it. */
  deleteSheet(name: string) {
    const s = this.sheet(name);
    if (!s) throw new FakeError('ItemNotFound', `Bladet ${name} finns inte.`);
    this.sheets = this.sheets.filter((x) => x !== s);
    this.handlers.changed.delete(s.id);
    if (this.active === name) this.active = undefined;
    if (this.selected?.sheet === name) this.selected = undefined;
    this.changed([{ type: 'sheets' }]);
    this.emit(this.handlers.deleted, { type: 'WorksheetDeleted', worksheetId: s.id, source: 'Local' } satisfies FakeSheetEvent);
  }

  /**
   * Event handlers added through office-js (Worksheet.onChanged by sheet id, WorksheetCollection
   * onAdded/onDeleted). Excel calls them after the change, asynchronously; so does the fake.
   */
  handlers = { changed: new Map<string, EventHandler[]>(), added: [] as EventHandler[], deleted: [] as EventHandler[] };

  /** The pane is closed (the simulator opens another workbook): its event handlers go with it. */
  removeHandlers() {
    this.handlers.changed.clear();
    this.handlers.added.length = 0;
    this.handlers.deleted.length = 0;
  }

  /** A user types into a cell (or clears it with null): the value changes and Worksheet.onChanged fires. */
  edit(sheet: string, address: string, value: string | number | boolean | null) {
    const s = this.sheet(sheet);
    if (!s) throw new FakeError('ItemNotFound', `Bladet ${sheet} finns inte.`);
    s.type(address, value);
  }

  /** Calls each handler after the change, as Excel does; a handler's failure is its own. */
  private emit(handlers: readonly EventHandler[], event: FakeChangedEvent | FakeSheetEvent) {
    for (const handler of handlers) setTimeout(() => void Promise.resolve(handler(event)).catch(() => undefined), 0);
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** The user selects a cell (the simulator's grid); the pane's own selections go through Range.select(). */
  userSelects(sheet: string, address: string) {
    this.selected = { sheet, address };
    this.active = sheet;
  }

  /** Listens to changes (after each sync that changed something, and after FakeSheet.type); returns the unsubscribe. */
  subscribe(listener: (changes: FakeChange[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the listeners, and raises onChanged on the sheets whose cells changed (by the user or through the API, as Excel does). */
  changed(changes: FakeChange[], edited: { sheet: FakeSheet; address: string }[] = []) {
    if (changes.length) for (const l of this.listeners) l(changes);
    for (const { sheet, address } of edited) {
      const event: FakeChangedEvent = { type: 'WorksheetChanged', changeType: 'RangeEdited', source: 'Local', worksheetId: sheet.id, address };
      this.emit(this.handlers.changed.get(sheet.id) ?? [], event);
    }
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
    this.name = 'RichApi.Error';
  }
}

type Op = () => void;

/** OfficeExtension.EventHandlers: `add` registers at the next sync, and so does the result's `remove`. */
function eventHandlers<E>(ctx: FakeContext, register: (handler: EventHandler) => void, unregister: (handler: EventHandler) => void) {
  return {
    add(handler: (event: E) => Promise<unknown> | void) {
      const h = handler as EventHandler;
      ctx.push(() => register(h));
      return { remove: () => ctx.push(() => unregister(h)) };
    },
  };
}

class FakeContext {
  queue: Op[] = [];
  /** Bytes of the request being queued: the values and arguments of the operations, as JSON. */
  requestBytes = 0;
  /** Bytes of the response of the sync running: the loaded properties, as JSON. */
  responseBytes = 0;
  changes: FakeChange[] = [];
  edited: { sheet: FakeSheet; address: string }[] = [];
  workbook: { worksheets: FakeWorksheetCollection };
  constructor(readonly book: FakeWorkbook) {
    this.workbook = { worksheets: new FakeWorksheetCollection(this) };
  }
  /** Queues an operation whose arguments weigh `args` in the request. */
  push(op: Op, args?: unknown) {
    this.queue.push(op);
    this.requestBytes += 32 + payloadBytes(args); // 32: the action's own envelope
  }
  async sync(): Promise<void> {
    this.book.syncs++;
    const ops = this.queue;
    const request = this.requestBytes;
    this.queue = [];
    this.requestBytes = 0;
    this.responseBytes = 0;
    this.changes = [];
    this.edited = [];
    this.book.largest.request = Math.max(this.book.largest.request, request);
    if (request > this.book.payloadLimit) {
      throw new FakeError(
        'RequestPayloadSizeLimitExceeded',
        `Begäran är ${mb(request)} MB; Excel på webben tar högst ${mb(this.book.payloadLimit)} MB per synkning.`,
      );
    }
    try {
      for (const op of ops) op();
    } finally {
      this.book.changed(this.changes, this.edited);
    }
    this.book.largest.response = Math.max(this.book.largest.response, this.responseBytes);
    if (this.responseBytes > this.book.payloadLimit) {
      throw new FakeError(
        'ResponsePayloadSizeLimitExceeded',
        `Svaret är ${mb(this.responseBytes)} MB; Excel på webben ger högst ${mb(this.book.payloadLimit)} MB per synkning.`,
      );
    }
  }
  /** A loaded property's value: counted in the response. */
  respond<T>(value: T): T {
    this.responseBytes += payloadBytes(value);
    return value;
  }
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).replace('.', ',');

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
    this.ctx.push(() => {
      const items = this.ctx.book.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, () => s);
        ws.markLoaded(wanted.map((p) => p.replace(/^items\//, '')));
        return ws;
      });
      this.loaded.set('items', items);
    }, spec);
    return this;
  }
  get items(): FakeWorksheet[] {
    return this.read('items');
  }
  getItem(name: string): FakeWorksheet {
    this.ctx.requestBytes += 32 + payloadBytes(name);
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.book.sheet(name);
      if (!s) throw new FakeError('ItemNotFound', `Bladet ${name} finns inte.`);
      return s;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    this.ctx.requestBytes += 32 + payloadBytes(name);
    return new FakeWorksheet(this.ctx, () => this.ctx.book.sheet(name), true);
  }
  add(name: string): FakeWorksheet {
    this.ctx.push(() => {
      this.ctx.book.addSheet(name);
      this.ctx.changes.push({ type: 'sheets' });
    }, name);
    return this.getItem(name);
  }
  /** WorksheetCollection.onAdded (ExcelApi 1.7). */
  get onAdded() {
    const list = this.ctx.book.handlers.added;
    return eventHandlers<FakeSheetEvent>(
      this.ctx,
      (h) => list.push(h),
      (h) => list.includes(h) && list.splice(list.indexOf(h), 1),
    );
  }
  /** WorksheetCollection.onDeleted (ExcelApi 1.7). */
  get onDeleted() {
    const list = this.ctx.book.handlers.deleted;
    return eventHandlers<FakeSheetEvent>(
      this.ctx,
      (h) => list.push(h),
      (h) => list.includes(h) && list.splice(list.indexOf(h), 1),
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
    for (const n of names) {
      if (n === 'name') this.loaded.set(n, this.ctx.respond(s.name));
      else if (n === 'visibility') this.loaded.set(n, this.ctx.respond(s.visibility));
      else if (n === 'id') this.loaded.set(n, this.ctx.respond(s.id));
      else throw new FakeError('InvalidArgument', `fake: egenskapen ${n} stöds inte`);
    }
  }
  load(spec?: string) {
    const wanted = props(spec);
    this.ctx.push(() => this.markLoaded(wanted), spec);
    return this;
  }
  get name(): string {
    return this.read('name');
  }
  get id(): string {
    return this.read('id');
  }
  get visibility(): string {
    return this.read('visibility');
  }
  set visibility(v: string) {
    this.ctx.push(() => {
      this.target().visibility = v as FakeSheet['visibility'];
      this.ctx.changes.push({ type: 'sheets' });
    }, v);
  }
  getRange(address: string): FakeRange {
    this.ctx.requestBytes += 32 + payloadBytes(address);
    return new FakeRange(this.ctx, () => {
      const sheet = this.target();
      if (/^[A-Z]+:[A-Z]+$/i.test(address)) {
        const [a, b] = address.split(':') as [string, string];
        return { sheet, column: columnIndex(a), row: 1, lastColumn: columnIndex(b), lastRow: 1048576 };
      }
      try {
        return { sheet, ...parseRange(address) };
      } catch {
        throw new FakeError('InvalidArgument', `Ogiltig adress: ${address}`);
      }
    });
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): FakeRange {
    this.ctx.requestBytes += 64;
    return new FakeRange(this.ctx, () => ({
      sheet: this.target(),
      row: row + 1,
      column: column + 1,
      lastRow: row + rows,
      lastColumn: column + columns,
    }));
  }
  getUsedRangeOrNullObject(): FakeRange {
    this.ctx.requestBytes += 32;
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
    freezeRows: (n: number) =>
      this.ctx.push(() => {
        this.target().frozenRows = n;
        this.ctx.changes.push({ type: 'format', sheet: this.target().name });
      }, n),
  };
  activate() {
    this.ctx.push(() => {
      this.ctx.book.active = this.target().name;
    });
  }
  /** Worksheet.onChanged (ExcelApi 1.7): the handlers are the sheet's, by its id. */
  get onChanged() {
    const map = this.ctx.book.handlers.changed;
    const id = () => this.target().id;
    return eventHandlers<FakeChangedEvent>(
      this.ctx,
      (h) => map.set(id(), [...(map.get(id()) ?? []), h]),
      (h) =>
        map.set(
          id(),
          (map.get(id()) ?? []).filter((x) => x !== h),
        ),
    );
  }
}

interface Area {
  sheet: FakeSheet;
  row: number;
  column: number;
  lastRow: number;
  lastColumn: number;
}

function address(a: Pick<Area, 'row' | 'column' | 'lastRow' | 'lastColumn'>): string {
  const from = `${columnLetter(a.column)}${a.row}`;
  const to = `${columnLetter(a.lastColumn)}${a.lastRow}`;
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
    for (let r = a.row; r <= a.lastRow; r++)
      for (let c = a.column; c <= a.lastColumn; c++) {
        const cell = a.sheet.cells.get(`${r},${c}`);
        if (cell && cell.value === undefined && cell.formula === undefined && cell.error === undefined && cell.numberFormat === undefined)
          a.sheet.cells.delete(`${r},${c}`);
      }
    this.ctx.changes.push({ type: 'cells', sheet: a.sheet.name });
    this.ctx.edited.push({ sheet: a.sheet, address: address(a) });
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
    this.ctx.push(() => {
      const a = this.resolve();
      if (!a) return;
      const rows = a.lastRow - a.row + 1;
      const cols = a.lastColumn - a.column + 1;
      const grid = <T>(f: (c: FakeCell | undefined) => T): T[][] =>
        Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => f(a.sheet.cells.get(`${a.row + i},${a.column + j}`))));
      const set = (p: string, value: unknown) => this.loaded.set(p, this.ctx.respond(value));
      for (const p of wanted) {
        if (p === 'values')
          set(
            p,
            grid((c) => c?.error ?? c?.value ?? ''),
          );
        else if (p === 'formulas')
          set(
            p,
            grid((c) => c?.formula ?? c?.error ?? c?.value ?? ''),
          );
        else if (p === 'valueTypes')
          set(
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
          set(
            p,
            grid((c) => c?.numberFormat ?? 'General'),
          );
        else if (p === 'rowIndex') set(p, a.row - 1);
        else if (p === 'columnIndex') set(p, a.column - 1);
        else if (p === 'rowCount') set(p, rows);
        else if (p === 'columnCount') set(p, cols);
        else if (p === 'address') set(p, `${a.sheet.name}!${address(a)}`);
        else throw new FakeError('InvalidArgument', `fake: egenskapen ${p} stöds inte`);
      }
    }, spec);
    return this;
  }
  get values(): unknown[][] {
    return this.read('values');
  }
  set values(v: unknown[][]) {
    this.ctx.push(() => {
      this.checkShape(v);
      this.each((cell, i, j) => {
        const x = v[i]![j];
        delete cell.formula;
        delete cell.error;
        if (x === '' || x === null) delete cell.value;
        else cell.value = x as string | number | boolean;
      });
    }, v);
  }
  get formulas(): unknown[][] {
    return this.read('formulas');
  }
  set formulas(v: unknown[][]) {
    this.ctx.push(() => {
      this.checkShape(v);
      this.each((cell, i, j) => {
        const x = v[i]![j];
        if (typeof x === 'string' && x.startsWith('=')) {
          cell.formula = x;
          delete cell.value; // the fake does not calculate
        } else {
          delete cell.formula;
          if (x === '' || x === null) delete cell.value;
          else cell.value = x as string | number | boolean;
        }
      });
    }, v);
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
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get address(): string {
    return this.read('address');
  }
  get numberFormat(): unknown[][] {
    return this.read('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.ctx.push(() => {
      this.checkShape(v);
      this.each((cell, i, j) => void (cell.numberFormat = String(v[i]![j])));
    }, v);
  }
  select() {
    this.ctx.push(() => {
      const a = this.area();
      this.ctx.book.selected = { sheet: a.sheet.name, address: address(a) };
      this.ctx.changes.push({ type: 'selection', sheet: a.sheet.name, address: address(a) });
    });
  }
  get format() {
    const area = (): Area => this.area();
    const ctx = this.ctx;
    const style = (patch: Omit<FakeFormat, 'range'>) => {
      const a = area();
      const range = address(a);
      const existing = a.sheet.formats.find((f) => f.range === range);
      if (existing) Object.assign(existing, patch);
      else a.sheet.formats.push({ range, ...patch });
      ctx.changes.push({ type: 'format', sheet: a.sheet.name });
    };
    return {
      set columnWidth(w: number) {
        ctx.push(() => {
          const a = area();
          for (let c = a.column; c <= a.lastColumn; c++) a.sheet.columnWidths.set(String(c), w);
          ctx.changes.push({ type: 'format', sheet: a.sheet.name });
        }, w);
      },
      set wrapText(b: boolean) {
        ctx.push(() => style({ wrapText: b }), b);
      },
      set verticalAlignment(v: string) {
        ctx.push(() => style({ verticalAlignment: v }), v);
      },
      font: {
        set bold(b: boolean) {
          ctx.push(() => {
            const a = area();
            if (b) a.sheet.bold.add(address(a));
            style({ bold: b });
          }, b);
        },
        set color(c: string) {
          ctx.push(() => style({ fontColor: c }), c);
        },
      },
      fill: {
        set color(c: string) {
          ctx.push(() => style({ fill: c }), c);
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
        ctx.push(() => {
          const a = area();
          a.sheet.validations.delete(address(a));
        }),
      set rule(r: unknown) {
        ctx.push(() => {
          const problem = validationRuleProblem(r);
          if (problem) throw new FakeError('InvalidArgument', problem);
          current().rule = r;
        }, r);
      },
      set prompt(p: unknown) {
        ctx.push(() => void (current().prompt = p), p);
      },
      set errorAlert(e: unknown) {
        ctx.push(() => void (current().errorAlert = e), e);
      },
      set ignoreBlanks(b: boolean) {
        ctx.push(() => void (current().ignoreBlanks = b), b);
      },
    };
  }
  get conditionalFormats() {
    const area = (): Area => this.area();
    const ctx = this.ctx;
    return {
      clearAll: () =>
        ctx.push(() => {
          const a = area();
          const key = address(a);
          a.sheet.conditionalFormats = a.sheet.conditionalFormats.filter((cf) => cf.range !== key);
        }),
      add: (type: string) => {
        if (type !== 'Custom') throw new FakeError('InvalidArgument', 'fake: bara Custom stöds');
        const entry: FakeConditionalFormat = { range: '', formula: '' };
        ctx.push(() => {
          const a = area();
          entry.range = address(a);
          a.sheet.conditionalFormats.push(entry);
        }, type);
        return {
          custom: {
            rule: {
              set formula(f: string) {
                ctx.push(() => void (entry.formula = f), f);
              },
            },
            format: {
              fill: {
                set color(c: string) {
                  ctx.push(() => void (entry.fill = c), c);
                },
              },
              font: {
                set color(c: string) {
                  ctx.push(() => void (entry.fontColor = c), c);
                },
              },
            },
          },
        };
      },
    };
  }
}
