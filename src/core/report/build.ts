/**
 * Plan → report model, laid out by the kind's outline (report/outline.ts) as the reference
 * documents are (document-anatomy §2–§5): the front sections, the introduction, the goal tree,
 * the economy with the driftbudget, and the other text sections where each kind has them.
 * Every text row and every table of the workbook ends up in the report. The blocks are built
 * in report/blocks/ (one file each); this file only assembles them.
 */
import type { DocumentKind, FreeTable, Plan, PlanDocumentInfo } from '../model/plan';
import { oneLine } from '../values/text';
import type { Block, Frame, ReportModel, Section } from './model';
import { documentOutline, sectionKey, WORDING_YEAR, type DocumentOutline } from './outline';
import { documentTitle, propertiesAuthor, propertiesTitle } from './title';
import { placeDriftbudget } from './blocks/driftbudget';
import { FreeTables } from './blocks/freeTables';
import { goalTree, legend } from './blocks/goalTree';
import { placePlanBudget } from './blocks/planBudget';
import { addAlwaysSections, partNamed, placeTexts, type Part, type PlacedTexts } from './blocks/textSections';
import { figures } from './figures';

/** Heading levels from the top: a child one level below its parent (or `depth` levels), a goal at its own level. */
function fixLevels(s: Section, level: number): void {
  s.level = Math.min(level, 5);
  s.children.forEach((c) => fixLevels(c, c.label ? c.level : s.level + (c.depth ?? 1)));
}

/**
 * No heading more than one level below the heading before it (an accessible document's outline
 * skips no level): a goal whose parent level is not in the sheet (a Nämndmål right under the
 * goals' heading) moves up to the next level. Sections two levels down (`depth: 2`, out of the
 * table of contents, the driftbudget's lines) keep their look; the renderer gives them the
 * outline level they have in the document.
 */
function headingsInOrder(sections: Section[], state = { last: 0 }): void {
  for (const s of sections) {
    if ((s.depth ?? 1) < 2) s.level = Math.min(s.level, state.last + 1);
    state.last = Math.min(s.level, state.last + 1);
    headingsInOrder(s.children, state);
  }
}

const legendBlocks = (b: Block | undefined): Block[] => (b ? [b] : []);

/** The texts and tables laid out in the outline's parts, and the free tables that name no section of the document. */
interface PlacedContent extends PlacedTexts {
  economy: Section;
  unplaced: FreeTable[];
}

function placeContent(plan: Plan, outline: DocumentOutline): PlacedContent {
  const kind: DocumentKind = plan.info.kind ?? 'verksamhetsplan';
  // the texts in the outline's parts
  const placed = placeTexts(plan.texts, outline);
  const { front, parts } = placed;
  const economy = partNamed(parts, outline.economy.heading)!.section;

  // the driftbudget and the verksamhetsplan's budget where the outline has them, the free tables
  // under the sections (or driftbudget lines) they name (a known section made for them when it
  // has no text), the rest under the economy's heading
  const tables = new FreeTables(plan.tables, figures(plan.info.signs));
  const driftbudget = outline.economy.sections.find((s) => s.holds === 'driftbudget');
  if (driftbudget && plan.budget.length) placeDriftbudget(economy, driftbudget.heading, kind, plan.info.tertial, plan.budget, tables, figures(plan.info.signs));
  const planBudget = outline.economy.sections.find((s) => s.holds === 'planBudget');
  if (planBudget) placePlanBudget(economy, planBudget, plan);
  tables.makeKnownSections(parts, outline);
  parts.forEach((p) => tables.attachTo(p.section));
  front.forEach((s) => tables.attachTo(s));
  const unplaced = tables.unplaced();
  economy.blocks.push(...tables.rest());
  return { ...placed, economy, unplaced };
}

/**
 * Where the free tables can go: the sections of the document (the texts', the driftbudget's,
 * those the outline knows), and the tables whose Avsnitt names none of them (for the validator).
 */
export function tablePlaces(plan: Plan): { names: string[]; unplaced: FreeTable[] } {
  const outline = documentOutline(plan.info.kind ?? 'verksamhetsplan', plan.info.year);
  const { front, parts, unplaced } = placeContent(plan, outline);
  const names = new Map<string, string>();
  const add = (name: string) => {
    if (!names.has(sectionKey(name))) names.set(sectionKey(name), name);
  };
  const walk = (s: Section) => {
    add(s.heading);
    s.children.forEach(walk);
  };
  // the economy's sections first: most tables belong there
  outline.economy.sections.forEach((s) => add(s.printed));
  front.forEach(walk);
  parts.forEach((p) => walk(p.section));
  outline.textParts.forEach((p) => p.sections.forEach((s) => add(s.printed)));
  return { names: [...names.values()], unplaced };
}

export function buildReport(plan: Plan): ReportModel {
  const kind: DocumentKind = plan.info.kind ?? 'verksamhetsplan';
  const outline = documentOutline(kind, plan.info.year);
  const title = documentTitle({ ...plan.info, kind });
  const org = plan.info.organisation ? oneLine(plan.info.organisation) : undefined;
  const { front, attachments, parts } = placeContent(plan, outline);

  // the sections the kind always has, printed (empty if need be) in their usual order
  addAlwaysSections(parts, outline);

  // the goal tree, under its heading with the legend (follow-ups) or as main parts
  const goalsSpec = outline.goals;
  const goalSections = goalTree(plan, kind, goalsSpec.heading ? 2 : 1, goalsSpec.orphans);
  const goals: Section[] = goalsSpec.heading
    ? [{ heading: goalsSpec.heading, level: 1, blocks: legendBlocks(legend(plan)), children: goalSections }]
    : goalSections;
  if (goalsSpec.newPage && goals[0]) goals[0].pageBreak = true;

  // the main parts in the outline's order (those without content left out), then the parts the texts name
  const printed = (p: Part) => p.section.blocks.length > 0 || p.section.children.length > 0 || p.printed;
  const body: Section[] = [];
  for (const spec of outline.parts) {
    if (spec.part === 'goals') {
      body.push(...goals);
      continue;
    }
    const part = partNamed(parts, spec.heading)!;
    if (spec.newPage) part.section.pageBreak = true;
    if (printed(part)) body.push(part.section);
  }
  body.push(
    ...parts
      .slice(outline.textParts.length)
      .filter(printed)
      .map((p) => p.section),
  );
  body.forEach((s) => {
    if (!s.label) fixLevels(s, 1); // goal sections carry their levels
  });

  headingsInOrder(body);

  return {
    kind,
    title,
    properties: { title: propertiesTitle({ ...plan.info, kind }), author: propertiesAuthor(plan.info) },
    subtitle: outline.organisationUnderTitle ? org : undefined,
    header: outline.organisationUnderTitle && org ? `${title} – ${org}` : title,
    front: {
      handler: plan.info.handler ? oneLine(plan.info.handler) : undefined,
      phone: plan.info.phone ? oneLine(plan.info.phone) : undefined,
      to: plan.info.to ? oneLine(plan.info.to) : undefined,
      date: plan.info.date,
      frame: frameOf(plan.info),
    },
    frontSections: front,
    attachments,
    body,
    // the 2025 documents list goals with their labels, those of 2019/2020 without (the year the wording changed, as outline.ts)
    contentsLabels: (plan.info.year ?? WORDING_YEAR) >= WORDING_YEAR,
  };
}

/** Page 1's frame from the Dokument fields: nothing for a field left empty (Avsändare falls back to Förvaltning). */
export function frameOf(info: PlanDocumentInfo): Frame {
  const lines = (text: string | undefined) =>
    (text ?? '')
      .split(/\r?\n|\v/)
      .map(oneLine)
      .filter(Boolean);
  const sender = lines(info.sender).length ? lines(info.sender) : lines(info.administration).slice(0, 1);
  const prefixed = (prefix: string, text: string | undefined) => {
    const t = oneLine(text ?? '');
    if (!t) return [];
    return [new RegExp(`^${prefix}\\b`, 'i').test(t) ? t : `${prefix} ${t}`];
  };
  const marks = [...prefixed('Bilaga', info.attachment), ...prefixed('Dnr', info.dnr), ...(info.date ? [info.date] : [])];
  const labelled = (label: string, text: string | undefined) => (oneLine(text ?? '') ? [`${label} ${oneLine(text ?? '')}`] : []);
  const first = [...labelled('Postadress', info.postalAddress)];
  const second = [...labelled('Telefon', info.switchboard), ...labelled('E-post', info.email), ...(oneLine(info.web ?? '') ? [oneLine(info.web ?? '')] : [])];
  const address = first.length || second.length ? [[...sender.slice(0, 1), ...first].join(' \u00b7 '), second.join(' \u00b7 ')].filter(Boolean) : [];
  return { sender, marks, address };
}
