/**
 * The Texter sheet's sections placed in the outline (report/outline.ts): the front sections
 * before the table of contents, the attachments after it, and every other text under the
 * main part it belongs to: the part its Överordnat avsnitt names (a new main part when none
 * has that name, or under a section of that name), the part that lists it as a known section,
 * else the part of the text before it (the intro for the first). A text with a main part's
 * own name is that part's text. Then the sections the outline prints even when empty.
 */
import type { TextSection } from '../../model/plan';
import { oneLine } from '../../values/text';
import type { Block, Section } from '../model';
import { isSection, sectionKey, type DocumentOutline, type DocumentSection } from '../outline';
import { parseRichText, type RichBlock } from '../richText';

/** A text as the report's rich text: none when it is empty. */
export function textBlocks(text: string | undefined): Block[] {
  const blocks = parseRichText(text);
  return blocks.length ? [{ kind: 'richText', blocks }] : [];
}

/** A main part of the document while the report is laid out. */
export interface Part {
  section: Section;
  /** The known sections the outline puts under it (none for a part the workbook names). */
  known: readonly DocumentSection[];
  /** It prints even without text or sections: it has had its own text, or the outline prints it always. */
  printed: boolean;
}

export interface PlacedTexts {
  front: Section[];
  attachments: RichBlock[];
  /** The outline's text parts in order, then those that texts name as Överordnat avsnitt. */
  parts: Part[];
}

const emptySection = (heading: string, level: number): Section => ({ heading, level, blocks: [], children: [] });

/** The part with this name. */
export function partNamed(parts: readonly Part[], name: string): Part | undefined {
  const key = sectionKey(name);
  return parts.find((p) => sectionKey(p.section.heading) === key);
}

export function placeTexts(texts: readonly TextSection[], outline: DocumentOutline): PlacedTexts {
  const front: Section[] = [];
  let attachments: RichBlock[] = [];
  const parts: Part[] = outline.textParts.map((p) => ({ section: emptySection(p.heading, 1), known: p.sections, printed: false }));
  const frontKeys = outline.front.map((f) => sectionKey(f.heading));
  const attachmentsKey = sectionKey(outline.attachments);
  const sectionsByName = new Map<string, Section>();
  let current: Part | undefined;
  for (const t of texts) {
    if (!t.heading && !t.text) continue;
    const heading = oneLine(t.heading) || 'Text';
    const key = sectionKey(heading);
    if (frontKeys.includes(key)) {
      front.push({ heading, level: 1, blocks: textBlocks(t.text), children: [] });
      continue;
    }
    if (key === attachmentsKey) {
      attachments = parseRichText(t.text);
      continue;
    }
    const explicit = t.parent ? oneLine(t.parent) : undefined;
    // a section with a part's own name is that part's text (unless the part lists it as its own section, as Övrigt › Övrigt)
    const own = partNamed(parts, heading);
    if (own && !explicit && !own.printed && !own.known.some((s) => s.key === key)) {
      own.section.blocks.push(...textBlocks(t.text));
      own.printed = true;
      current = own;
      continue;
    }
    let parent = explicit ? partNamed(parts, explicit) : parts.find((p) => p.known.some((s) => isSection(s, key)));
    if (explicit && !parent) {
      const parentSection = sectionsByName.get(sectionKey(explicit));
      if (parentSection) {
        parentSection.children.push({ heading, level: Math.min(parentSection.level + 1, 5), blocks: textBlocks(t.text), children: [] });
        continue;
      }
      parent = { section: emptySection(explicit, 1), known: [], printed: false };
      parts.push(parent);
    }
    parent ??= current ?? partNamed(parts, outline.intro.heading)!;
    const section: Section = { heading, level: 2, blocks: textBlocks(t.text), children: [] };
    parent.section.children.push(section);
    sectionsByName.set(key, section);
    current = parent;
  }
  return { front, attachments, parts };
}

/**
 * The parts and sections the outline prints even when the workbook has no text for them:
 * each missing section empty, before the first present one that comes after it in the outline.
 */
export function addAlwaysSections(parts: readonly Part[], outline: DocumentOutline): void {
  for (const spec of outline.textParts) {
    const part = partNamed(parts, spec.heading);
    if (!part) continue;
    if (spec.always) part.printed = true;
    const always = spec.sections.filter((s) => s.always).map((s) => s.printed);
    always.forEach((name, i) => {
      const children = part.section.children;
      if (children.some((s) => sectionKey(s.heading) === sectionKey(name))) return;
      const later = always.slice(i + 1).map(sectionKey);
      const at = children.findIndex((s) => later.includes(sectionKey(s.heading)));
      if (at < 0) children.push(emptySection(name, 2));
      else children.splice(at, 0, emptySection(name, 2));
    });
  }
}

/**
 * The section of a known name under its part, made (empty) where the outline puts it when the
 * part has none: before the first section present that the outline lists after it.
 */
export function knownSection(part: Part, spec: DocumentOutline['textParts'][number], known: DocumentSection, heading: string): Section {
  const children = part.section.children;
  const present = children.find((c) => isSection(known, sectionKey(c.heading)));
  if (present) return present;
  const later = spec.sections.slice(spec.sections.indexOf(known) + 1);
  const at = children.findIndex((c) => later.some((s) => isSection(s, sectionKey(c.heading))));
  const section = emptySection(heading, 2);
  if (at < 0) children.push(section);
  else children.splice(at, 0, section);
  return section;
}
