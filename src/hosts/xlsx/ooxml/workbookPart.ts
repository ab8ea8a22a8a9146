/**
 * The workbook part: its sheets (name, state, part), the date system, protection, and the
 * few changes Planrapport makes there (a new sheet, its own list sheet hidden, recalculation
 * on open). Everything else in the part is kept as it is.
 */
import {
  attr,
  childElements,
  createChild,
  ensureChild,
  firstChild,
  insertInOrder,
  parseXml,
  prefixFor,
  rootElement,
  serializeXml,
  type Document,
  type Element,
} from '../xml/dom';
import { NS, REL_TYPE, type Package } from './opc';

/** CT_Workbook's sequence. */
const WORKBOOK_ORDER = [
  'fileVersion',
  'fileSharing',
  'workbookPr',
  'AlternateContent',
  'revisionPtr',
  'absPath',
  'workbookProtection',
  'bookViews',
  'sheets',
  'functionGroups',
  'externalReferences',
  'definedNames',
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

export interface SheetEntry {
  name: string;
  /** The worksheet part; undefined for chart sheets and dialog sheets. */
  part?: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  element: Element;
}

function truthy(v: string | null): boolean {
  return v === '1' || v === 'true';
}

export class WorkbookPart {
  private changed = false;

  private constructor(
    readonly name: string,
    private readonly doc: Document,
    readonly sheets: SheetEntry[],
  ) {}

  static async load(pkg: Package): Promise<WorkbookPart> {
    const rels = await pkg.relationships('');
    const office = rels.find((r) => REL_TYPE.officeDocument.test(r.type) && r.part);
    const name = office?.part ?? 'xl/workbook.xml';
    const text = await pkg.text(name);
    if (text === undefined) throw new WorkbookPartMissing();
    const doc = parseXml(text, name);
    const root = rootElement(doc);
    const wbRels = await pkg.relationships(name);
    const sheetsEl = firstChild(root, 'sheets');
    const sheets: SheetEntry[] = (sheetsEl ? childElements(sheetsEl, 'sheet') : []).map((el) => {
      const rid = attr(el, 'id');
      const rel = wbRels.find((r) => r.id === rid);
      const state = (el.getAttribute('state') ?? 'visible') as SheetEntry['state'];
      const part = rel && /\/worksheet$/.test(rel.type) && rel.part ? pkg.nameOf(rel.part) : undefined;
      return { name: el.getAttribute('name') ?? '', part, state, element: el };
    });
    return new WorkbookPart(name, doc, sheets);
  }

  private get root(): Element {
    return rootElement(this.doc);
  }

  /** Saved as Strict Open XML (other namespaces): readable, but Planrapport does not write into it. */
  get strict(): boolean {
    return this.root.namespaceURI === 'http://purl.oclc.org/ooxml/spreadsheetml/main';
  }

  get date1904(): boolean {
    const pr = firstChild(this.root, 'workbookPr');
    return !!pr && truthy(pr.getAttribute('date1904'));
  }

  /** Workbook structure protection: sheets cannot be added, hidden or renamed. */
  get structureLocked(): boolean {
    const p = firstChild(this.root, 'workbookProtection');
    return !!p && truthy(p.getAttribute('lockStructure'));
  }

  /** The styles and shared-string parts, from the workbook's relationships. */
  async partsOf(pkg: Package): Promise<{ styles?: string; sharedStrings?: string }> {
    const rels = await pkg.relationships(this.name);
    return {
      styles: rels.find((r) => REL_TYPE.styles.test(r.type))?.part,
      sharedStrings: rels.find((r) => REL_TYPE.sharedStrings.test(r.type))?.part,
    };
  }

  sheet(name: string): SheetEntry | undefined {
    return this.sheets.find((s) => s.name === name) ?? this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Adds a worksheet at the end of the tab order; returns its part name. */
  async addSheet(pkg: Package, name: string, xml: string): Promise<string> {
    const part = pkg.freeName('xl/worksheets', 'sheet', '.xml');
    pkg.set(part, xml);
    await pkg.addContentType(part, 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml');
    const rid = await pkg.addRelationship(this.name, REL_TYPE.worksheet, part);
    const root = this.root;
    const sheetsEl = ensureChild(root, 'sheets', WORKBOOK_ORDER);
    const el = createChild(sheetsEl, 'sheet');
    el.setAttribute('name', name);
    const ids = childElements(sheetsEl, 'sheet').map((s) => Number(s.getAttribute('sheetId') ?? 0));
    el.setAttribute('sheetId', String(Math.max(0, ...ids) + 1));
    const r = prefixFor(root, NS.rel) ?? 'r';
    if (!prefixFor(root, NS.rel)) root.setAttribute('xmlns:r', NS.rel);
    el.setAttributeNS(NS.rel, `${r}:id`, rid);
    sheetsEl.appendChild(el);
    this.sheets.push({ name, part, state: 'visible', element: el });
    this.changed = true;
    return part;
  }

  setVisible(name: string, visible: boolean): void {
    const s = this.sheet(name);
    if (!s) return;
    const state = visible ? 'visible' : 'hidden';
    if (s.state === state || (!visible && s.state === 'veryHidden')) return;
    if (visible) s.element.removeAttribute('state');
    else s.element.setAttribute('state', 'hidden');
    s.state = state;
    this.changed = true;
    if (!visible) this.keepActiveTabVisible();
  }

  /** A hidden sheet cannot be the active or first tab. */
  private keepActiveTabVisible(): void {
    const views = firstChild(this.root, 'bookViews');
    const firstVisible = this.sheets.findIndex((s) => s.state === 'visible');
    if (!views || firstVisible < 0) return;
    for (const v of childElements(views, 'workbookView')) {
      for (const key of ['activeTab', 'firstSheet']) {
        const i = Number(v.getAttribute(key) ?? 0);
        if (this.sheets[i] && this.sheets[i]!.state !== 'visible') v.setAttribute(key, String(firstVisible));
      }
    }
  }

  /** Excel recalculates every formula when it opens the file (new formulas have no cached value). */
  recalculateOnLoad(): void {
    const calcPr = ensureChild(this.root, 'calcPr', WORKBOOK_ORDER);
    if (calcPr.getAttribute('fullCalcOnLoad') === '1') return;
    calcPr.setAttribute('fullCalcOnLoad', '1');
    this.changed = true;
  }

  save(pkg: Package): void {
    if (this.changed) pkg.set(this.name, serializeXml(this.doc));
  }
}

export class WorkbookPartMissing extends Error {}

export { insertInOrder };
