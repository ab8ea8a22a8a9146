/** Rules for free text in every sheet: markup the report cannot show, stray codes, control characters. */
import type { Plan, SourceRef } from '../model/plan';
import { quote, type RuleContext } from './context';
import { hasInvalidCharacters } from '../values/text';
import { EXCEL_LIMITS } from '../values/limits';
import { documentOutline } from '../report/outline';
import { isLoneFirstName } from '../values/firstNames';

/** Tags the report turns into formatting (issue: rich text); any other markup is shown as text. */
export const SUPPORTED_TAGS = new Set(['p', 'br', 'i', 'b', 'em', 'strong']);
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9:-]*)(?:\s[^<>]*)?\/?>/g;
const STRAY_CODE = /\b\d{3,5}=\d/;
/** "(Anneli)" or "[Anneli]" at the end of a paragraph: a name in brackets, as reviewers leave in drafts. */
const DRAFT_NOTE = /[([]([A-ZÅÄÖ][a-zåäöé]{2,})[)\]]\s*$/m;
export const EXCEL_CELL_LIMIT = EXCEL_LIMITS.cellText;

interface TextCell {
  source: SourceRef;
  key: string;
  /** How a message names the cell (made only when there is a finding). */
  label: () => string;
  text: string | undefined;
}

function textCells(plan: Plan): TextCell[] {
  const out: TextCell[] = [];
  for (const t of plan.texts) {
    out.push({ source: t.source, key: 'text', label: () => `avsnittet ${quote(t.heading, 40)}`, text: t.text });
  }
  for (const g of plan.goals) {
    out.push({ source: g.source, key: 'title', label: () => 'måltexten', text: g.title });
    for (const [key, text] of Object.entries(g.texts)) out.push({ source: g.source, key, label: () => `målet ${quote(g.title, 40)}`, text });
  }
  for (const i of plan.indicators) {
    out.push({ source: i.source, key: 'name', label: () => 'indikatorns namn', text: i.name });
    out.push({ source: i.source, key: 'analysis', label: () => `analysen för ${quote(i.name, 40)}`, text: i.analysis });
  }
  for (const a of plan.activities) {
    out.push({ source: a.source, key: 'name', label: () => 'aktiviteten', text: a.name });
    out.push({ source: a.source, key: 'analysis', label: () => `analysen för ${quote(a.name, 40)}`, text: a.analysis });
  }
  for (const b of plan.budget) out.push({ source: b.source, key: 'analysis', label: () => `analysen för ${quote(b.label, 40)}`, text: b.analysis });
  return out;
}

/**
 * The sections the report's outline (report/outline.ts) marks `expected` for the document's
 * kind: front sections by their heading; a main part (the intro) also counts as present when a
 * section lies under it, or when the intro's own sections come first in the sheet.
 */
function requiredSections(ctx: RuleContext) {
  const { plan } = ctx;
  if (!plan.info.kind || !ctx.columns['Texter']) return;
  const norm = (t: string | undefined) => (t ?? '').trim().toLowerCase();
  const outline = documentOutline(plan.info.kind, plan.info.year);
  const expected = [
    ...outline.front.filter((f) => f.expected).map((f) => ({ heading: f.heading, orUnder: false })),
    ...outline.textParts.filter((p) => p.expected).map((p) => ({ heading: p.heading, orUnder: true })),
  ];
  const beforeIntro = [...outline.front.map((f) => f.heading), outline.attachments].map(norm);
  for (const { heading, orUnder } of expected) {
    const present = plan.texts.some((t) => norm(t.heading) === norm(heading) || (orUnder && norm(t.parent) === norm(heading)));
    // the intro's own sections (Enhetens uppdrag, Verksamhet …) come first in the sheet
    const introByPlace = orUnder && plan.texts.length > 0 && !beforeIntro.includes(norm(plan.texts[0]!.heading));
    if (present || introByPlace) continue;
    ctx.reportAt(
      'text.section-missing',
      'Texter',
      '',
      `Texter: avsnittet "${heading}" saknas. En ${plan.info.kind === 'verksamhetsberattelse' ? 'verksamhetsberättelse' : plan.info.kind} brukar ha det; lägg till en rad med Avsnitt "${heading}" och texten.`,
    );
  }
}

export function textRules(ctx: RuleContext) {
  const { plan } = ctx;
  requiredSections(ctx);
  const headings = new Map<string, number>();
  for (const t of plan.texts) {
    if (!t.heading) {
      ctx.report(
        'text.heading-missing',
        t.source,
        'heading',
        `${ctx.where(t.source, 'heading')}: texten saknar rubrik i Avsnitt. Skriv avsnittets rubrik, t.ex. Sammanfattning.`,
      );
      continue;
    }
    const key = `${t.parent ?? ''}\u0000${t.heading.trim().toLowerCase()}`;
    const first = headings.get(key);
    if (first)
      ctx.report(
        'text.duplicate-heading',
        t.source,
        'heading',
        `${ctx.where(t.source, 'heading')}: avsnittet ${quote(t.heading)} finns redan på rad ${first}. Slå ihop texterna eller byt rubrik.`,
      );
    else headings.set(key, t.source.row);
  }

  for (const cell of textCells(plan)) {
    const text = cell.text;
    if (!text) continue;
    const where = ctx.where(cell.source, cell.key);
    const tags = [...text.matchAll(TAG)].map((m) => m[1]!.toLowerCase());
    if (tags.length) {
      const supported = [...new Set(tags.filter((t) => SUPPORTED_TAGS.has(t)))];
      const other = [...new Set(tags.filter((t) => !SUPPORTED_TAGS.has(t)))];
      const parts: string[] = [];
      if (supported.length) parts.push(`${supported.map((t) => `<${t}>`).join(', ')} blir formatering i rapporten`);
      if (other.length) parts.push(`${other.map((t) => `<${t}>`).join(', ')} visas som vanlig text`);
      ctx.report(
        'text.markup',
        cell.source,
        cell.key,
        `${where}: ${cell.label()} innehåller HTML-taggar: ${parts.join('; ')}. Skriv hellre ren text med radbrytningar och "- " för punkter.`,
      );
    }
    const code = STRAY_CODE.exec(text);
    if (code) {
      const around = text.slice(Math.max(0, code.index - 5), code.index + 15).replace(/\s+/g, ' ');
      ctx.report(
        'text.markup',
        cell.source,
        cell.key,
        `${where}: ${cell.label()} innehåller en kod som ser ut som ett utkast ("…${around}…"). Den skrivs ut som den står; ta bort den om den inte ska synas.`,
      );
    }
    const note = DRAFT_NOTE.exec(text);
    if (note) {
      ctx.report(
        'text.draft-note',
        cell.source,
        cell.key,
        `${where}: ${cell.label()} har "${note[0].trim()}" i slutet av ett stycke, som en kommentar från ett utkast. Den skrivs ut som den står; ta bort den om den inte ska synas.`,
      );
    }
    // "Susanne" alone on a line of a longer text: a name left from the drafting, not a heading
    const lone = text.includes('\n') ? text.split(/\r?\n/).find((line) => isLoneFirstName(line)) : undefined;
    if (lone) {
      ctx.report(
        'text.draft-name',
        cell.source,
        cell.key,
        `${where}: ${cell.label()} har en rad med bara namnet "${lone.trim()}", som en anteckning från ett utkast. Den skrivs ut som ett eget stycke (inte som rubrik); ta bort raden om den inte ska synas.`,
      );
    }
    if (hasInvalidCharacters(text)) {
      ctx.report(
        'text.control-characters',
        cell.source,
        cell.key,
        `${where}: ${cell.label()} innehåller osynliga styrtecken (t.ex. från kopiering). De tas bort i rapporten; rensa cellen om du vill vara säker.`,
      );
    }
    if (text.length > EXCEL_CELL_LIMIT) {
      ctx.report(
        'text.too-long',
        cell.source,
        cell.key,
        `${where}: ${cell.label()} har ${text.length} tecken; Excel visar högst ${EXCEL_CELL_LIMIT} i en cell. Korta texten eller dela upp den.`,
      );
    }
  }
}
