/**
 * The .xlsx adapter: the host port over the workbook's package itself, for the CLI and the
 * tests. Reading streams only the sheets asked for (bounded by SHEET_LIMITS, whatever
 * ranges the workbook declares). Writing applies the template's edits to the parts
 * Planrapport owns — its sheets' cells, columns, validations and conditional formats, its
 * styles, its own sheets — and copies every other part of the package byte for byte, so
 * charts, pivots, comments, names, links, labels and everything else come through unchanged.
 */
import { promises as fs } from 'node:fs';
import type { Edit } from '../../core/workbook/edits';
import type { WorkbookSnapshot } from '../../core/workbook/snapshot';
import { UnreadableWorkbookError, WorkbookConflictError, type WorkbookHost } from '../port';
import { blankWorkbook, BLANK_SHEET } from './ooxml/blank';
import { Package, REL_TYPE } from './ooxml/opc';
import { parseRect } from './ooxml/ranges';
import { readSharedStrings, readSheet, resolveSharedStrings, type SheetReading } from './ooxml/sheetReader';
import { SheetConflict, SheetEditor, type TableInfo } from './ooxml/sheetEditor';
import { Styles } from './ooxml/styles';
import { WorkbookPart, WorkbookPartMissing } from './ooxml/workbookPart';
import { parseXml, rootElement } from './xml/dom';
import { XmlFormatError } from './xml/scanner';
import { ZIP_LIMITS, ZipError, ZipReader, type ByteSink } from './zip/zip';
import { describeForeignFile } from './sniff';

const HEADER_FILL = 'FFDCE6F1';

interface State {
  pkg: Package;
  workbook: WorkbookPart;
  styles: Styles;
  stylesPart: string;
  sharedStrings?: string;
}

async function load(zip: ZipReader): Promise<State> {
  const pkg = new Package(zip);
  const workbook = await WorkbookPart.load(pkg);
  const { styles: stylesPart, sharedStrings } = await workbook.partsOf(pkg);
  const styles = Styles.parse(stylesPart ? await pkg.text(stylesPart) : undefined, workbook.date1904);
  return { pkg, workbook, styles, stylesPart: stylesPart ?? 'xl/styles.xml', sharedStrings };
}

/** Swedish words for why a file cannot be read as a workbook. */
function unreadable(name: string, e: unknown, head?: Uint8Array, entries?: readonly string[]): UnreadableWorkbookError {
  if (e instanceof UnreadableWorkbookError) return e;
  const foreign = head ? describeForeignFile(head, entries) : undefined;
  if (foreign) {
    return new UnreadableWorkbookError(
      `${name} är ${foreign}, inte en Excel-arbetsbok (.xlsx). Öppna filen i Excel och spara den som Excel-arbetsbok (.xlsx).`,
    );
  }
  if (e instanceof ZipError) {
    if (e.reason === 'limit') return new UnreadableWorkbookError(`${name} kan inte läsas: ${e.message}. Se Planrapports gränser i README.`);
    if (e.reason === 'encrypted')
      return new UnreadableWorkbookError(`${name} är krypterad. Ta bort lösenordet i Excel (Arkiv > Info > Skydda arbetsbok) och försök igen.`);
    if (e.reason === 'damaged')
      return new UnreadableWorkbookError(`${name} är skadad (${e.message}). Öppna den i Excel och låt Excel reparera den, spara och försök igen.`);
  }
  if (e instanceof XmlFormatError || e instanceof WorkbookPartMissing) {
    return new UnreadableWorkbookError(
      `${name} är skadad eller ingen Excel-arbetsbok (${e.message || 'arbetsboksdelen saknas'}). Öppna den i Excel, spara som Excel-arbetsbok (.xlsx) och försök igen.`,
    );
  }
  return new UnreadableWorkbookError(`${name} är ingen läsbar Excel-arbetsbok (.xlsx). Spara filen som Excel-arbetsbok (.xlsx) och försök igen.`);
}

async function headOf(path: string): Promise<Uint8Array | undefined> {
  try {
    const fh = await fs.open(path, 'r');
    try {
      const buf = Buffer.alloc(8192);
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch {
    return undefined;
  }
}

export class XlsxHost implements WorkbookHost {
  private readonly state: Promise<State>;
  private verified = false;

  private constructor(state: Promise<State>) {
    this.state = state;
    // an unhandled rejection is reported where the state is awaited
    state.catch(() => undefined);
  }

  /** A new, empty workbook (the template adds the sheets). */
  static create(): XlsxHost {
    return new XlsxHost(
      blankWorkbook()
        .then((b) => ZipReader.open(b))
        .then(load),
    );
  }

  /** Opens an .xlsx file; a file that is not a readable workbook gives a Swedish error. */
  static async open(path: string): Promise<XlsxHost> {
    let zip: ZipReader;
    try {
      const { size } = await fs.stat(path);
      if (size > ZIP_LIMITS.maxFileSize) {
        throw new UnreadableWorkbookError(
          `${path} är ${Math.round(size / 1024 ** 2).toLocaleString('sv-SE')} MB; Planrapport läser arbetsböcker upp till ${ZIP_LIMITS.maxFileSize / 1024 ** 3} GB. Flytta stora underlag (bilder, rådata) till en egen arbetsbok och försök igen.`,
        );
      }
      zip = await ZipReader.open(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new UnreadableWorkbookError(`Filen ${path} finns inte.`);
      if (code) throw e;
      throw unreadable(path, e, await headOf(path));
    }
    try {
      const state = await load(zip);
      return new XlsxHost(Promise.resolve(state));
    } catch (e) {
      zip.close();
      throw unreadable(
        path,
        e,
        await headOf(path),
        zip.entries.map((x) => x.name),
      );
    }
  }

  static async fromBuffer(data: Buffer | ArrayBuffer | Uint8Array, name = 'arbetsboken'): Promise<XlsxHost> {
    const buf = Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
    let zip: ZipReader;
    try {
      zip = await ZipReader.open(buf);
    } catch (e) {
      throw unreadable(name, e, buf.subarray(0, 8192));
    }
    try {
      return new XlsxHost(Promise.resolve(await load(zip)));
    } catch (e) {
      throw unreadable(
        name,
        e,
        buf.subarray(0, 8192),
        zip.entries.map((x) => x.name),
      );
    }
  }

  /** Releases the file (the CLI calls it when done). */
  async close(): Promise<void> {
    (await this.state).pkg.zip.close();
  }

  /** Writes the package. Every part is checked against its checksum first, so damage is never made permanent. */
  async write(sink: ByteSink): Promise<void> {
    const st = await this.state;
    if (!this.verified) {
      await st.pkg.zip.verifyAll().catch((e: unknown) => {
        throw unreadable('Arbetsboken', e);
      });
      this.verified = true;
    }
    await st.pkg.write(sink);
  }

  async save(path: string): Promise<void> {
    const fh = await fs.open(path, 'w');
    try {
      await this.write({ write: async (d) => void (await fh.write(d)) });
      await fh.sync().catch(() => undefined);
    } finally {
      await fh.close();
    }
  }

  async toBuffer(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    await this.write({ write: async (d) => void chunks.push(Buffer.from(d)) });
    return Buffer.concat(chunks);
  }

  async read(sheets: readonly string[]): Promise<WorkbookSnapshot> {
    const st = await this.state;
    try {
      return await this.snapshot(st, sheets);
    } catch (e) {
      throw unreadable('Arbetsboken', e);
    }
  }

  async update<T>(sheets: readonly string[], compute: (snapshot: WorkbookSnapshot) => { edits: Edit[]; result: T }): Promise<T> {
    const { edits, result } = compute(await this.read(sheets));
    await this.apply(edits);
    return result;
  }

  private async snapshot(st: State, names: readonly string[]): Promise<WorkbookSnapshot & { sheets: Record<string, SheetReading> }> {
    const snapshot: WorkbookSnapshot & { sheets: Record<string, SheetReading> } = { sheetNames: st.workbook.sheets.map((s) => s.name), sheets: {} };
    const wanted = new Set<number>();
    for (const name of names) {
      const entry = st.workbook.sheet(name);
      if (!entry?.part || !st.pkg.has(entry.part)) continue;
      const reading = await readSheet(name, st.pkg.chunks(entry.part), st.styles, wanted);
      reading.hidden = entry.state !== 'visible';
      snapshot.sheets[name] = reading;
    }
    if (wanted.size && st.sharedStrings && st.pkg.has(st.sharedStrings)) {
      const strings = await readSharedStrings(st.pkg.chunks(st.sharedStrings), wanted);
      for (const sheet of Object.values(snapshot.sheets)) resolveSharedStrings(sheet, strings);
    } else if (wanted.size) {
      for (const sheet of Object.values(snapshot.sheets)) resolveSharedStrings(sheet, new Map());
    }
    return snapshot;
  }

  private async tablesOf(st: State, part: string): Promise<TableInfo[]> {
    const out: TableInfo[] = [];
    for (const rel of await st.pkg.relationships(part)) {
      if (!REL_TYPE.table.test(rel.type) || !rel.part || !st.pkg.has(rel.part)) continue;
      const root = rootElement(parseXml((await st.pkg.text(rel.part)) ?? '', rel.part));
      const ref = parseRect(root.getAttribute('ref') ?? '');
      if (!ref) continue;
      out.push({
        name: root.getAttribute('displayName') ?? root.getAttribute('name') ?? '',
        ref,
        headerRows: Number(root.getAttribute('headerRowCount') ?? 1),
        totalsRows: Number(root.getAttribute('totalsRowCount') ?? 0),
      });
    }
    return out;
  }

  /**
   * Applies edits to the package. Conflicts (a protected sheet, a merged area, a table's
   * header, locked workbook structure) stop it before anything is kept.
   */
  async apply(edits: readonly Edit[]): Promise<void> {
    const st = await this.state;
    if (edits.length && st.workbook.strict) {
      throw new WorkbookConflictError([
        'Arbetsboken är sparad som "Strict Open XML-kalkylblad". Spara den som vanlig Excel-arbetsbok (.xlsx) i Excel (Arkiv > Spara som) och kör igen.',
      ]);
    }
    const editors = new Map<string, SheetEditor>();
    const conflicts: string[] = [];
    const editor = async (name: string): Promise<SheetEditor> => {
      const entry = st.workbook.sheet(name);
      if (!entry) throw new Error(`Fliken ${name} finns inte.`);
      if (!entry.part) throw new SheetConflict(`${name} är inget kalkylblad`);
      let ed = editors.get(entry.part);
      if (!ed) {
        const text = (await st.pkg.text(entry.part)) ?? BLANK_SHEET;
        ed = new SheetEditor(entry.name, entry.part, text, st.styles, await this.tablesOf(st, entry.part));
        editors.set(entry.part, ed);
      }
      return ed;
    };
    try {
      for (const edit of edits) {
        switch (edit.op) {
          case 'addSheet':
            if (st.workbook.sheet(edit.sheet)) break;
            if (st.workbook.structureLocked) {
              conflicts.push(
                `Arbetsbokens struktur är skyddad, så fliken ${edit.sheet} kan inte läggas till. Ta bort skyddet (Granska > Skydda arbetsbok) och kör igen.`,
              );
              break;
            }
            await st.workbook.addSheet(
              st.pkg,
              edit.sheet,
              st.workbook.sheets.length === 0 ? BLANK_SHEET.replace('<sheetView ', '<sheetView tabSelected="1" ') : BLANK_SHEET,
            );
            break;
          case 'setSheetVisible': {
            const entry = st.workbook.sheet(edit.sheet);
            const isVisible = entry?.state === 'visible';
            if (!entry || isVisible === edit.visible) break;
            if (st.workbook.structureLocked) {
              conflicts.push(
                `Arbetsbokens struktur är skyddad, så fliken ${edit.sheet} kan inte ${edit.visible ? 'visas' : 'döljas'}. Ta bort skyddet (Granska > Skydda arbetsbok) och kör igen.`,
              );
              break;
            }
            st.workbook.setVisible(edit.sheet, edit.visible);
            break;
          }
          case 'setCells':
            if (!st.workbook.sheet(edit.sheet) && conflicts.length) break;
            (await editor(edit.sheet)).setCells(edit.topLeft, edit.rows);
            break;
          case 'clearCells':
            if (!st.workbook.sheet(edit.sheet) && conflicts.length) break;
            (await editor(edit.sheet)).clearCells(edit.range);
            break;
          case 'columnWidth':
            if (!st.workbook.sheet(edit.sheet) && conflicts.length) break;
            (await editor(edit.sheet)).columnWidth(edit.column, edit.width);
            break;
          case 'numberFormat':
            if (!st.workbook.sheet(edit.sheet) && conflicts.length) break;
            (await editor(edit.sheet)).style(edit.range, { numFmt: edit.format });
            break;
          case 'wrapText':
            if (!st.workbook.sheet(edit.sheet) && conflicts.length) break;
            (await editor(edit.sheet)).style(edit.range, { wrap: true });
            break;
          case 'headerStyle':
            if (!st.workbook.sheet(edit.sheet) && conflicts.length) break;
            (await editor(edit.sheet)).style(edit.range, { header: { fill: HEADER_FILL } });
            break;
          case 'freezeHeader':
            if (!st.workbook.sheet(edit.sheet) && conflicts.length) break;
            (await editor(edit.sheet)).freezeHeader();
            break;
          case 'validation':
            if (!st.workbook.sheet(edit.sheet) && conflicts.length) break;
            (await editor(edit.sheet)).validation(edit.range, edit.rule, edit);
            break;
          case 'conditionalFormat':
            if (!st.workbook.sheet(edit.sheet) && conflicts.length) break;
            (await editor(edit.sheet)).conditionalFormat(edit.range, edit.format);
            break;
        }
      }
      const outputs = new Map<string, string>();
      let formulas = false;
      for (const [part, ed] of editors) {
        const xml = ed.serialize();
        conflicts.push(...ed.conflicts);
        if (xml !== undefined) outputs.set(part, xml);
        if (ed.hasNewFormulas) formulas = true;
      }
      if (conflicts.length) throw new WorkbookConflictError([...new Set(conflicts)]);
      for (const [part, xml] of outputs) st.pkg.set(part, xml);
      if (formulas) st.workbook.recalculateOnLoad();
      st.workbook.save(st.pkg);
      if (st.styles.isChanged) st.pkg.set(st.stylesPart, st.styles.serialize());
    } catch (e) {
      if (e instanceof SheetConflict) throw new WorkbookConflictError([e.message]);
      if (e instanceof XmlFormatError || e instanceof ZipError) throw unreadable('Arbetsboken', e);
      throw e;
    }
  }
}
