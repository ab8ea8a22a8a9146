/**
 * The package (Open Packaging Conventions): parts in a zip, their content types and
 * relationships. Parts Planrapport changes or adds are kept here until `write`; every other
 * part is copied byte for byte from the original file.
 */
import path from 'node:path/posix';
import { ZipReader, ZipWriter, type ByteSink } from '../zip/zip';
import { attr, childElements, createChild, parseXml, rootElement, serializeXml } from '../xml/dom';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
};

export const REL_TYPE = {
  officeDocument: /\/officeDocument$/,
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: /\/styles$/,
  sharedStrings: /\/sharedStrings$/,
  table: /\/table$/,
};

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The part the target resolves to (internal targets). */
  part?: string;
}

/** The rels part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPartOf(part: string): string {
  const dir = path.dirname(part);
  return `${dir === '.' ? '' : `${dir}/`}_rels/${path.basename(part)}.rels`;
}

/** A relationship target relative to the source part → the part name (no leading slash). */
export function resolveTarget(source: string, target: string): string {
  const t = decodeURI(target.split('#')[0]!);
  if (t.startsWith('/')) return path.normalize(t).slice(1);
  const dir = path.dirname(source);
  return path.normalize(path.join(dir === '.' ? '' : dir, t)).replace(/^\/+/, '');
}

export class Package {
  private readonly changed = new Map<string, string | Uint8Array>();
  private readonly added: string[] = [];

  constructor(readonly zip: ZipReader) {}

  has(part: string): boolean {
    return this.changed.has(this.nameOf(part)) || this.zip.has(part);
  }

  /** The name of a part as the zip spells it (part names are case-insensitive). */
  nameOf(part: string): string {
    return this.zip.entry(part)?.name ?? part;
  }

  async text(part: string): Promise<string | undefined> {
    const c = this.changed.get(this.nameOf(part));
    if (c !== undefined) return typeof c === 'string' ? c : Buffer.from(c).toString('utf8');
    if (!this.zip.has(part)) return undefined;
    return this.zip.readText(part);
  }

  /** The part's text in chunks (streaming for parts that are not changed). */
  async *chunks(part: string): AsyncGenerator<string> {
    const c = this.changed.get(this.nameOf(part));
    if (c !== undefined) {
      yield typeof c === 'string' ? c : Buffer.from(c).toString('utf8');
      return;
    }
    yield* this.zip.text(part);
  }

  set(part: string, content: string | Uint8Array): void {
    const name = this.zip.has(part) ? this.nameOf(part) : part;
    if (!this.zip.has(name) && !this.changed.has(name)) this.added.push(name);
    this.changed.set(name, content);
  }

  get changedParts(): string[] {
    return [...this.changed.keys()];
  }

  async relationships(part: string): Promise<Relationship[]> {
    const text = await this.text(relsPartOf(part));
    if (!text) return [];
    const root = rootElement(parseXml(text, relsPartOf(part)));
    return childElements(root, 'Relationship').map((r) => {
      const external = r.getAttribute('TargetMode') === 'External';
      const target = r.getAttribute('Target') ?? '';
      return {
        id: r.getAttribute('Id') ?? '',
        type: r.getAttribute('Type') ?? '',
        target,
        external,
        part: external ? undefined : resolveTarget(part, target),
      };
    });
  }

  /** Adds a relationship from `source` to the part `targetPart`; returns its id. */
  async addRelationship(source: string, type: string, targetPart: string): Promise<string> {
    const relsPart = relsPartOf(source);
    const text = (await this.text(relsPart)) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}"/>`;
    const doc = parseXml(text, relsPart);
    const root = rootElement(doc);
    const ids = new Set(childElements(root, 'Relationship').map((r) => r.getAttribute('Id')));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const rel = createChild(root, 'Relationship');
    rel.setAttribute('Id', id);
    rel.setAttribute('Type', type);
    rel.setAttribute('Target', path.relative(path.dirname(source), targetPart));
    root.appendChild(rel);
    this.set(relsPart, serializeXml(doc));
    return id;
  }

  /** Declares a part's content type (an Override), unless it has one. */
  async addContentType(part: string, contentType: string): Promise<void> {
    const text = await this.text('[Content_Types].xml');
    if (!text) throw new Error('[Content_Types].xml saknas');
    const doc = parseXml(text, '[Content_Types].xml');
    const root = rootElement(doc);
    const name = `/${part}`;
    if (childElements(root, 'Override').some((o) => (o.getAttribute('PartName') ?? '').toLowerCase() === name.toLowerCase())) return;
    const o = createChild(root, 'Override');
    o.setAttribute('PartName', name);
    o.setAttribute('ContentType', contentType);
    root.appendChild(o);
    this.set('[Content_Types].xml', serializeXml(doc));
  }

  /** A part name not used yet: xl/worksheets/sheet7.xml. */
  freeName(dir: string, stem: string, ext: string): string {
    for (let i = 1; ; i++) {
      const name = `${dir}/${stem}${i}${ext}`;
      if (!this.has(name)) return name;
    }
  }

  /** Writes the package: unchanged parts copied as stored, changed parts in their place, new parts last. */
  async write(sink: ByteSink): Promise<void> {
    const writer = new ZipWriter(sink);
    for (const entry of this.zip.entries) {
      const c = this.changed.get(entry.name);
      if (c === undefined) await writer.copy(this.zip, entry);
      else await writer.add(entry.name, typeof c === 'string' ? Buffer.from(c, 'utf8') : c);
    }
    for (const name of this.added) {
      const c = this.changed.get(name)!;
      await writer.add(name, typeof c === 'string' ? Buffer.from(c, 'utf8') : c);
    }
    await writer.finish();
  }
}

export { attr };
