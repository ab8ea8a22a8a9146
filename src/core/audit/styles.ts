/**
 * Word's formatting as the checker needs it: a run's bold, size, colour and shading and a
 * paragraph's outline level, resolved as Word does, from the document defaults through the
 * table style, the paragraph style (and the styles it is based on), the character style, to
 * what the paragraph and the run say themselves.
 */
import { HIGHLIGHT, hexColour } from './contrast';
import { child, elements, val, type XElement } from './xml';

export interface RunFormat {
  bold?: boolean;
  /** Half-points. */
  size?: number;
  /** Six hex digits; undefined for `auto`. */
  color?: string;
  /** `auto` colour, which Word shows black on light and white on dark backgrounds. */
  autoColor?: boolean;
  /** Background of the run itself (shading or highlight). */
  fill?: string;
  hidden?: boolean;
  lang?: string;
}

interface Style {
  id: string;
  type: string;
  name?: string;
  basedOn?: string;
  pPr?: XElement;
  rPr?: XElement;
  isDefault: boolean;
}

const ON = (el: XElement | undefined): boolean | undefined => {
  if (!el) return undefined;
  const v = val(el);
  return v === undefined || !['false', '0', 'off', 'none'].includes(v);
};

/** A shading's visible colour: the pattern colour for solid shading, else the fill. */
export function shadingColour(shd: XElement | undefined): string | undefined {
  if (!shd) return undefined;
  if (val(shd) === 'solid') return hexColour(val(shd, 'color'));
  if (val(shd) === 'nil') return undefined;
  return hexColour(val(shd, 'fill'));
}

/** What a run-properties element says (only what it says; `undefined` for the rest). */
export function runFormatOf(rPr: XElement | undefined): RunFormat {
  if (!rPr) return {};
  const f: RunFormat = {};
  const b = ON(child(rPr, 'b'));
  if (b !== undefined) f.bold = b;
  const sz = Number(val(child(rPr, 'sz')));
  if (Number.isFinite(sz) && sz > 0) f.size = sz;
  const color = child(rPr, 'color');
  if (color) {
    const hex = hexColour(val(color));
    if (hex) f.color = hex;
    else if (val(color) === 'auto') f.autoColor = true;
  }
  const fill = shadingColour(child(rPr, 'shd')) ?? HIGHLIGHT[val(child(rPr, 'highlight')) ?? ''];
  if (fill) f.fill = fill;
  const hidden = ON(child(rPr, 'vanish'));
  if (hidden !== undefined) f.hidden = hidden;
  const lang = val(child(rPr, 'lang'));
  if (lang) f.lang = lang;
  return f;
}

function merge(base: RunFormat, over: RunFormat): RunFormat {
  const out = { ...base };
  for (const [k, v] of Object.entries(over) as [keyof RunFormat, never][]) if (v !== undefined) out[k] = v;
  if (over.color) delete out.autoColor;
  if (over.autoColor) delete out.color;
  return out;
}

export class StyleSheet {
  private readonly styles = new Map<string, Style>();
  private readonly defaultRun: RunFormat;
  readonly defaultLang?: string;
  private readonly defaultParagraph?: string;
  private readonly defaultTable?: string;

  constructor(root: XElement | undefined) {
    for (const s of elements(root, 'style')) {
      const id = s.attrs['styleId'];
      if (!id) continue;
      const style: Style = {
        id,
        type: s.attrs['type'] ?? 'paragraph',
        name: val(child(s, 'name')),
        basedOn: val(child(s, 'basedOn')),
        pPr: child(s, 'pPr'),
        rPr: child(s, 'rPr'),
        isDefault: ON({ name: 'default', attrs: { val: s.attrs['default'] ?? 'false' }, children: [] }) === true,
      };
      this.styles.set(id, style);
      if (style.isDefault && style.type === 'paragraph') this.defaultParagraph = id;
      if (style.isDefault && style.type === 'table') this.defaultTable = id;
    }
    const defaults = child(root, 'docDefaults');
    const rPr = child(child(defaults, 'rPrDefault'), 'rPr');
    this.defaultRun = runFormatOf(rPr);
    this.defaultLang = this.defaultRun.lang;
    if (!this.defaultLang && this.defaultParagraph) {
      for (const s of this.chain(this.defaultParagraph)) {
        const lang = runFormatOf(s.rPr).lang;
        if (lang) {
          this.defaultLang = lang;
          break;
        }
      }
    }
  }

  style(id: string | undefined): { id: string; name?: string; type: string } | undefined {
    return id ? this.styles.get(id) : undefined;
  }

  /** The style and those it is based on, nearest first (a loop is cut). */
  private chain(id: string | undefined): Style[] {
    const out: Style[] = [];
    let s = id ? this.styles.get(id) : undefined;
    while (s && !out.includes(s) && out.length < 50) {
      out.push(s);
      s = s.basedOn ? this.styles.get(s.basedOn) : undefined;
    }
    return out;
  }

  private chainRun(id: string | undefined): RunFormat {
    return this.chain(id).reduceRight<RunFormat>((f, s) => merge(f, runFormatOf(s.rPr)), {});
  }

  paragraphStyleId(pPr: XElement | undefined): string | undefined {
    return val(child(pPr, 'pStyle')) ?? this.defaultParagraph;
  }

  tableStyleId(tblPr: XElement | undefined): string | undefined {
    return val(child(tblPr, 'tblStyle')) ?? this.defaultTable;
  }

  /** A run's formatting: defaults ← table style ← paragraph style ← character style ← the run's own. */
  runFormat(paragraphStyle: string | undefined, tableStyle: string | undefined, rPr: XElement | undefined): RunFormat {
    let f = this.defaultRun;
    if (tableStyle) f = merge(f, this.chainRun(tableStyle));
    f = merge(f, this.chainRun(paragraphStyle));
    f = merge(f, this.chainRun(val(child(rPr, 'rStyle'))));
    return merge(f, runFormatOf(rPr));
  }

  /**
   * A paragraph's outline level, 1–9 (Word's 0–8 plus one), or undefined for body text: its
   * own, else its style's (and the styles it is based on); a built-in heading style ("heading
   * 1" … "heading 9") has its heading's level as Word gives it.
   */
  outlineLevel(pPr: XElement | undefined): number | undefined {
    const own = val(child(pPr, 'outlineLvl'));
    if (own !== undefined) return level(own);
    for (const s of this.chain(this.paragraphStyleId(pPr))) {
      const v = val(child(s.pPr, 'outlineLvl'));
      if (v !== undefined) return level(v);
      const builtIn = /^heading ?([1-9])$/i.exec(s.name ?? s.id);
      if (builtIn) return Number(builtIn[1]);
    }
    return undefined;
  }

  /** The paragraph's shading (its own, else its style's). */
  paragraphFill(pPr: XElement | undefined): string | undefined {
    const own = shadingColour(child(pPr, 'shd'));
    if (own) return own;
    for (const s of this.chain(this.paragraphStyleId(pPr))) {
      const f = shadingColour(child(s.pPr, 'shd'));
      if (f) return f;
    }
    return undefined;
  }

  /** The paragraph is a list item (numbering of its own or from its style). */
  isListItem(pPr: XElement | undefined): boolean {
    const own = child(pPr, 'numPr');
    if (own) return val(child(own, 'numId')) !== '0';
    return this.chain(this.paragraphStyleId(pPr)).some((s) => {
      const n = child(s.pPr, 'numPr');
      return n !== undefined && val(child(n, 'numId')) !== '0';
    });
  }

  /** The name of the paragraph's style, lower case ("heading 1", "caption"), or its id. */
  paragraphStyleName(pPr: XElement | undefined): string {
    const id = this.paragraphStyleId(pPr);
    const s = id ? this.styles.get(id) : undefined;
    return (s?.name ?? id ?? '').toLowerCase();
  }
}

function level(v: string): number | undefined {
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 && n <= 8 ? n + 1 : undefined;
}
