/**
 * The free tables (sheet Tabeller): each printed under the section or driftbudget line its
 * Avsnitt names, after the paragraph that announces it ("… enligt nedan:"), a section the
 * outline knows made for it when the workbook has no text for it; those that name no section
 * of the document go under the economy's heading, no heading made up for them.
 */
import type { FreeTable } from '../../model/plan';
import { oneLine } from '../../values/text';
import { contentWidths } from '../columns';
import type { Block, BlockOf, Section, TableColumn } from '../model';
import { isSection, sectionKey, type DocumentOutline } from '../outline';
import { knownSection, type Part } from './textSections';
import { figures, type Figures } from '../figures';

/**
 * Decimals a free table's numbers are printed with: as many as its most precise number
 * (at most 2), the same in every column, as the reference tables print mnkr ("0,0", "32,0").
 */
export function tableDecimals(rows: FreeTable['rows']): number {
  let decimals = 0;
  for (const row of rows) {
    for (const v of row.cells) {
      if (typeof v !== 'number') continue;
      const d = /\.(\d+)$/.exec(String(v))?.[1]?.length ?? 0;
      decimals = Math.max(decimals, Math.min(d, 2));
    }
  }
  return decimals;
}

/** A value column of a free table: numbers, "i.u." or blanks (month statistics, amounts). */
function isValueColumn(rows: { cells: string[] }[], texts: FreeTable['rows'], c: number): boolean {
  return (
    texts.some((r) => typeof r.cells[c] === 'number') &&
    rows.every((r) => {
      const t = r.cells[c] ?? '';
      return t === '' || /^[-−+]?[\d\s\u00a0]+(,\d+)?$/.test(t) || /^i\.?\s?u\.?$/i.test(t);
    })
  );
}

/** A free table as printed under a section (its caption left out when the heading or the first column already says it). */
export function freeTableBlock(table: FreeTable, sectionHeading?: string, fig: Figures = figures()): BlockOf<'freeTable'> {
  const width = Math.max(table.header.length, ...table.rows.map((r) => r.cells.length), 1);
  const decimals = tableDecimals(table.rows);
  const rows = table.rows.map((row) => ({
    sum: row.kind === 'Summa',
    cells: Array.from({ length: width }, (_, c) => {
      const v = row.cells[c];
      if (v === undefined) return '';
      return typeof v === 'number' ? fig.number(v, decimals, decimals) : oneLine(v);
    }),
  }));
  const header = Array.from({ length: width }, (_, c) => oneLine(table.header[c] ?? ''));
  const widths = contentWidths(
    header,
    rows.map((r) => r.cells),
    width,
  );
  const columns: TableColumn[] = header.map((h, c) => ({
    header: h,
    width: widths[c]!,
    align: c > 0 && isValueColumn(rows, table.rows, c) ? 'right' : 'left',
  }));
  const named = (t: string | undefined) => (t ? sectionKey(t) : '');
  const caption = table.caption && ![named(table.header[0]), named(sectionHeading)].includes(sectionKey(table.caption)) ? oneLine(table.caption) : undefined;
  return {
    kind: 'freeTable',
    caption,
    columns,
    // a row with only its first cell filled heads the rows below it (Omslutningsförändringar)
    rows: rows.map((r) => ({ ...r, group: !r.sum && r.cells.length > 1 && r.cells[0] !== '' && r.cells.slice(1).every((x) => x === '') })),
  };
}

const announces = (text: string) => /:\s*$/.test(text);

/** Puts blocks after the paragraph that announces them ("… enligt nedan:"), or at the end. */
export function insertAfterIntroduction(section: Section, blocks: Block[]): void {
  const at = section.blocks.findIndex((b) => b.kind === 'richText' && b.blocks.some((rb) => announces(rb.runs.map((r) => r.text).join(''))));
  if (at < 0) {
    section.blocks.push(...blocks);
    return;
  }
  const text = section.blocks[at] as BlockOf<'richText'>;
  const split = text.blocks.findIndex((rb) => announces(rb.runs.map((r) => r.text).join(''))) + 1;
  const before: Block = { kind: 'richText', blocks: text.blocks.slice(0, split) };
  const after: Block[] = split < text.blocks.length ? [{ kind: 'richText', blocks: text.blocks.slice(split) }] : [];
  section.blocks.splice(at, 1, before, ...blocks, ...after);
}

/** The workbook's free tables while the report places them: each goes to the first place that names it. */
export class FreeTables {
  private readonly placed = new Set<FreeTable>();
  /** The section a table goes to when its Avsnitt names a known section by another name ("Budget" for "Budget 2019"). */
  private readonly target = new Map<FreeTable, string>();

  constructor(
    private readonly tables: readonly FreeTable[],
    private readonly fig: Figures = figures(),
  ) {}

  /** The tables not placed yet whose Avsnitt names `name`, as blocks under that name; they count as placed. */
  take(name: string): BlockOf<'freeTable'>[] {
    const key = sectionKey(name);
    const tables = this.tables.filter((t) => t.section && sectionKey(this.target.get(t) ?? t.section) === key && !this.placed.has(t));
    tables.forEach((t) => this.placed.add(t));
    return tables.map((t) => freeTableBlock(t, name, this.fig));
  }

  /**
   * For each table not placed yet whose Avsnitt names a section the outline knows but the
   * document does not have (no text for it), that section, made empty where the outline puts it.
   */
  makeKnownSections(parts: readonly Part[], outline: DocumentOutline): void {
    for (const t of this.tables) {
      if (this.placed.has(t) || !t.section) continue;
      const key = sectionKey(t.section);
      if (!key || parts.some((p) => hasSection(p.section, key))) continue;
      for (const spec of outline.textParts) {
        const known = spec.sections.find((s) => isSection(s, key) || sectionKey(s.printed) === key);
        const part = known && parts.find((p) => sectionKey(p.section.heading) === sectionKey(spec.heading));
        if (!known || !part) continue;
        const section = knownSection(part, spec, known, key === known.key ? known.printed : oneLine(t.section));
        this.target.set(t, section.heading);
        break;
      }
    }
  }

  /** Puts the tables that name the section, or a section below it, there. */
  attachTo(section: Section): void {
    const blocks = this.take(section.heading);
    if (blocks.length) insertAfterIntroduction(section, blocks);
    section.children.forEach((child) => this.attachTo(child));
  }

  /** The tables placed nowhere. */
  unplaced(): FreeTable[] {
    return this.tables.filter((t) => !this.placed.has(t));
  }

  /** The tables placed nowhere, as blocks. */
  rest(): BlockOf<'freeTable'>[] {
    return this.unplaced().map((t) => freeTableBlock(t, undefined, this.fig));
  }
}

/** Whether the section or one below it has this name (`sectionKey`). */
function hasSection(section: Section, key: string): boolean {
  return sectionKey(section.heading) === key || section.children.some((c) => hasSection(c, key));
}
