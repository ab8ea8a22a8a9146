/**
 * Workbook → plan, through the declared layout. Whatever cannot be read becomes a finding
 * naming sheet and cell in Swedish; nothing throws on bad input.
 */
import {
  AKTIVITETER,
  CONTRACT_SHEETS,
  DOKUMENT,
  DRIFTBUDGET,
  INDIKATORER,
  LISTS,
  MAL,
  TABELLER,
  TEXTER,
  KOSTNADSSLAG,
  VERKSAMHETSBUDGET,
  FREE_TABLE_COLUMNS,
  headerOf,
  derivedKeys,
  type AmountUnit,
  type ColumnKey,
  type ListKey,
  type TableSheetSpec,
} from '../layout/layout';
import { SIGN_STYLE_LABEL } from '../model/plan';
import {
  BUDGET_AMOUNT_KEYS,
  DOCUMENT_KIND_LABEL,
  type Activity,
  type ActivityStatus,
  type Assessment,
  type BudgetAmountKey,
  type BudgetRow,
  type BudgetRowType,
  type Direction,
  type DocumentKind,
  type FreeTable,
  type FrameField,
  type FreeTableRowKind,
  type Goal,
  type GoalLevel,
  type Indicator,
  type Periodicity,
  type Plan,
  type PlanBudgetRow,
  type PlanBudgetRowType,
  type PlanDocumentInfo,
  type SignStyle,
  type TextSection,
  type UnitBudgetRow,
  type UnitBudgetRowType,
  UNIT_BUDGET_AMOUNT_KEYS,
} from '../model/plan';
import { finding, type Finding } from '../findings/finding';
import type { RuleId } from '../findings/catalog';
import { readDate } from '../values/dates';
import { oneLine } from '../values/text';
import { parseSwedishNumber, parseValue, type Value } from '../values/swedish';
import { cellAddress, columnLetter } from '../cells/address';
import { isBlank, isErrorValue, isErrorText, READ_LIMITS, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from './snapshot';
import { mapColumns, readFields, readRecords, type ColumnMap, type TableRecord } from './table';
import { computeBudget, expectedFromCells } from '../derive/budget';
import { computePlanBudget } from '../derive/planBudget';
import { computeUnitBudget } from '../derive/unitBudget';
import { YEAR_RANGE } from '../values/limits';

export interface ReadResult {
  plan: Plan;
  findings: Finding[];
  /** The layout's sheets found in the workbook. */
  presentSheets: string[];
  /** Columns found per sheet, for cell references in later rules. */
  columns: Record<string, ColumnMap>;
}

/** Text of a cell as the user sees it, for messages (shortened). */
export function shown(v: CellValue, max = 40): string {
  let s: string;
  if (v instanceof Date) s = v.toISOString().slice(0, 10);
  else if (isErrorValue(v)) s = v.error;
  else s = String(v ?? '');
  s = oneLine(s);
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

function asText(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isErrorValue(v)) return v.error;
  if (typeof v === 'boolean') return v ? 'SANT' : 'FALSKT';
  return String(v).trim();
}

function normaliseChoice(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/:$/, '').trim().toLowerCase();
}

/** Each list's values by their normalised form (made once). */
const CHOICES = new Map<ListKey, Map<string, string>>();
for (const key of Object.keys(LISTS) as ListKey[]) {
  const byForm = new Map<string, string>();
  for (const v of LISTS[key].values) if (!byForm.has(normaliseChoice(String(v)))) byForm.set(normaliseChoice(String(v)), String(v));
  CHOICES.set(key, byForm);
}

/** Matches a cell against a list, forgiving case and a trailing colon ("Nämndmål:"). */
export function choiceOf(list: ListKey, text: string): string | undefined {
  const t = normaliseChoice(text);
  if (t === '') return undefined;
  return CHOICES.get(list)!.get(t);
}

const KIND_BY_LABEL = new Map<string, DocumentKind>(
  (Object.entries(DOCUMENT_KIND_LABEL) as [DocumentKind, string][]).flatMap(([k, label]) => [
    [normaliseChoice(label), k],
    [k, k],
  ]),
);

/** The unit written after an amount: mnkr (also "mkr", "miljoner kronor"), tkr, kr; '' for none; undefined for another text. */
function amountUnit(text: string): AmountUnit | 'kr' | '' | undefined {
  const t = text.trim().toLowerCase().replace(/\.$/, '');
  if (t === '') return '';
  if (/^(mnkr|mkr|mn kr|miljoner kronor|miljoner)$/.test(t)) return 'mnkr';
  if (/^(tkr|tusen kronor|tusental kronor)$/.test(t)) return 'tkr';
  if (/^(kr|kronor|sek)$/.test(t)) return 'kr';
  return undefined;
}

const TO_KR: Record<AmountUnit | 'kr', number> = { kr: 1, tkr: 1_000, mnkr: 1_000_000 };

/** ", alltså 0,012" for 12 tkr in an mnkr column. */
function exampleIn(value: number, from: AmountUnit | 'kr', to: AmountUnit): string {
  const converted = (value * TO_KR[from]) / TO_KR[to];
  return Number.isFinite(converted) ? `, alltså ${converted.toLocaleString('sv-SE', { maximumFractionDigits: 6 }).replace('-', '−')}` : '';
}

/** Reads a table sheet's cells by column key; `K` is the sheet's keys, so a misspelt key does not compile. */
class SheetReader<K extends string> {
  constructor(
    readonly spec: TableSheetSpec<K>,
    readonly map: ColumnMap<K>,
    readonly findings: Finding[],
  ) {}

  cell(rec: TableRecord<K>, key: K): string {
    const col = this.map.byKey.get(key);
    return col ? cellAddress(col, rec.row) : '';
  }

  private report(rec: TableRecord<K>, key: K, rule: RuleId, message: string) {
    this.findings.push(finding(rule, this.spec.name, this.cell(rec, key), message));
  }

  private header(key: K): string {
    return this.map.headerByKey.get(key) ?? this.spec.columns.find((c) => c.key === key)?.header ?? key;
  }

  private where(rec: TableRecord<K>, key: K): string {
    return `${this.spec.name}!${this.cell(rec, key)}`;
  }

  /** Reports a formula error (#DIV/0!) in a cell; returns true when there is one. */
  private errorCell(rec: TableRecord<K>, key: K): boolean {
    const v = rec.cells[key] ?? null;
    const err = isErrorValue(v) ? v.error : typeof v === 'string' && isErrorText(v) ? v.trim() : undefined;
    if (!err) return false;
    this.report(rec, key, 'cell.formula-error', `${this.where(rec, key)} (${this.header(key)}) visar felet ${err}. Rätta formeln eller skriv in värdet.`);
    return true;
  }

  text(rec: TableRecord<K>, key: K): string {
    if (this.errorCell(rec, key)) return '';
    return asText(rec.cells[key] ?? null);
  }

  optionalText(rec: TableRecord<K>, key: K): string | undefined {
    const t = this.text(rec, key);
    return t === '' ? undefined : t;
  }

  choice<T extends string>(rec: TableRecord<K>, key: K, list: ListKey): T | undefined {
    const raw = this.text(rec, key);
    if (raw === '') return undefined;
    const hit = choiceOf(list, raw);
    if (hit) return hit as T;
    if (LISTS[list].strict) {
      this.report(
        rec,
        key,
        'value.choice',
        `${this.where(rec, key)}: "${shown(raw)}" är inget giltigt värde för ${this.header(key)}. Välj ett av: ${LISTS[list].values.join(', ')}.`,
      );
      return undefined;
    }
    return raw as T;
  }

  value(rec: TableRecord<K>, key: K, unit: string): Value {
    if (this.errorCell(rec, key)) return { kind: 'empty' };
    const v = rec.cells[key] ?? null;
    const parsed = parseValue(v, unit);
    if (typeof v === 'string' && parsed.value.kind === 'number' && !parsed.unitMismatch) {
      this.report(
        rec,
        key,
        'indicator.number-as-text',
        `${this.where(rec, key)} (${this.header(key)}): "${shown(v)}" är sparat som text, så Excel räknar inte med det (Bedömning (förslag) och Kontroll blir tomma). Skriv in värdet på nytt i cellen.`,
      );
    }
    if (parsed.unitMismatch) {
      this.report(
        rec,
        key,
        'value.unit',
        `${this.where(rec, key)}: värdet "${shown(v)}" är skrivet i ${parsed.unitMismatch} men indikatorns enhet är ${unit || 'tal utan enhet'}. Skriv talet utan enhet eller ändra Enhet.`,
      );
    }
    return parsed.value;
  }

  /**
   * An amount in the column's declared unit (mnkr in Driftbudget, tkr in Budget
   * kostnadsslag). A number typed with another unit ("12 tkr" in an mnkr column) is a
   * finding, never silently taken as if it were in the column's unit.
   */
  /** The amounts in `keys` (a blank cell is left out); the keys whose cells cannot be read go to `invalid`. */
  amounts<A extends K>(rec: TableRecord<K>, keys: readonly A[]): { entered: Partial<Record<A, number>>; invalid: Set<A> } {
    const invalid = new Set<A>();
    const entered: Partial<Record<A, number>> = {};
    for (const key of keys) {
      const n = this.amount(rec, key, invalid as Set<string>);
      if (n !== undefined) entered[key] = n;
    }
    return { entered, invalid };
  }

  amount(rec: TableRecord<K>, key: K, invalid: Set<string>): number | undefined {
    const unit = this.spec.columns.find((c) => c.key === key)?.unit ?? 'mnkr';
    if (this.errorCell(rec, key)) {
      invalid.add(key);
      return undefined;
    }
    const v = rec.cells[key] ?? null;
    if (isBlank(v)) return undefined;
    if (typeof v === 'number') return v;
    const n = typeof v === 'string' ? parseSwedishNumber(v) : undefined;
    const written = n ? amountUnit(n.unit) : undefined;
    if (n && (written === '' || written === unit)) return n.value;
    invalid.add(key);
    if (n && written !== undefined && written !== '') {
      this.report(
        rec,
        key,
        'value.amount-unit',
        `${this.where(rec, key)} (${this.header(key)}): "${shown(v)}" är skrivet i ${written}, men kolumnen är i ${unit}. Skriv beloppet i ${unit}${exampleIn(n.value, written, unit)}.`,
      );
      return undefined;
    }
    this.report(
      rec,
      key,
      'value.amount',
      `${this.where(rec, key)} (${this.header(key)}): "${shown(v)}" är inget belopp. Skriv ett tal i ${unit}, t.ex. ${unit === 'tkr' ? '33 700' : '12,5 eller −4,3'}.`,
    );
    return undefined;
  }

  date(rec: TableRecord<K>, key: K): string | undefined {
    if (this.errorCell(rec, key)) return undefined;
    const d = readDate(rec.cells[key] ?? null);
    if (d.invalid !== undefined) {
      this.report(
        rec,
        key,
        'value.date',
        `${this.where(rec, key)} (${this.header(key)}): "${shown(d.invalid)}" är inget datum. Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2025-01-01.`,
      );
    }
    return d.iso;
  }
}

interface SheetContext<K extends string> {
  reader: SheetReader<K>;
  records: TableRecord<K>[];
}

function openTable<K extends string>(snapshot: WorkbookSnapshot, spec: TableSheetSpec<K>, out: ReadResult, year?: number): SheetContext<K> | undefined {
  const sheet = snapshot.sheets[spec.name];
  if (!sheet) {
    out.findings.push(
      finding(
        'sheet.missing',
        spec.name,
        '',
        `Fliken ${spec.name} saknas. Kör "Skapa mallar" i Planrapport (eller planrapport template) så läggs den till utan att något annat ändras.`,
      ),
    );
    return undefined;
  }
  out.presentSheets.push(spec.name);
  const map = mapColumns(sheet, spec.columns);
  out.columns[spec.name] = map as ColumnMap;
  checkHeaders(sheet, spec, map, out.findings, year);
  const reader = new SheetReader(spec, map, out.findings);
  return { reader, records: readRecords(sheet, map, derivedKeys(spec)) };
}

function similar(a: string, b: string): boolean {
  const fold = (s: string) =>
    s
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[\s/]+/g, '');
  return fold(a) === fold(b);
}

function checkHeaders(sheet: SheetSnapshot, spec: TableSheetSpec, map: ColumnMap, findings: Finding[], year?: number) {
  for (const col of spec.columns) {
    if (map.byKey.has(col.key) || !col.contract) continue;
    const near = map.unknownHeaders.find((h) => similar(h.text, col.header));
    const expected = headerOf(col, { year });
    if (near) {
      findings.push(
        finding(
          'column.renamed',
          spec.name,
          cellAddress(near.column, 1),
          `Rubriken "${shown(near.text)}" i ${spec.name}!${cellAddress(near.column, 1)} ska vara "${expected}". Rätta rubriken så att kolumnen kan läsas.`,
        ),
      );
    } else {
      const at = cellAddress(Math.max(map.lastUsedColumn, 0) + 1, 1);
      findings.push(
        finding(
          'column.missing',
          spec.name,
          at,
          `Kolumnen "${expected}" saknas i ${spec.name}. Lägg till rubriken i rad 1 (t.ex. i ${at}) eller kör "Skapa mallar".`,
        ),
      );
    }
  }
  for (const dup of map.duplicates) {
    const col = spec.columns.find((c) => c.key === dup.key)!;
    findings.push(
      finding(
        'column.duplicate',
        spec.name,
        cellAddress(dup.column, 1),
        `Rubriken "${col.header}" finns två gånger i ${spec.name}; kolumn ${columnLetter(dup.column)} läses inte. Ta bort eller byt namn på dubbletten.`,
      ),
    );
  }
  if (sheet.outside) {
    const at = cellAddress(sheet.outside.column, sheet.outside.row);
    findings.push(
      finding(
        'sheet.beyond-limit',
        spec.name,
        at,
        `${spec.name}!${at} ligger utanför det Planrapport läser (rad 1–${READ_LIMITS.rows.toLocaleString('sv-SE')}, kolumn A–${columnLetter(READ_LIMITS.columns)}), så värdet kommer inte med i rapporten. Flytta upp det till tabellen eller ta bort det (Ctrl+End visar var bladet slutar).`,
      ),
    );
  }
  if (sheet.merges?.length) {
    for (const m of sheet.merges) {
      findings.push(
        finding(
          'sheet.merged-cells',
          spec.name,
          m,
          `Sammanslagna celler ${m} i ${spec.name}: bara den första cellen läses. Dela upp sammanslagningen och skriv ett värde per cell.`,
        ),
      );
    }
  }
}

function readInfo(snapshot: WorkbookSnapshot, out: ReadResult): PlanDocumentInfo {
  const info: PlanDocumentInfo = {};
  const sheet = snapshot.sheets[DOKUMENT.name];
  if (!sheet) {
    out.findings.push(
      finding('sheet.missing', DOKUMENT.name, '', 'Fliken Dokument saknas. Kör "Skapa mallar" så läggs den till med dokumenttyp, år och organisation.'),
    );
    return info;
  }
  out.presentSheets.push(DOKUMENT.name);
  const { map, fields } = readFields(sheet, DOKUMENT);
  out.columns[DOKUMENT.name] = map;
  const valueCol = map.byKey.get('value') ?? 2;
  const at = (row: number) => cellAddress(valueCol, row);
  const bad = (row: number, rule: RuleId, message: string) => out.findings.push(finding(rule, DOKUMENT.name, at(row), message));
  for (const spec of DOKUMENT.fields) {
    const f = fields.get(spec.key);
    if (!f) continue;
    const v = f.value;
    if (isErrorValue(v)) {
      bad(f.row, 'cell.formula-error', `Dokument!${at(f.row)} (${spec.label}) visar felet ${v.error}. Skriv in värdet.`);
      continue;
    }
    if (isBlank(v)) continue;
    const text = asText(v);
    switch (spec.key) {
      case 'kind': {
        const kind = KIND_BY_LABEL.get(normaliseChoice(text));
        if (kind) info.kind = kind;
        else
          bad(
            f.row,
            'document.kind',
            `Dokument!${at(f.row)}: "${shown(text)}" är ingen dokumenttyp. Välj Verksamhetsplan, Tertialrapport eller Verksamhetsberättelse.`,
          );
        break;
      }
      case 'year': {
        const n = typeof v === 'number' ? v : Number(text);
        if (Number.isInteger(n) && n >= YEAR_RANGE.min && n <= YEAR_RANGE.max) info.year = n;
        else bad(f.row, 'document.year', `Dokument!${at(f.row)}: "${shown(text)}" är inget årtal. Skriv året med fyra siffror, t.ex. 2025.`);
        break;
      }
      case 'tertial': {
        const n = typeof v === 'number' ? v : Number(text.replace(/^T/i, ''));
        if (n === 1 || n === 2) info.tertial = n;
        else
          bad(
            f.row,
            'document.tertial',
            `Dokument!${at(f.row)}: "${shown(text)}" är ingen tertial. Skriv 1 eller 2 (tertial 3 redovisas i verksamhetsberättelsen).`,
          );
        break;
      }
      case 'date': {
        const d = readDate(v);
        if (d.iso) info.date = d.iso;
        else bad(f.row, 'value.date', `Dokument!${at(f.row)}: "${shown(text)}" är inget datum. Skriv datumet som ÅÅÅÅ-MM-DD.`);
        break;
      }
      case 'organisation':
        info.organisation = text;
        break;
      case 'handler':
        info.handler = text;
        break;
      case 'phone':
        info.phone = text;
        break;
      case 'to':
        info.to = text;
        break;
      case 'administration':
        info.administration = text;
        break;
      case 'unitHead':
        info.unitHead = text;
        break;
      case 'sender':
      case 'dnr':
      case 'attachment':
      case 'postalAddress':
      case 'switchboard':
      case 'email':
      case 'web':
        info[spec.key as FrameField] = text;
        break;
      case 'koladaArea':
        info.koladaArea = text;
        break;
      case 'signs': {
        const label = choiceOf('signs', text);
        const style = (Object.keys(SIGN_STYLE_LABEL) as SignStyle[]).find((s) => SIGN_STYLE_LABEL[s] === label);
        if (style) info.signs = style;
        else
          bad(
            f.row,
            'value.choice',
            `Dokument!${at(f.row)}: "${shown(text)}" är inget val för ${spec.label}. Välj ${Object.values(SIGN_STYLE_LABEL).join(' eller ')}.`,
          );
        break;
      }
    }
  }
  return info;
}

function readTexts(ctx: SheetContext<ColumnKey<typeof TEXTER>> | undefined): TextSection[] {
  if (!ctx) return [];
  const { reader, records } = ctx;
  return records.map((rec) => ({
    heading: reader.text(rec, 'heading'),
    text: reader.text(rec, 'text'),
    parent: reader.optionalText(rec, 'parent'),
    source: { sheet: TEXTER.name, row: rec.row },
  }));
}

function readGoals(ctx: SheetContext<ColumnKey<typeof MAL>> | undefined): Goal[] {
  if (!ctx) return [];
  const { reader, records } = ctx;
  return records.map((rec) => ({
    id: reader.text(rec, 'id'),
    level: reader.choice<GoalLevel>(rec, 'level', 'level'),
    parentId: reader.optionalText(rec, 'parentId'),
    title: reader.text(rec, 'title'),
    assessment: reader.choice<Assessment>(rec, 'assessment', 'assessment'),
    texts: {
      description: reader.optionalText(rec, 'description'),
      expectedResult: reader.optionalText(rec, 'expectedResult'),
      analysis: reader.optionalText(rec, 'analysis'),
      approach: reader.optionalText(rec, 'approach'),
      resourceUse: reader.optionalText(rec, 'resourceUse'),
      followUp: reader.optionalText(rec, 'followUp'),
      development: reader.optionalText(rec, 'development'),
    },
    source: { sheet: MAL.name, row: rec.row },
  }));
}

function readIndicators(ctx: SheetContext<ColumnKey<typeof INDIKATORER>> | undefined): Indicator[] {
  if (!ctx) return [];
  const { reader, records } = ctx;
  return records.map((rec) => {
    const unit = reader.choice<string>(rec, 'unit', 'unit') ?? '';
    return {
      goalId: reader.text(rec, 'goalId'),
      name: reader.text(rec, 'name'),
      unit,
      direction: reader.choice<Direction>(rec, 'direction', 'direction'),
      periodicity: reader.choice<Periodicity>(rec, 'periodicity', 'periodicity'),
      outcome: reader.value(rec, 'outcome', unit),
      outcomeMen: reader.value(rec, 'outcomeMen', unit),
      outcomeWomen: reader.value(rec, 'outcomeWomen', unit),
      previousOutcome: reader.value(rec, 'previousOutcome', unit),
      forecast: reader.value(rec, 'forecast', unit),
      annualTarget: reader.value(rec, 'annualTarget', unit),
      cityTarget: reader.value(rec, 'cityTarget', unit),
      period: reader.text(rec, 'period'),
      analysis: reader.optionalText(rec, 'analysis'),
      flag: reader.choice<string>(rec, 'flag', 'flag'),
      koladaId: reader.optionalText(rec, 'koladaId'),
      assessment: reader.choice<Assessment>(rec, 'assessment', 'assessment'),
      source: { sheet: INDIKATORER.name, row: rec.row },
    };
  });
}

function readActivities(ctx: SheetContext<ColumnKey<typeof AKTIVITETER>> | undefined): Activity[] {
  if (!ctx) return [];
  const { reader, records } = ctx;
  return records.map((rec) => ({
    goalId: reader.text(rec, 'goalId'),
    name: reader.text(rec, 'name'),
    start: reader.date(rec, 'start'),
    end: reader.date(rec, 'end'),
    status: reader.choice<ActivityStatus>(rec, 'status', 'status'),
    deviation: reader.optionalText(rec, 'deviation'),
    analysis: reader.optionalText(rec, 'analysis'),
    source: { sheet: AKTIVITETER.name, row: rec.row },
  }));
}

function readBudget(ctx: SheetContext<ColumnKey<typeof DRIFTBUDGET>> | undefined): BudgetRow[] {
  if (!ctx) return [];
  const { reader, records } = ctx;
  const inputs = records.map((rec) => ({ rec, rowType: reader.choice<BudgetRowType>(rec, 'rowType', 'rowType'), ...reader.amounts(rec, BUDGET_AMOUNT_KEYS) }));
  const amounts = computeBudget(inputs);
  const expected = expectedFromCells(inputs, amounts);
  return inputs.map((input, i) => ({
    label: reader.text(input.rec, 'label'),
    rowType: input.rowType,
    entered: input.entered,
    amounts: amounts[i]!,
    expected: expected[i]!,
    analysis: reader.optionalText(input.rec, 'analysis'),
    source: { sheet: DRIFTBUDGET.name, row: input.rec.row },
  }));
}

function readPlanBudget(ctx: SheetContext<ColumnKey<typeof KOSTNADSSLAG>> | undefined): PlanBudgetRow[] {
  if (!ctx) return [];
  const { reader, records } = ctx;
  const inputs = records.map((rec) => {
    const invalid = new Set<BudgetAmountKey>();
    const entered = reader.amount(rec, 'budget', invalid);
    return { rec, rowType: reader.choice<PlanBudgetRowType>(rec, 'rowType', 'costRowType'), entered, invalid: invalid.size > 0 };
  });
  const amounts = computePlanBudget(inputs);
  const expected = computePlanBudget(inputs, true);
  return inputs.map((input, i) => ({
    label: reader.text(input.rec, 'label'),
    rowType: input.rowType,
    entered: input.entered,
    amount: amounts[i],
    expected: expected[i],
    comment: reader.optionalText(input.rec, 'comment'),
    source: { sheet: KOSTNADSSLAG.name, row: input.rec.row },
  }));
}

function readUnitBudget(ctx: SheetContext<ColumnKey<typeof VERKSAMHETSBUDGET>> | undefined): UnitBudgetRow[] {
  if (!ctx) return [];
  const { reader, records } = ctx;
  const inputs = records.map((rec) => ({
    rec,
    rowType: reader.choice<UnitBudgetRowType>(rec, 'rowType', 'unitRowType'),
    ...reader.amounts(rec, UNIT_BUDGET_AMOUNT_KEYS),
  }));
  const amounts = computeUnitBudget(inputs);
  const expected = computeUnitBudget(inputs, true);
  return inputs.map((input, i) => ({
    label: reader.text(input.rec, 'label'),
    rowType: input.rowType,
    entered: input.entered,
    amounts: amounts[i]!,
    expected: expected[i]!,
    source: { sheet: VERKSAMHETSBUDGET.name, row: input.rec.row },
  }));
}

function readTables(ctx: SheetContext<ColumnKey<typeof TABELLER>> | undefined): FreeTable[] {
  if (!ctx) return [];
  const { reader, records } = ctx;
  const tables: FreeTable[] = [];
  let current: FreeTable | undefined;
  for (const rec of records) {
    const caption = reader.text(rec, 'table');
    const kind = reader.choice<FreeTableRowKind>(rec, 'rowKind', 'tableRowType') ?? 'Rad';
    const cells: (string | number)[] = [];
    for (let i = 1; i <= FREE_TABLE_COLUMNS; i++) {
      const v = rec.cells[`col${i}`] ?? null;
      cells.push(typeof v === 'number' ? v : reader.text(rec, `col${i}`));
    }
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    if (!current || current.caption !== caption || (kind === 'Rubrik' && current.rows.length > 0)) {
      current = { caption, section: reader.optionalText(rec, 'section'), header: [], rows: [], source: { sheet: TABELLER.name, row: rec.row } };
      tables.push(current);
    }
    if (kind === 'Rubrik') current.header = cells.map(String);
    else current.rows.push({ kind, cells });
  }
  return tables;
}

/** Reads the workbook into the plan model; never throws on the workbook's content. */
export function readPlan(snapshot: WorkbookSnapshot): ReadResult {
  const out: ReadResult = {
    plan: { info: {}, texts: [], goals: [], indicators: [], activities: [], budget: [], planBudget: [], unitBudget: [], tables: [] },
    findings: [],
    presentSheets: [],
    columns: {},
  };
  const info = readInfo(snapshot, out);
  const open = <K extends string>(spec: TableSheetSpec<K>) => openTable(snapshot, spec, out, info.year);
  out.plan = {
    info,
    texts: readTexts(open(TEXTER)),
    goals: readGoals(open(MAL)),
    indicators: readIndicators(open(INDIKATORER)),
    activities: readActivities(open(AKTIVITETER)),
    budget: readBudget(open(DRIFTBUDGET)),
    planBudget: snapshot.sheets[KOSTNADSSLAG.name] ? readPlanBudget(open(KOSTNADSSLAG)) : [],
    unitBudget: snapshot.sheets[VERKSAMHETSBUDGET.name] ? readUnitBudget(open(VERKSAMHETSBUDGET)) : [],
    tables: snapshot.sheets[TABELLER.name] ? readTables(open(TABELLER)) : [],
  };
  return out;
}

/** Whether a workbook looks like a Planrapport workbook at all (any layout sheet present). */
export function isPlanWorkbook(snapshot: WorkbookSnapshot): boolean {
  return CONTRACT_SHEETS.some((name) => snapshot.sheetNames.includes(name));
}

export interface DocumentReading {
  info: PlanDocumentInfo;
  /** false when none of Planrapport's sheets is in the workbook. */
  isTemplate: boolean;
  /** The sheets every Planrapport workbook has that this one lacks. */
  missingSheets: string[];
}

/**
 * The document alone (kind, year, tertial, organisation) from a snapshot that needs to hold
 * only Dokument and the sheet names: what the task pane's header shows, read cheaply.
 */
export function readDocument(snapshot: WorkbookSnapshot): DocumentReading {
  const out: ReadResult = {
    plan: { info: {}, texts: [], goals: [], indicators: [], activities: [], budget: [], planBudget: [], unitBudget: [], tables: [] },
    findings: [],
    presentSheets: [],
    columns: {},
  };
  const info = readInfo(snapshot, out);
  return { info, isTemplate: isPlanWorkbook(snapshot), missingSheets: CONTRACT_SHEETS.filter((name) => !snapshot.sheetNames.includes(name)) };
}
