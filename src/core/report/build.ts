/**
 * Plan → report model, laid out as the reference documents are (document-anatomy §2–§5):
 * front matter per kind, the introduction, the goal tree with bedömning, texts, indicator
 * and activity tables, the economy with the driftbudget, and the other text sections where
 * each kind has them. Every text row and every table of the workbook ends up in the report.
 */
import {
  isFollowUp,
  type Activity,
  type ActivityStatus,
  type BudgetAmountKey,
  type BudgetRow,
  type DocumentKind,
  type FreeTable,
  type Goal,
  type GoalLevel,
  type GoalTexts,
  type Indicator,
  type Plan,
  type TextSection,
} from '../model/plan';
import { formatMnkr, formatNumber, formatValue } from '../values/swedish';
import { oneLine } from '../values/text';
import { ASSESSMENT_STYLE, type Block, type BudgetRowStyle, type ReportModel, type Section, type TableColumn } from './model';
import { parseRichText } from './richText';
import { contentWidths, widenToFit } from './columns';
import { documentTitle } from './title';

const GOAL_LABEL: Record<GoalLevel, string> = {
  'KF:s inriktningsmål': 'KF:s inriktningsmål:',
  'KF:s mål för verksamhetsområdet': 'KF:s mål för verksamhetsområdet:',
  Nämndmål: 'Nämndmål:',
  Enhetsmål: 'Enhetsmål:',
};

const GOAL_DEPTH: Record<GoalLevel, number> = {
  'KF:s inriktningsmål': 0,
  'KF:s mål för verksamhetsområdet': 1,
  Nämndmål: 2,
  Enhetsmål: 3,
};

const GOAL_TEXT_FIELDS: [keyof GoalTexts, string][] = [
  ['description', 'Beskrivning'],
  ['expectedResult', 'Förväntat resultat'],
  ['analysis', 'Analys'],
  ['approach', 'Arbetssätt'],
  ['resourceUse', 'Resursanvändning'],
  ['followUp', 'Uppföljning'],
  ['development', 'Utveckling'],
];

const STATUS_SYMBOL: Record<ActivityStatus, string> = {
  Avslutad: '✓',
  Pågående: '▶',
  'Ej påbörjad': '○',
  Avbruten: '✕',
};

// ---------------------------------------------------------------- text sections

/** Normalised section name for matching ("Stöd o. service" = "Stöd och service"). */
function norm(text: string): string {
  return oneLine(text)
    .toLowerCase()
    .replace(/\bo\.\s*/g, 'och ')
    .replace(/\bm\.\s*/g, 'med ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Outline {
  intro: string;
  goals?: string; // heading above the goal tree (follow-ups)
  economy: string;
  budgetSection?: string; // the driftbudget's own section
  /** Top-level sections in order, with the names of the sections that belong under each. */
  containers: { name: string; children: string[] }[];
  /** Sections the kind always prints, as the reference documents do, even when empty (container › child). */
  always: { container: string; children: string[] }[];
}

function outlineFor(kind: DocumentKind, year: number | undefined): Outline {
  if (kind === 'verksamhetsplan') {
    const economy = year && year >= 2023 ? 'Redovisning av ekonomi' : 'Uppföljning av ekonomi';
    return {
      intro: 'Inledning',
      economy,
      containers: [
        { name: 'Inledning', children: ['Verksamhetsidé', 'Verksamhetsbeskrivning', 'Kvalitets- och utvecklingsarbete', 'Kompetensutveckling', 'Medarbetarnas delaktighet', 'Enhetens uppdrag', 'Organisationsbeskrivning'] },
        { name: economy, children: ['Resursanvändning', 'Budget'] },
        { name: 'Övrigt', children: [] },
        {
          name: 'Systematiskt kvalitetsarbete',
          children: ['Systematiskt kvalitetsarbete enligt SOSFS 2011:9', 'Synpunkter och klagomål', 'Avvikelser och Lex Sarah och Lex Maria', 'Externa granskningar/tillsyn/brukarundersökningar', 'Egenkontroller'],
        },
        { name: 'Agenda 2030', children: [] },
      ],
      always: [
        { container: 'Inledning', children: [] },
        { container: economy, children: ['Resursanvändning', `Budget ${year ?? ''}`.trim()] },
        { container: 'Övrigt', children: [] },
      ],
    };
  }
  const tertial = kind === 'tertialrapport';
  const budgetSection = tertial ? 'Uppföljning av driftbudget' : 'Analys av resultaträkning - uppföljning av driftbudget';
  return {
    intro: 'Sammanfattande analys',
    goals: 'Uppföljning av Kommunfullmäktiges inriktningsmål',
    economy: 'Uppföljning av ekonomi',
    budgetSection,
    containers: [
      { name: 'Sammanfattande analys', children: ['Verksamhet', 'Organisation'] },
      {
        name: 'Uppföljning av ekonomi',
        children: [
          budgetSection,
          'Resultatenheter',
          'Investeringar',
          'Försäljningar av anläggningstillgångar',
          'Verksamhetsprojekt (driftprojekt)',
          'Omslutningsförändringar',
          'Budgetjusteringar',
          'Medel för lokaländamål',
          'Analys av balansräkning',
        ],
      },
      { name: 'Övrigt', children: ['Kvalitetsarbete', 'Systematiskt kvalitetsarbete', 'Övrigt', 'Uppföljning av intern kontroll'] },
    ],
    always: tertial
      ? [
          { container: 'Sammanfattande analys', children: [] },
          {
            container: 'Uppföljning av ekonomi',
            children: [budgetSection, 'Resultatenheter', 'Investeringar', 'Försäljningar av anläggningstillgångar', 'Verksamhetsprojekt (driftprojekt)', 'Omslutningsförändringar', 'Budgetjusteringar', 'Medel för lokaländamål', 'Analys av balansräkning'],
          },
          { container: 'Övrigt', children: ['Kvalitetsarbete', 'Övrigt'] },
        ]
      : [
          { container: 'Sammanfattande analys', children: [] },
          { container: 'Uppföljning av ekonomi', children: [budgetSection, 'Investeringar', 'Medel för lokaländamål'] },
          { container: 'Övrigt', children: ['Systematiskt kvalitetsarbete', 'Övrigt'] },
        ],
  };
}

const FRONT_SECTIONS = ['Förslag till beslut', 'Sammanfattning', 'Ärendets beredning'];
const ATTACHMENTS = 'Bilagor';

function textBlocks(text: string | undefined): Block[] {
  const blocks = parseRichText(text);
  return blocks.length ? [{ kind: 'richText', blocks }] : [];
}

// ---------------------------------------------------------------- tables

const num = (header: string, width: number): TableColumn => ({ header, width, align: 'right' });

function indicatorColumns(kind: DocumentKind, year: number | undefined): TableColumn[] {
  if (!isFollowUp(kind)) {
    return [
      { header: 'Indikator', width: 52, align: 'left' },
      num('Årsmål', 14),
      num('KF:s årsmål', 20),
      { header: 'Periodicitet', width: 14, align: 'left' },
    ];
  }
  return [
    { header: 'Indikator', width: 29, align: 'left' },
    num('Periodens utfall', 8),
    num('Utfall män/pojkar', 8),
    num('Utfall kvinnor/flickor', 8),
    num(`Periodens utfall VB ${year ? year - 1 : ''}`.trim(), 8),
    num('Prognos helår', 8),
    num('Årsmål', 8),
    num('KF:s årsmål', 11),
    { header: 'Period', width: 12, align: 'left' },
  ];
}

/** Gives every indicator table of the document the same columns, wide enough for all its figures. */
function fitIndicatorColumns(sections: Section[]): void {
  const tables: Extract<Block, { kind: 'indicatorTable' }>[] = [];
  const walk = (s: Section) => {
    s.blocks.forEach((b) => b.kind === 'indicatorTable' && tables.push(b));
    s.children.forEach(walk);
  };
  sections.forEach(walk);
  if (!tables.length) return;
  const columns = widenToFit(tables[0]!.columns, tables.flatMap((t) => t.rows.map((r) => r.cells)));
  tables.forEach((t) => (t.columns = columns));
}

function indicatorBlock(kind: DocumentKind, year: number | undefined, indicators: Indicator[]): Block {
  const followUp = isFollowUp(kind);
  const rows = indicators.map((ind) => ({
      name: oneLine(ind.name),
      flag: ind.flag,
      cells: followUp
        ? [
            formatValue(ind.outcome, ind.unit),
            formatValue(ind.outcomeMen, ind.unit),
            formatValue(ind.outcomeWomen, ind.unit),
            formatValue(ind.previousOutcome, ind.unit),
            formatValue(ind.forecast, ind.unit),
            formatValue(ind.annualTarget, ind.unit),
            formatValue(ind.cityTarget, ind.unit),
            oneLine(ind.period),
          ].map(oneLine)
        : [formatValue(ind.annualTarget, ind.unit), formatValue(ind.cityTarget, ind.unit), ind.periodicity ?? ''].map(oneLine),
      analysis: parseRichText(ind.analysis),
    }));
  return {
    kind: 'indicatorTable',
    columns: indicatorColumns(kind, year),
    rows,
  };
}

function activityBlock(kind: DocumentKind, activities: Activity[]): Block {
  const followUp = isFollowUp(kind);
  // an Avvikelse column nobody has written in takes little room
  const deviation = activities.some((a) => a.deviation) ? 19 : 10;
  const columns: TableColumn[] = followUp
    ? [
        { header: 'Aktivitet', width: 100 - 26 - deviation, align: 'left' },
        { header: 'Startdatum', width: 13, align: 'left' },
        { header: 'Slutdatum', width: 13, align: 'left' },
        { header: 'Avvikelse', width: deviation, align: 'left' },
      ]
    : [{ header: 'Aktivitet', width: 68, align: 'left' }, { header: 'Startdatum', width: 16, align: 'left' }, { header: 'Slutdatum', width: 16, align: 'left' }];
  return {
    kind: 'activityTable',
    columns,
    rows: activities.map((a) => ({
      name: oneLine(a.name),
      status: followUp && a.status ? { symbol: STATUS_SYMBOL[a.status], label: a.status } : undefined,
      cells: followUp ? [a.start ?? '', a.end ?? '', oneLine(a.deviation ?? '')] : [a.start ?? '', a.end ?? ''],
      analysis: parseRichText(a.analysis),
    })),
  };
}

const BUDGET_KEYS: BudgetAmountKey[] = ['outcome', 'budget', 'forecast', 'deviation', 'performanceChange', 'deviationAfter'];
const SIGNED = new Set<BudgetAmountKey>(['deviation', 'deviationAfter']);

/** A deviation with its sign: "+2,5", "−4,3", "0,0". */
export function formatDeviation(n: number): string {
  const text = formatMnkr(n);
  return n > 0 && text !== formatMnkr(0) ? `+${text}` : text;
}

function budgetBlock(kind: DocumentKind, tertial: number | undefined, rows: BudgetRow[]): Block {
  const outcomeHeader = kind === 'tertialrapport' ? (tertial === 1 ? 'Utfall per april' : 'Utfall per aug') : 'Utfall';
  const columns: TableColumn[] = [
    { header: 'Netto (mnkr)', width: 34, align: 'left' },
    num(outcomeHeader, 11),
    num('Budget', 11),
    num('Prognos', 11),
    num('Avvikelse budget prognos', 11),
    num('Prestations\u00adförändring', 11),
    num('Avvikelse efter prestations\u00adförändring', 11),
  ];
  const style = (row: BudgetRow): BudgetRowStyle =>
    row.rowType === 'Varav' ? 'part' : row.rowType === 'Summa' ? 'sum' : row.rowType === 'Justering' ? 'adjustment' : row.rowType === 'Slutsumma' ? 'total' : 'line';
  return {
    kind: 'budgetTable',
    columns,
    rows: rows.map((row) => ({
      label: oneLine(row.label),
      style: style(row),
      cells: BUDGET_KEYS.map((key) => {
        const v = row.amounts[key];
        if (v === undefined) return '';
        return SIGNED.has(key) ? formatDeviation(v) : formatMnkr(v);
      }),
    })),
    note: 'Positiv avvikelse = överskott.',
  };
}

const PLAN_BUDGET_STYLE: Record<string, BudgetRowStyle> = {
  Rubrik: 'heading',
  Intäkt: 'line',
  Kostnad: 'line',
  'Summa intäkter': 'sum',
  'Summa kostnader': 'sum',
  'Summa netto': 'total',
};

function planBudgetBlock(plan: Plan): Block {
  const facts: [string, string][] = [];
  if (plan.info.administration) facts.push(['Förvaltning', oneLine(plan.info.administration)]);
  if (plan.info.year) facts.push(['Budgetår', String(plan.info.year)]);
  if (plan.info.organisation) facts.push(['Enhet', oneLine(plan.info.organisation)]);
  if (plan.info.unitHead) facts.push(['Enhetschef', oneLine(plan.info.unitHead)]);
  return {
    kind: 'planBudget',
    facts,
    columns: [
      { header: 'Beloppen anges i tkr', width: 70, align: 'left' },
      { header: 'Budget', width: 30, align: 'right' },
    ],
    rows: plan.planBudget.map((row) => ({
      label: oneLine(row.label),
      style: (row.rowType && PLAN_BUDGET_STYLE[row.rowType]) || 'line',
      cells: [row.rowType === 'Rubrik' || row.amount === undefined ? '' : formatNumber(row.amount, 0, 0)],
    })),
  };
}

/**
 * Decimals a free table's numbers are printed with: as many as its most precise number
 * (at most 2), the same in every column, as the reference tables print mnkr ("0,0", "32,0").
 */
function tableDecimals(rows: FreeTable['rows']): number {
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
  return texts.some((r) => typeof r.cells[c] === 'number') && rows.every((r) => { const t = r.cells[c] ?? ''; return t === '' || /^[-−+]?[\d\s\u00a0]+(,\d+)?$/.test(t) || /^i\.?\s?u\.?$/i.test(t); });
}

function freeTableBlock(table: FreeTable, sectionHeading?: string): Block {
  const width = Math.max(table.header.length, ...table.rows.map((r) => r.cells.length), 1);
  const decimals = tableDecimals(table.rows);
  const rows = table.rows.map((row) => ({
    sum: row.kind === 'Summa',
    cells: Array.from({ length: width }, (_, c) => {
      const v = row.cells[c];
      if (v === undefined) return '';
      return typeof v === 'number' ? formatNumber(v, decimals, decimals) : oneLine(v);
    }),
  }));
  const header = Array.from({ length: width }, (_, c) => oneLine(table.header[c] ?? ''));
  const widths = contentWidths(header, rows.map((r) => r.cells), width);
  const columns: TableColumn[] = header.map((h, c) => ({
    header: h,
    width: widths[c]!,
    align: c > 0 && isValueColumn(rows, table.rows, c) ? 'right' : 'left',
  }));
  const named = (t: string | undefined) => (t ? norm(t) : '');
  const caption = table.caption && ![named(table.header[0]), named(sectionHeading)].includes(norm(table.caption)) ? oneLine(table.caption) : undefined;
  return {
    kind: 'freeTable',
    caption,
    columns,
    // a row with only its first cell filled heads the rows below it (Omslutningsförändringar)
    rows: rows.map((r) => ({ ...r, group: !r.sum && r.cells.length > 1 && r.cells[0] !== '' && r.cells.slice(1).every((x) => x === '') })),
  };
}

/**
 * Puts blocks after the paragraph that announces them ("… enligt nedan:"), or at the end.
 */
function insertAfterIntroduction(section: Section, blocks: Block[]) {
  const at = section.blocks.findIndex((b) => b.kind === 'richText' && b.blocks.some((rb) => /:\s*$/.test(rb.runs.map((r) => r.text).join(''))));
  if (at < 0) {
    section.blocks.push(...blocks);
    return;
  }
  const text = section.blocks[at] as Extract<Block, { kind: 'richText' }>;
  const split = text.blocks.findIndex((rb) => /:\s*$/.test(rb.runs.map((r) => r.text).join(''))) + 1;
  const before: Block = { kind: 'richText', blocks: text.blocks.slice(0, split) };
  const after: Block[] = split < text.blocks.length ? [{ kind: 'richText', blocks: text.blocks.slice(split) }] : [];
  section.blocks.splice(at, 1, before, ...blocks, ...after);
}

// ---------------------------------------------------------------- goals

interface GoalNode {
  goal: Goal;
  children: GoalNode[];
}

function goalForest(goals: Goal[]): GoalNode[] {
  const nodes = new Map<string, GoalNode>();
  for (const g of goals) if (g.id && !nodes.has(g.id)) nodes.set(g.id, { goal: g, children: [] });
  const roots: GoalNode[] = [];
  for (const g of goals) {
    const node = g.id && nodes.get(g.id)?.goal === g ? nodes.get(g.id)! : { goal: g, children: [] };
    const parent = g.parentId ? nodes.get(g.parentId) : undefined;
    // a parent that is the goal itself or one of its own descendants would make a cycle
    if (parent && parent !== node && !isDescendant(parent, node)) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

function isDescendant(candidate: GoalNode, ancestor: GoalNode): boolean {
  return ancestor.children.some((c) => c === candidate || isDescendant(candidate, c));
}

function goalSection(node: GoalNode, plan: Plan, kind: DocumentKind, base: number, used: Set<object>): Section {
  const { goal } = node;
  const depth = goal.level ? GOAL_DEPTH[goal.level] : 2;
  const blocks: Block[] = [];
  const followUp = isFollowUp(kind);
  if (followUp && goal.assessment) blocks.push({ kind: 'assessment', assessment: goal.assessment });
  for (const [key, label] of GOAL_TEXT_FIELDS) {
    const text = goal.texts[key];
    const content = textBlocks(text);
    if (!content.length) continue;
    if (goal.level !== 'KF:s inriktningsmål') blocks.push({ kind: 'fieldLabel', text: label });
    blocks.push(...content);
  }
  const indicators = plan.indicators.filter((i) => i.goalId === goal.id && goal.id);
  const activities = plan.activities.filter((a) => a.goalId === goal.id && goal.id);
  indicators.forEach((i) => used.add(i));
  activities.forEach((a) => used.add(a));
  if (indicators.length) blocks.push(indicatorBlock(kind, plan.info.year, indicators));
  if (activities.length) blocks.push(activityBlock(kind, activities));
  return {
    heading: oneLine(goal.title) || `(mål ${goal.id || 'utan id'})`,
    label: goal.level ? GOAL_LABEL[goal.level] : undefined,
    level: Math.min(base + depth, 5),
    blocks,
    children: node.children.map((c) => goalSection(c, plan, kind, base, used)),
  };
}

// ---------------------------------------------------------------- assembly

/** The symbols the document uses, explained once above the goals. */
function legend(plan: Plan): Block | undefined {
  const items: { symbol: string; color: string; text: string }[] = [];
  for (const a of ['Uppfylls helt', 'Uppfylls delvis', 'Uppfylls inte', 'Ingen'] as const) {
    if (plan.goals.some((g) => g.assessment === a)) items.push({ symbol: ASSESSMENT_STYLE[a].symbol, color: ASSESSMENT_STYLE[a].color, text: a === 'Ingen' ? 'Ingen bedömning' : a });
  }
  for (const [status, symbol] of Object.entries(STATUS_SYMBOL) as [ActivityStatus, string][]) {
    if (plan.activities.some((a) => a.status === status)) items.push({ symbol, color: '0B3F73', text: `aktivitet ${status.toLowerCase()}` });
  }
  return items.length ? { kind: 'legend', items } : undefined;
}

export function buildReport(plan: Plan): ReportModel {
  const kind: DocumentKind = plan.info.kind ?? 'verksamhetsplan';
  const year = plan.info.year;
  const outline = outlineFor(kind, year);
  const followUp = isFollowUp(kind);
  const title = documentTitle({ ...plan.info, kind });
  const org = plan.info.organisation ? oneLine(plan.info.organisation) : undefined;

  // text sections: front matter, attachments, and the rest placed in the outline
  const frontSections: Section[] = [];
  let attachments: ReportModel['attachments'] = [];
  const containers = outline.containers.map((c) => ({ section: { heading: c.name, level: 1, blocks: [], children: [] } as Section, children: c.children.map(norm), ownText: false }));
  const byName = (name: string) => containers.find((c) => norm(c.section.heading) === norm(name));
  const sectionsByName = new Map<string, Section>();
  let current: (typeof containers)[number] | undefined;
  const texts: TextSection[] = plan.texts.filter((t) => t.heading || t.text);
  for (const t of texts) {
    const heading = oneLine(t.heading) || 'Text';
    const n = norm(heading);
    if (FRONT_SECTIONS.some((f) => norm(f) === n)) {
      frontSections.push({ heading, level: 1, blocks: textBlocks(t.text), children: [] });
      continue;
    }
    if (norm(ATTACHMENTS) === n) {
      attachments = parseRichText(t.text);
      continue;
    }
    const explicit = t.parent ? oneLine(t.parent) : undefined;
    // a section with a container's own name is that container's text (unless it is listed as its own child, as Övrigt › Övrigt)
    const own = byName(heading);
    if (own && !explicit && !own.ownText && !own.children.includes(n)) {
      own.section.blocks.push(...textBlocks(t.text));
      own.ownText = true;
      current = own;
      continue;
    }
    let parent = explicit ? byName(explicit) : containers.find((c) => c.children.includes(n) || (n.startsWith('budget ') && c.children.includes('budget')));
    if (explicit && !parent) {
      const parentSection = sectionsByName.get(norm(explicit));
      if (parentSection) {
        parentSection.children.push({ heading, level: Math.min(parentSection.level + 1, 5), blocks: textBlocks(t.text), children: [] });
        continue;
      }
      parent = { section: { heading: explicit, level: 1, blocks: [], children: [] } as Section, children: [], ownText: false };
      containers.push(parent);
    }
    parent ??= current ?? byName(outline.intro)!;
    const section: Section = { heading, level: 2, blocks: textBlocks(t.text), children: [] };
    parent.section.children.push(section);
    sectionsByName.set(n, section);
    current = parent;
  }

  // free tables go under the section (or driftbudget line) they name, else at the end of the economy
  const placedTables = new Set<FreeTable>();
  const tableFor = (name: string) => plan.tables.filter((t) => t.section && norm(t.section) === norm(name) && !placedTables.has(t));
  const attachTables = (section: Section) => {
    const tables = tableFor(section.heading);
    tables.forEach((t) => placedTables.add(t));
    if (tables.length) insertAfterIntroduction(section, tables.map((t) => freeTableBlock(t, section.heading)));
    section.children.forEach(attachTables);
  };

  // the economy: driftbudget table and its analyses (follow-ups)
  const economy = byName(outline.economy)!;
  if (followUp && plan.budget.length && outline.budgetSection) {
    const budgetSection = economy.section.children.find((s) => norm(s.heading) === norm(outline.budgetSection!)) ?? {
      heading: outline.budgetSection,
      level: 2,
      blocks: [],
      children: [],
    };
    if (!economy.section.children.includes(budgetSection)) economy.section.children.unshift(budgetSection);
    budgetSection.blocks.push(budgetBlock(kind, plan.info.tertial, plan.budget));
    for (const row of plan.budget) {
      const analysis = textBlocks(row.analysis);
      const tables = tableFor(row.label);
      if (!analysis.length && !tables.length) continue;
      tables.forEach((t) => placedTables.add(t));
      // two levels down: under the driftbudget, out of the contents (as in the reference)
      const section: Section = { heading: oneLine(row.label), level: 4, depth: 2, blocks: analysis, children: [] };
      insertAfterIntroduction(section, tables.map((t) => freeTableBlock(t, row.label)));
      budgetSection.children.push(section);
    }
  }
  // the verksamhetsplan's budget by kostnadsslag, under "Budget <år>"
  if (kind === 'verksamhetsplan' && plan.planBudget.length) {
    const name = `Budget ${year ?? ''}`.trim();
    const budgetSection = economy.section.children.find((s) => norm(s.heading).startsWith('budget')) ?? { heading: name, level: 2, blocks: [], children: [] };
    if (!economy.section.children.includes(budgetSection)) economy.section.children.push(budgetSection);
    budgetSection.blocks.push(planBudgetBlock(plan));
  }
  containers.forEach((c) => attachTables(c.section));
  const leftover = plan.tables.filter((t) => !placedTables.has(t));
  if (leftover.length) economy.section.children.push({ heading: 'Tabeller', level: 2, blocks: leftover.map((t) => freeTableBlock(t)), children: [] });

  // the sections the kind always has, printed (empty if need be) in their usual order, as the reference documents do
  for (const { container, children } of outline.always) {
    const c = byName(container);
    if (!c) continue;
    c.ownText ||= true;
    children.forEach((name, i) => {
      if (c.section.children.some((s) => norm(s.heading) === norm(name))) return;
      // before the first existing child that comes later in the usual order
      const later = children.slice(i + 1).map(norm);
      const at = c.section.children.findIndex((s) => later.includes(norm(s.heading)));
      const section: Section = { heading: name, level: 2, blocks: [], children: [] };
      if (at < 0) c.section.children.push(section);
      else c.section.children.splice(at, 0, section);
    });
  }

  // the goal tree
  const used = new Set<object>();
  const goalBase = followUp ? 2 : 1;
  const goalSections = goalForest(plan.goals).map((n) => goalSection(n, plan, kind, goalBase, used));
  const orphanIndicators = plan.indicators.filter((i) => !used.has(i));
  const orphanActivities = plan.activities.filter((a) => !used.has(a));
  if (orphanIndicators.length || orphanActivities.length) {
    goalSections.push({
      heading: 'Indikatorer och aktiviteter utan mål',
      level: goalBase,
      blocks: [
        ...(orphanIndicators.length ? [indicatorBlock(kind, year, orphanIndicators)] : []),
        ...(orphanActivities.length ? [activityBlock(kind, orphanActivities)] : []),
      ],
      children: [],
    });
  }
  fitIndicatorColumns(goalSections);

  const body: Section[] = [];
  const intro = byName(outline.intro)!;
  const goalsSection: Section | undefined = outline.goals
    ? { heading: outline.goals, level: 1, blocks: [legend(plan)].filter((b): b is Block => b !== undefined), children: goalSections }
    : undefined;
  for (const c of containers) {
    const s = c.section;
    const hasContent = s.blocks.length > 0 || s.children.length > 0 || c.ownText;
    if (c === intro) {
      if (hasContent) body.push(s);
      if (goalsSection) body.push(goalsSection);
      else body.push(...goalSections);
      continue;
    }
    if (hasContent) body.push(s);
  }
  // the main parts start on a new page: the introduction, the goals, the economy
  if (body[0]) body[0].pageBreak = true;
  if (goalsSection) goalsSection.pageBreak = true;
  else if (goalSections[0]) goalSections[0].pageBreak = true;
  economy.section.pageBreak = true;
  const fixLevels = (s: Section, level: number) => {
    s.level = Math.min(level, 5);
    s.children.forEach((c) => fixLevels(c, c.label ? c.level : s.level + (c.depth ?? 1)));
  };
  body.forEach((s) => {
    if (s.label) return; // goal sections carry their levels
    fixLevels(s, 1);
  });

  return {
    kind,
    title,
    subtitle: kind === 'tertialrapport' ? org : undefined,
    header: kind === 'tertialrapport' && org ? `${title} – ${org}` : title,
    front: {
      handler: plan.info.handler ? oneLine(plan.info.handler) : undefined,
      phone: plan.info.phone ? oneLine(plan.info.phone) : undefined,
      to: plan.info.to ? oneLine(plan.info.to) : undefined,
      date: plan.info.date,
    },
    frontSections,
    attachments,
    body,
  };
}
