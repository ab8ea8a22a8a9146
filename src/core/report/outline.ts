/**
 * The report's outline, declared once as data, as the workbook's layout is (layout/layout.ts):
 * for each kind of document, what comes before the table of contents, the attachments, the
 * main parts in the order they print, the known text sections under each (where a text of
 * that name goes), the sections printed even when the workbook has no text for them, and
 * where the goal tree, the driftbudget, the verksamhetsplan's budget and unplaced tables go.
 * The report builder (report/build.ts) lays the document out from it, and the validator's
 * "section missing" rule (rules/texts.ts, text.section-missing) reads the sections marked
 * `expected`.
 *
 * To add a known section to a kind: add it to `sections` of the part it belongs under (with
 * `always: true` if the report is to print it when the workbook has no text for it).
 */
import type { DocumentKind } from '../model/plan';
import { oneLine } from '../values/text';

/** A heading, worded differently in the reference documents before a year. */
export type Wording = string | { text: string; before: { year: number; text: string } };

/** The first year whose documents use the 2025 wording (the reference documents: 2019/2020 and 2025). */
export const WORDING_YEAR = 2023;

/** A known section under a main part, in the order the reference documents print them. */
export interface OutlineSection {
  heading: string;
  /** Printed even when the workbook has no text for it (empty), as the reference documents do. */
  always?: boolean;
  /**
   * The heading prints with the document's year ("Budget 2025"); a text named "Budget" or
   * "Budget <any year>" belongs here.
   */
  withYear?: boolean;
  /** What the report puts here besides the text: the driftbudget table, or the budget per verksamhet and by kostnadsslag. */
  holds?: 'driftbudget' | 'planBudget';
}

/** A main part of the document (Rubrik 1) that holds text sections. */
export interface TextPart {
  part: 'texts';
  heading: Wording;
  /**
   * `intro`: texts whose place is not known go here until another part has had a text, and the
   * goal tree follows it. `economy`: the driftbudget, the verksamhetsplan's budget and tables
   * that name no section go here (those tables under its heading, no heading made up for them).
   */
  role?: 'intro' | 'economy';
  /** Printed even when the workbook has no text for it. */
  always?: boolean;
  /**
   * Starts on a new page: the first part after the front matter and the contents, as in the
   * city's documents, and a follow-up's economy, which opens with the driftbudget table (on its
   * own pages). Their other parts follow on where the one before ends (the goals after the
   * summary; Uppföljning av ekonomi, Övrigt and Systematiskt kvalitetsarbete share a page in
   * the 2020 plan and berättelse), so they have no page break of their own.
   */
  newPage?: boolean;
  /**
   * The validator reports it missing when the Texter sheet has neither this section nor one
   * under it (text.section-missing).
   */
  expected?: boolean;
  sections: OutlineSection[];
}

/** The goal tree: each goal with its texts, indicators and activities. */
export interface GoalsPart {
  part: 'goals';
  /** A heading above the goals, with the legend of the symbols (follow-ups); without it the goals are main parts themselves. */
  heading?: string;
  newPage?: boolean;
  /** Indicators and activities whose goal is not in the Mål sheet: under this heading after the goals. */
  orphans: string;
}

export type OutlinePart = TextPart | GoalsPart;

/** A section printed before the table of contents under its own heading, when the workbook has it. */
export interface FrontSection {
  heading: string;
  /** The validator reports it missing when the Texter sheet does not have it (text.section-missing). */
  expected?: boolean;
}

export interface KindOutline {
  front: FrontSection[];
  /** The text of this section is listed after the table of contents (Bilagor). */
  attachments: string;
  /** The organisation prints under the title and in the page header (the title names it otherwise). */
  organisationUnderTitle: boolean;
  /** The table of contents lists the headings down to this level. */
  tocLevels: number;
  /** The main parts in the order they print. */
  parts: OutlinePart[];
}

const ATTACHMENTS = 'Bilagor';
const FRONT: FrontSection[] = [{ heading: 'Förslag till beslut' }, { heading: 'Sammanfattning' }, { heading: 'Ärendets beredning' }];
const always = (heading: string): OutlineSection => ({ heading, always: true });
const GOALS_FOLLOW_UP: GoalsPart = {
  part: 'goals',
  heading: 'Uppföljning av Kommunfullmäktiges inriktningsmål',
  orphans: 'Indikatorer och aktiviteter utan mål',
};
const SUMMARY: TextPart = {
  part: 'texts',
  heading: 'Sammanfattande analys',
  role: 'intro',
  always: true,
  newPage: true,
  expected: true,
  sections: [{ heading: 'Verksamhet' }, { heading: 'Organisation' }],
};

export const OUTLINES: Record<DocumentKind, KindOutline> = {
  verksamhetsplan: {
    front: FRONT,
    attachments: ATTACHMENTS,
    organisationUnderTitle: false,
    tocLevels: 2,
    parts: [
      {
        part: 'texts',
        heading: 'Inledning',
        role: 'intro',
        always: true,
        newPage: true,
        expected: true,
        sections: [
          { heading: 'Verksamhetsidé' },
          { heading: 'Verksamhetsbeskrivning' },
          { heading: 'Kvalitets- och utvecklingsarbete' },
          { heading: 'Kompetensutveckling' },
          { heading: 'Medarbetarnas delaktighet' },
          { heading: 'Enhetens uppdrag' },
          { heading: 'Organisationsbeskrivning' },
        ],
      },
      { part: 'goals', orphans: 'Indikatorer och aktiviteter utan mål' },
      {
        part: 'texts',
        heading: { text: 'Redovisning av ekonomi', before: { year: WORDING_YEAR, text: 'Uppföljning av ekonomi' } },
        role: 'economy',
        always: true,
        sections: [always('Resursanvändning'), { heading: 'Budget', always: true, withYear: true, holds: 'planBudget' }],
      },
      { part: 'texts', heading: 'Övrigt', always: true, sections: [] },
      {
        part: 'texts',
        heading: 'Systematiskt kvalitetsarbete',
        sections: [
          { heading: 'Systematiskt kvalitetsarbete enligt SOSFS 2011:9' },
          { heading: 'Synpunkter och klagomål' },
          { heading: 'Avvikelser och Lex Sarah och Lex Maria' },
          { heading: 'Externa granskningar/tillsyn/brukarundersökningar' },
          { heading: 'Egenkontroller' },
        ],
      },
      { part: 'texts', heading: 'Agenda 2030', sections: [] },
    ],
  },

  tertialrapport: {
    front: [{ heading: 'Förslag till beslut', expected: true }, { heading: 'Sammanfattning', expected: true }, { heading: 'Ärendets beredning' }],
    attachments: ATTACHMENTS,
    organisationUnderTitle: true,
    tocLevels: 3,
    parts: [
      SUMMARY,
      GOALS_FOLLOW_UP,
      {
        part: 'texts',
        heading: 'Uppföljning av ekonomi',
        role: 'economy',
        always: true,
        // it opens with the driftbudget table, which starts at the top of a page
        newPage: true,
        sections: [
          { heading: 'Uppföljning av driftbudget', always: true, holds: 'driftbudget' },
          always('Resultatenheter'),
          always('Investeringar'),
          always('Försäljningar av anläggningstillgångar'),
          always('Verksamhetsprojekt (driftprojekt)'),
          always('Omslutningsförändringar'),
          always('Budgetjusteringar'),
          always('Medel för lokaländamål'),
          always('Analys av balansräkning'),
        ],
      },
      {
        part: 'texts',
        heading: 'Övrigt',
        always: true,
        sections: [always('Kvalitetsarbete'), { heading: 'Systematiskt kvalitetsarbete' }, always('Övrigt'), { heading: 'Uppföljning av intern kontroll' }],
      },
    ],
  },

  verksamhetsberattelse: {
    front: FRONT,
    attachments: ATTACHMENTS,
    organisationUnderTitle: false,
    tocLevels: 3,
    parts: [
      SUMMARY,
      GOALS_FOLLOW_UP,
      {
        part: 'texts',
        heading: 'Uppföljning av ekonomi',
        role: 'economy',
        always: true,
        // it opens with the driftbudget table, which starts at the top of a page
        newPage: true,
        sections: [
          { heading: 'Analys av resultaträkning - uppföljning av driftbudget', always: true, holds: 'driftbudget' },
          { heading: 'Resultatenheter' },
          always('Investeringar'),
          { heading: 'Försäljningar av anläggningstillgångar' },
          { heading: 'Verksamhetsprojekt (driftprojekt)' },
          { heading: 'Omslutningsförändringar' },
          { heading: 'Budgetjusteringar' },
          always('Medel för lokaländamål'),
          { heading: 'Analys av balansräkning' },
        ],
      },
      {
        part: 'texts',
        heading: 'Övrigt',
        always: true,
        sections: [{ heading: 'Kvalitetsarbete' }, always('Systematiskt kvalitetsarbete'), always('Övrigt'), { heading: 'Uppföljning av intern kontroll' }],
      },
    ],
  },
};

// ---------------------------------------------------------------- one document's outline

/** A section name for matching ("Stöd o. service" = "Stöd och service", case and spaces aside). */
export function sectionKey(text: string): string {
  return oneLine(text)
    .toLowerCase()
    .replace(/\bo\.\s*/g, 'och ')
    .replace(/\bm\.\s*/g, 'med ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The heading as a document of the year words it. */
export function worded(heading: Wording, year: number | undefined): string {
  if (typeof heading === 'string') return heading;
  return !year || year < heading.before.year ? heading.before.text : heading.text;
}

/** A known section as one document prints it. */
export interface DocumentSection extends OutlineSection {
  /** The heading as printed ("Budget 2025"). */
  printed: string;
  /** The key a text's heading is matched with (`sectionKey` of the declared heading). */
  key: string;
}

export interface DocumentTextPart extends Omit<TextPart, 'heading' | 'sections'> {
  heading: string;
  sections: DocumentSection[];
}

export type DocumentPart = DocumentTextPart | GoalsPart;

/** The outline of one document: its kind's, with the headings worded for its year. */
export interface DocumentOutline extends Omit<KindOutline, 'parts'> {
  parts: DocumentPart[];
  /** The text parts, in order. */
  textParts: DocumentTextPart[];
  intro: DocumentTextPart;
  economy: DocumentTextPart;
  goals: GoalsPart;
}

export function documentOutline(kind: DocumentKind, year: number | undefined): DocumentOutline {
  const outline = OUTLINES[kind];
  const parts: DocumentPart[] = outline.parts.map((p) =>
    p.part === 'goals'
      ? p
      : {
          ...p,
          heading: worded(p.heading, year),
          sections: p.sections.map((s) => ({ ...s, printed: s.withYear ? `${s.heading} ${year ?? ''}`.trim() : s.heading, key: sectionKey(s.heading) })),
        },
  );
  const textParts = parts.filter((p): p is DocumentTextPart => p.part === 'texts');
  const one = <T>(found: T | undefined, what: string): T => {
    if (found === undefined) throw new Error(`The outline of ${kind} has no ${what}.`);
    return found;
  };
  return {
    ...outline,
    parts,
    textParts,
    intro: one(
      textParts.find((p) => p.role === 'intro'),
      'intro',
    ),
    economy: one(
      textParts.find((p) => p.role === 'economy'),
      'economy',
    ),
    goals: one(
      parts.find((p): p is GoalsPart => p.part === 'goals'),
      'goal tree',
    ),
  };
}

/** Whether a text's heading (as `sectionKey`) belongs to a known section: its name, or for one with the year, its name and a year. */
export function isSection(section: Pick<DocumentSection, 'key' | 'withYear'>, key: string): boolean {
  return key === section.key || (section.withYear === true && key.startsWith(`${section.key} `));
}
