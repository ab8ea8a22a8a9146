/**
 * The pane's state, outside the tab components, so that what an action is doing or has found
 * survives a tab switch, and an action cannot be started twice at once. Each action (Skapa /
 * uppdatera mallar, Validera, Generera) is idle, running (with its step), done (with its result,
 * when it was made and which version of the workbook it read) or failed (with a Swedish error
 * and whether to try again). The store counts the workbook's changes (the host's change events):
 * a result made from an older version is stale. It holds no business rules: the use-cases and
 * the core decide, it only keeps what they said. Plain TypeScript; React reads it through
 * useSyncExternalStore (PaneContext.tsx).
 */
import type { DocumentKind } from '../../core/model/plan';
import type { GenerateStep } from '../../usecases/generate';
import type { WorkbookChange } from '../../hosts/port';
import type { PaneError } from '../errors';
import type { DocumentStatus, GeneratedDocument, KoladaPreview, NextPeriodOutcome, TaskpaneServices, ValidationOutcome } from '../services';
import type { ValueImport } from '../../usecases/importValues';
import { generatedText, koladaAppliedText, koladaPreviewText, nextPeriodText, templateDoneText, validationText } from '../texts';
import { readDate } from '../../core/values/dates';

export type TabId = 'template' | 'validate' | 'word' | 'year';

export type Action<R, S = never> =
  | { phase: 'idle' }
  /** `previous`: the last result, shown while the action runs again. */
  | { phase: 'running'; step?: S; previous?: Done<R> }
  /** `version`: the workbook's change count when the action read it. */
  | { phase: 'done'; result: R; at: Date; version: number }
  | { phase: 'failed'; error: PaneError; at: Date };

export interface Done<R> {
  phase: 'done';
  result: R;
  at: Date;
  version: number;
}

export interface TemplateDone {
  /** The workbook had no Planrapport sheets before: the user is told what to do next. */
  created: boolean;
  notes: string[];
}

export type StatusState = { phase: 'loading' } | { phase: 'ready'; document: DocumentStatus } | { phase: 'failed'; error: PaneError };

/** The template form as the user left it (undefined: it shows what the workbook says). */
export interface TemplateDraft {
  kind: DocumentKind;
  year: string;
  tertial: '1' | '2';
  organisation: string;
}

/** The "Ny period" form as the user left it (undefined: the natural next step). */
export interface NextPeriodDraft {
  kind: DocumentKind;
  year: string;
  tertial: '1' | '2';
  /** Datum for the new period (ÅÅÅÅ-MM-DD), or empty: the field is then emptied. */
  date?: string;
  /** The user has confirmed that a copy is saved. */
  confirmed: boolean;
}

export interface Announcement {
  text: string;
  /** Counts up, so that the same text is announced again. */
  id: number;
}

export interface PaneState {
  status: StatusState;
  tab: TabId;
  template: Action<TemplateDone>;
  validation: Action<ValidationOutcome>;
  generation: Action<GeneratedDocument, GenerateStep>;
  nextPeriod: Action<NextPeriodOutcome>;
  /** "Hämta från Kolada": the fetched records and what they would change. */
  koladaPreview: Action<KoladaPreview>;
  /** "Verkställ": what the import wrote. */
  koladaImport: Action<ValueImport>;
  /** "Skriv över värden jag har skrivit" (off by default). */
  koladaOverwrite: boolean;
  nextDraft?: NextPeriodDraft;
  /** Changes to the workbook seen since the pane opened. */
  version: number;
  /** The host reports changes; without it results cannot know they are stale. */
  watching: boolean;
  /** A click on a finding that could not go there. */
  navigationError?: PaneError;
  draft?: TemplateDraft;
  /** For the polite live region (results). */
  announcement?: Announcement;
  /** For the assertive live region (errors). */
  alert?: Announcement;
}

export interface StoreOptions {
  now?: () => Date;
  /** Hands the generated file to the user (a download). */
  download(doc: GeneratedDocument): void;
  /** Quiet time after the last change before the open Validera tab validates again (ms). */
  revalidateDelay?: number;
  /** Quiet time after a change in Dokument before the header reads it again (ms). */
  statusDelay?: number;
}

const IDLE = { phase: 'idle' } as const;

/** Whether a done action's result was made from an older version of the workbook. */
export function isStale(action: Action<unknown, unknown>, version: number): boolean {
  return action.phase === 'done' && action.version < version;
}

export class PaneStore {
  private state: PaneState = {
    status: { phase: 'loading' },
    tab: 'template',
    template: IDLE,
    validation: IDLE,
    generation: IDLE,
    nextPeriod: IDLE,
    koladaPreview: IDLE,
    koladaImport: IDLE,
    koladaOverwrite: false,
    version: 0,
    watching: false,
  };
  private readonly listeners = new Set<() => void>();
  private readonly timers = new Map<'status' | 'validate', ReturnType<typeof setTimeout>>();
  private stopWatching?: () => void;
  private started = false;
  private disposed = false;
  private messageId = 0;
  private readonly now: () => Date;

  constructor(
    private readonly services: TaskpaneServices,
    private readonly options: StoreOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  getState = (): PaneState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  private set(patch: Partial<PaneState>) {
    if (this.disposed) return;
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  private announce(text: string) {
    this.set({ announcement: { text, id: ++this.messageId } });
  }

  private alert(error: PaneError) {
    this.set({ alert: { text: error.message, id: ++this.messageId } });
  }

  private busy(): boolean {
    const { template, validation, generation, nextPeriod, koladaPreview, koladaImport } = this.state;
    return [template, validation, generation, nextPeriod, koladaPreview, koladaImport].some((a) => a.phase === 'running');
  }

  /** An action that changes the workbook's sheets is running (Mallar, Ny period, Kolada's Verkställ). */
  private writing(): boolean {
    const { template, nextPeriod, koladaImport } = this.state;
    return template.phase === 'running' || nextPeriod.phase === 'running' || koladaImport.phase === 'running';
  }

  /** Reads the document, opens the tab where the user's work is, and starts listening for changes. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const status = await this.readStatus(true);
    if (status?.isTemplate) this.selectTab('validate');
    if (status && this.services.watch) {
      try {
        this.stopWatching = await this.services.watch((change) => this.changed(change));
        if (this.disposed) this.stopWatching();
        else this.set({ watching: true });
      } catch {
        // without change events the results still say when they were made; Validera checks again on request
      }
    }
  }

  /** The first read failed: try again. */
  retryStart(): Promise<void> {
    this.started = false;
    this.set({ status: { phase: 'loading' } });
    return this.start();
  }

  dispose() {
    this.disposed = true;
    this.stopWatching?.();
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  /** `opening`: the pane opens where the user's work is, Validera for a Planrapport workbook, else Mallar. */
  private async readStatus(opening = false): Promise<DocumentStatus | undefined> {
    try {
      const document = await this.services.readStatus();
      this.set(
        opening ? { status: { phase: 'ready', document }, tab: document.isTemplate ? 'validate' : 'template' } : { status: { phase: 'ready', document } },
      );
      return document;
    } catch (e) {
      const error = this.services.describeError(e);
      // a later re-read that fails keeps the document the pane already shows
      if (this.state.status.phase !== 'ready') this.set({ status: { phase: 'failed', error } });
      this.alert(error);
      return undefined;
    }
  }

  selectTab(tab: TabId) {
    if (this.state.tab !== tab) this.set({ tab });
    if (tab === 'word') this.services.prefetchReport();
    // the Validera tab shows a current result: the first one, or again after the workbook changed
    const { validation, status, version } = this.state;
    if (tab === 'validate' && status.phase === 'ready' && status.document.isTemplate && (validation.phase === 'idle' || isStale(validation, version))) {
      void this.validate();
    }
  }

  setDraft(draft: TemplateDraft) {
    this.set({ draft });
  }

  /** "Skapa mallar" / "Uppdatera mallar". Refused (false) while any action runs. */
  async createTemplate(draft: TemplateDraft): Promise<boolean> {
    if (this.busy()) return false;
    const wasTemplate = this.state.status.phase === 'ready' && this.state.status.document.isTemplate;
    this.set({ template: { phase: 'running' } });
    try {
      const outcome = await this.services.createTemplate({
        kind: draft.kind,
        year: Number(draft.year),
        tertial: draft.kind === 'tertialrapport' ? (Number(draft.tertial) as 1 | 2) : undefined,
        organisation: draft.organisation.trim() || undefined,
        // the form shows what the workbook says: what the user changed in it is meant
        replaceDocument: wasTemplate,
      });
      const result: TemplateDone = { created: !wasTemplate, notes: outcome.notes };
      this.set({ template: { phase: 'done', result, at: this.now(), version: this.state.version }, draft: undefined });
      this.announce(templateDoneText(result));
      await this.readStatus();
      return true;
    } catch (e) {
      const error = this.services.describeError(e);
      this.set({ template: { phase: 'failed', error, at: this.now() } });
      this.alert(error);
      return false;
    }
  }

  /** Validera. Refused (false) while it runs already or while the template is being written. */
  async validate(): Promise<boolean> {
    if (this.state.validation.phase === 'running' || this.writing()) return false;
    this.clearTimer('validate');
    const version = this.state.version;
    const before = this.state.validation;
    // the findings stay in view while they are checked again
    this.set({ validation: { phase: 'running', previous: before.phase === 'done' ? before : undefined } });
    try {
      const outcome = await this.services.validate();
      this.set({ validation: { phase: 'done', result: outcome, at: this.now(), version } });
      // an automatic re-validation with the same result is not announced again
      const text = validationText(outcome);
      const previous = before.phase === 'done' ? before.result : undefined;
      if (!previous || validationText(previous) !== text) this.announce(text);
      if (this.state.version > version) this.scheduleRevalidate();
      return true;
    } catch (e) {
      const error = this.services.describeError(e);
      this.set({ validation: { phase: 'failed', error, at: this.now() } });
      this.alert(error);
      return false;
    }
  }

  /** Generera <kind>: builds the document and hands it over. Refused (false) while it runs already or while the template is being written. */
  async generate(): Promise<boolean> {
    if (this.state.generation.phase === 'running' || this.writing()) return false;
    const version = this.state.version;
    this.set({ generation: { phase: 'running', step: 'read' } });
    try {
      const doc = await this.services.generate((step) => {
        if (this.state.generation.phase === 'running') this.set({ generation: { phase: 'running', step } });
      });
      this.set({ generation: { phase: 'done', result: doc, at: this.now(), version } });
      this.announce(generatedText(doc));
      this.download(doc);
      return true;
    } catch (e) {
      const error = this.services.describeError(e);
      this.set({ generation: { phase: 'failed', error, at: this.now() } });
      this.alert(error);
      return false;
    }
  }

  setNextDraft(draft: NextPeriodDraft) {
    this.set({ nextDraft: draft });
  }

  /** "Ny period": converts the open workbook to the next period. Refused (false) while any action runs or before the user confirmed the copy. */
  async nextPeriod(draft: NextPeriodDraft): Promise<boolean> {
    if (this.busy() || !draft.confirmed) return false;
    this.set({ nextPeriod: { phase: 'running' } });
    try {
      const outcome = await this.services.nextPeriod({
        kind: draft.kind,
        year: Number(draft.year),
        tertial: draft.kind === 'tertialrapport' ? (Number(draft.tertial) as 1 | 2) : undefined,
        date: readDate(draft.date ?? '').iso,
      });
      const changed = !outcome.problems.length;
      this.set({
        nextPeriod: { phase: 'done', result: outcome, at: this.now(), version: this.state.version },
        // the form starts again from the new period; earlier results describe the old one
        ...(changed ? { nextDraft: undefined, draft: undefined, validation: IDLE, generation: IDLE, koladaPreview: IDLE, koladaImport: IDLE } : {}),
      });
      this.announce(nextPeriodText(outcome));
      if (changed) await this.readStatus();
      return changed;
    } catch (e) {
      const error = this.services.describeError(e);
      this.set({ nextPeriod: { phase: 'failed', error, at: this.now() } });
      this.alert(error);
      return false;
    }
  }

  /** "Skriv över värden jag har skrivit": the preview is planned again with the records already fetched. */
  setKoladaOverwrite(overwrite: boolean) {
    this.set({ koladaOverwrite: overwrite });
  }

  /** "Hämta från Kolada": fetches and previews; writes nothing. Refused (false) while an action that writes runs. */
  async previewKolada(): Promise<boolean> {
    if (this.state.koladaPreview.phase === 'running' || this.writing()) return false;
    this.set({ koladaPreview: { phase: 'running' }, koladaImport: IDLE });
    try {
      const preview = await this.services.previewKolada({ overwrite: this.state.koladaOverwrite });
      this.set({ koladaPreview: { phase: 'done', result: preview, at: this.now(), version: this.state.version } });
      this.announce(koladaPreviewText(preview));
      return true;
    } catch (e) {
      const error = this.services.describeError(e);
      this.set({ koladaPreview: { phase: 'failed', error, at: this.now() } });
      this.alert(error);
      return false;
    }
  }

  /** "Verkställ": writes what the preview showed. Refused (false) without a preview or while any action runs. */
  async importKolada(): Promise<boolean> {
    const preview = this.state.koladaPreview;
    if (preview.phase !== 'done' || this.busy()) return false;
    this.set({ koladaImport: { phase: 'running' } });
    try {
      const result = await this.services.importKolada(preview.result.records, { overwrite: this.state.koladaOverwrite });
      this.set({
        koladaImport: { phase: 'done', result, at: this.now(), version: this.state.version },
        koladaPreview: IDLE,
        validation: IDLE,
        generation: IDLE,
      });
      this.announce(koladaAppliedText(result));
      return true;
    } catch (e) {
      const error = this.services.describeError(e);
      this.set({ koladaImport: { phase: 'failed', error, at: this.now() } });
      this.alert(error);
      return false;
    }
  }

  /** "Ladda ner igen": the same file, without reading the workbook. */
  download(doc: GeneratedDocument) {
    try {
      this.options.download(doc);
    } catch (e) {
      const error = this.services.describeError(e);
      this.set({ generation: { phase: 'failed', error, at: this.now() } });
      this.alert(error);
    }
  }

  /** A click on a finding: the cell, or the sheet ("" range). */
  async goTo(target: { sheet: string; range: string }) {
    try {
      await this.services.selectCell(target.sheet, target.range);
      if (this.state.navigationError) this.set({ navigationError: undefined });
    } catch (e) {
      const error = this.services.describeError(e);
      this.set({ navigationError: error });
      this.alert(error);
    }
  }

  /** The host saw a change: results made before it are stale; the header and the open Validera tab catch up after a quiet moment. */
  private changed(change: WorkbookChange) {
    this.set({ version: this.state.version + 1 });
    if (!change.sheet || change.sheet === 'Dokument') this.schedule('status', this.options.statusDelay ?? 800, () => void this.readStatus());
    this.scheduleRevalidate();
  }

  private scheduleRevalidate() {
    if (this.state.validation.phase === 'idle') return;
    this.schedule('validate', this.options.revalidateDelay ?? 1500, () => {
      const { tab, validation, version } = this.state;
      if (tab === 'validate' && validation.phase !== 'running' && (validation.phase === 'failed' || isStale(validation, version))) void this.validate();
    });
  }

  private schedule(name: 'status' | 'validate', delay: number, run: () => void) {
    this.clearTimer(name);
    this.timers.set(
      name,
      setTimeout(() => {
        this.timers.delete(name);
        if (!this.disposed) run();
      }, delay),
    );
  }

  private clearTimer(name: 'status' | 'validate') {
    const t = this.timers.get(name);
    if (t !== undefined) clearTimeout(t);
    this.timers.delete(name);
  }
}
