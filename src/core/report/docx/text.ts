/** Rich text and small text blocks → docx paragraphs. */
import { Paragraph, TextRun, type IParagraphOptions, type IRunOptions } from 'docx';
import type { Assessment } from '../../model/plan';
import { ASSESSMENT_STYLE } from '../model';
import type { RichBlock, Run } from '../richText';
import { COLORS, SYMBOL_FONT } from './style';
import { METRICS } from '../metrics';

/** Counts numbered lists so that each one starts at 1. */
export class RenderContext {
  private lists = 0;
  /** Bookmarks on the headings the table of contents links to. */
  readonly bookmarks = new Map<object, string>();
  /** The outline level (1–9) of the section being written, and of the last heading written. */
  outline = 0;
  lastOutline = 0;
  /** The section has had a field label ("Analys"): sub-headings in its text go a level below it. */
  labelSeen = false;
  nextList(): number {
    return ++this.lists;
  }
  /** Enters a section whose heading has this outline level. */
  enter(outline: number): void {
    this.outline = this.lastOutline = Math.min(outline, 9);
    this.labelSeen = false;
  }
  /** The outline level of a field label (one below the section's) or a sub-heading in text (below a field label if there is one). */
  innerHeading(kind: 'label' | 'subheading'): number {
    if (kind === 'label') this.labelSeen = true;
    const level = Math.min(this.outline + (kind === 'subheading' && this.labelSeen ? 2 : 1), 9);
    this.lastOutline = level;
    return level;
  }
}

export interface TextOptions {
  size?: number;
  style?: string;
  /** Runs to put before the first paragraph's text (e.g. a bold "Analys"). */
  lead?: TextRun[];
  /** The paragraphs stay on one page (each kept with the next). */
  keepTogether?: boolean;
}

function runs(items: Run[], size?: number): TextRun[] {
  return items.map((r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italic, size }));
}

export function richText(blocks: readonly RichBlock[], ctx: RenderContext, options: TextOptions = {}): Paragraph[] {
  const out: IParagraphOptions[] = [];
  const inTable = options.style !== undefined;
  let list = 0;
  let lead = options.lead ?? [];
  for (const block of blocks) {
    const content =
      block.kind === 'subheading'
        ? block.runs.map((r) => new TextRun({ text: r.text, bold: inTable ? true : undefined, italics: r.italic, size: options.size }))
        : runs(block.runs, options.size);
    const children = [...lead, ...content];
    lead = [];
    switch (block.kind) {
      case 'paragraph':
        out.push({ children, style: options.style });
        break;
      case 'subheading':
        // a real heading in running text (an outline level, out of the contents); in a table cell a bold line
        out.push({
          children,
          style: options.style ?? 'Subheading',
          keepNext: true,
          outlineLevel: inTable ? undefined : ctx.innerHeading('subheading') - 1,
        });
        break;
      case 'bullet':
        out.push({ children, style: options.style, numbering: { reference: 'bullets', level: 0 } });
        break;
      case 'numbered':
        if (block.start || !list) list = ctx.nextList();
        out.push({ children, style: options.style, numbering: { reference: 'numbers', level: 0, instance: list } });
        break;
    }
  }
  if (lead.length) out.push({ children: lead, style: options.style });
  // kept together: each paragraph but the last kept with the next
  return out.map((p, i) => new Paragraph(options.keepTogether && i < out.length - 1 ? { ...p, keepNext: true } : p));
}

/** The coloured symbol and the words of a Bedömning: green ● Uppfylls helt, yellow ◆, red ■, grey —. */
export function assessmentRuns(assessment: Assessment, size?: number): TextRun[] {
  const { symbol, color } = ASSESSMENT_STYLE[assessment];
  return [new TextRun({ text: symbol, color, font: SYMBOL_FONT, size }), new TextRun({ text: `\u00a0${assessment}`, bold: true, color: COLORS.text, size })];
}

export function assessmentParagraph(assessment: Assessment): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text: 'Bedömning: ', color: COLORS.muted }), ...assessmentRuns(assessment)],
    spacing: { before: METRICS.assessment.before, after: METRICS.assessment.after },
    keepNext: true,
  });
}

export function symbolRun(symbol: string, color: string, options: IRunOptions = {}): TextRun {
  return new TextRun({ ...options, text: symbol, color, font: SYMBOL_FONT });
}
