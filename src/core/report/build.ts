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
  };
}

const FRONT_SECTIONS = ['Förslag till beslut', 'Sammanfattning', 'Ärendets beredning'];
const ATTACHMENTS = 'Bilagor';

function textBlocks(text: string | undefined): Block[] {
  const blocks = parseRichText(text);
  return blocks.length ? [{ kind: 'richText', blocks }] : [];
}

// ---------------------------------------------------------------- tables

/** Lets a header wrap after "/" (a zero-width space) instead of in the middle of a word. */
const wrap = (header: string) => header.replace(/\//g, '/\u200b');
const num = (header: string, width: number): TableColumn => ({ header: wrap(header), width, align: 'right' });

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
    { header: 'Indikator', width: 24, align: 'left' },
    num('Periodens utfall', 9),
    num('Utfall män/pojkar', 9),
    num('Utfall kvinnor/flickor', 9),
    num(`Periodens utfall VB ${year ? year - 1 : ''}`.trim(), 9),
    num('Prognos helår', 9),
    num('Årsmål', 9),
    num('KF:s årsmål', 11),
    { header: 'Period', width: 11, align: 'left' },
  ];
}

function indicatorBlock(kind: DocumentKind, year: number | undefined, indicators: Indicator[]): Block {
  const followUp = isFollowUp(kind);
  return {
    kind: 'indicatorTable',
    columns: indicatorColumns(kind, year),
    rows: indicators.map((ind) => ({
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
    })),
  };
}

function activityBlock(kind: DocumentKind, activities: Activity[]): Block {
  const followUp = isFollowUp(kind);
  const columns: TableColumn[] = followUp
    ? [{ header: 'Aktivitet', width: 55, align: 'left' }, { header: 'Startdatum', width: 13, align: 'left' }, { header: 'Slutdatum', width: 13, align: 'left' }, { header: 'Avvikelse', width: 19, align: 'left' }]
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

function freeTableBlock(table: FreeTable): Block {
  const width = Math.max(table.header.length, ...table.rows.map((r) => r.cells.length), 1);
  const numericColumn = (c: number) => table.rows.some((r) => typeof r.cells[c] === 'number');
  const decimals = tableDecimals(table.rows);
  const first = 100 / width + (width > 4 ? 14 : 0);
  const rest = width > 1 ? (100 - first) / (width - 1) : 0;
  const columns: TableColumn[] = Array.from({ length: width }, (_, c) => ({
    header: oneLine(table.header[c] ?? ''),
    width: c === 0 ? first : rest,
    align: c > 0 && numericColumn(c) ? 'right' : 'left',
  }));
  const caption = table.caption && norm(table.caption) !== norm(table.header[0] ?? '') ? oneLine(table.caption) : undefined;
  return {
    kind: 'freeTable',
    caption,
    columns,
    rows: table.rows.map((row) => ({
      sum: row.kind === 'Summa',
      cells: Array.from({ length: width }, (_, c) => {
        const v = row.cells[c];
        if (v === undefined) return '';
        return typeof v === 'number' ? formatNumber(v, decimals, decimals) : oneLine(v);
      }),
    })),
  };
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

function legend(kind: DocumentKind): Block {
  const items: { symbol: string; color: string; text: string }[] = (['Uppfylls helt', 'Uppfylls delvis', 'Uppfylls inte'] as const).map((a) => ({
    symbol: ASSESSMENT_STYLE[a].symbol,
    color: ASSESSMENT_STYLE[a].color,
    text: a,
  }));
  if (kind !== 'verksamhetsplan') {
    items.push(
      ...(Object.entries(STATUS_SYMBOL) as [ActivityStatus, string][]).map(([label, symbol]) => ({ symbol, color: '404040', text: `aktivitet ${label.toLowerCase()}` })),
    );
  }
  return { kind: 'legend', items };
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
  const containers = outline.containers.map((c) => ({ section: { heading: c.name, level: 1, blocks: [] as Block[], children: [] as Section[] }, children: c.children.map(norm), ownText: false }));
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
      parent = { section: { heading: explicit, level: 1, blocks: [], children: [] }, children: [], ownText: false };
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
    for (const t of tableFor(section.heading)) {
      section.blocks.push(freeTableBlock(t));
      placedTables.add(t);
    }
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
      budgetSection.children.push({ heading: oneLine(row.label), level: 3, blocks: [...analysis, ...tables.map(freeTableBlock)], children: [] });
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
  if (leftover.length) economy.section.children.push({ heading: 'Tabeller', level: 2, blocks: leftover.map(freeTableBlock), children: [] });

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

  const body: Section[] = [];
  const intro = byName(outline.intro)!;
  const goalsSection: Section | undefined = outline.goals
    ? { heading: outline.goals, level: 1, blocks: goalSections.length ? [legend(kind)] : [], children: goalSections }
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
  const fixLevels = (s: Section, level: number) => {
    s.level = Math.min(level, 5);
    s.children.forEach((c) => fixLevels(c, c.label ? c.level : level + 1));
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
