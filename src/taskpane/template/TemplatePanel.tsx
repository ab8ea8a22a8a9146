/**
 * Mallar: the document's kind, year, tertial and organisation, and "Skapa mallar" (a workbook
 * without Planrapport's sheets) or "Uppdatera mallar" (adds what is missing and writes what the
 * form changed to Dokument). What the form holds and what the action did live in the pane's
 * store, so they survive a tab switch.
 */
import { useState } from 'react';
import { Button, Field, Input, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABEL, type DocumentKind, type PlanDocumentInfo } from '../../core/model/plan';
import { YEAR_RANGE } from '../../core/values/limits';
import { ErrorNotice } from '../common/ErrorNotice';
import { Notice } from '../common/Notice';
import { usePane, usePaneStore } from '../state/PaneContext';
import type { TemplateDraft } from '../state/store';
import { NEXT_STEPS, templateDoneTitle } from '../texts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalM },
  control: { minWidth: 0, width: '100%' },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  progress: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  next: { margin: 0 },
  submit: { alignSelf: 'flex-start' },
  more: { alignSelf: 'flex-start', paddingLeft: 0, minWidth: 0 },
});

/** The form as the workbook says it (a new workbook: a tertialrapport for this year). */
function fromDocument(info: PlanDocumentInfo | undefined, now: Date): TemplateDraft {
  return {
    kind: info?.kind ?? 'tertialrapport',
    year: String(info?.year ?? now.getFullYear()),
    tertial: info?.tertial === 2 ? '2' : '1',
    organisation: info?.organisation ?? '',
  };
}

const SHOWN_NOTES = 4;

export function TemplatePanel() {
  const styles = useStyles();
  const state = usePane();
  const store = usePaneStore();
  const [allNotes, setAllNotes] = useState(false);
  const doc = state.status.phase === 'ready' ? state.status.document : undefined;
  const isTemplate = !!doc?.isTemplate;
  const values = state.draft ?? fromDocument(doc?.info, new Date());
  const action = state.template;
  const running = action.phase === 'running';
  const otherRunning = state.validation.phase === 'running' || state.generation.phase === 'running';

  const yearNumber = Number(values.year);
  const yearError =
    /^\d{4}$/.test(values.year.trim()) && yearNumber >= YEAR_RANGE.min && yearNumber <= YEAR_RANGE.max ? undefined : 'Skriv året med fyra siffror, t.ex. 2025.';
  const change = (patch: Partial<TemplateDraft>) => store.setDraft({ ...values, ...patch });
  const submit = () => {
    if (!yearError) void store.createTemplate({ ...values, year: values.year.trim() });
  };
  const label = isTemplate ? 'Uppdatera mallar' : 'Skapa mallar';
  // after "Skapa mallar" the next steps matter more than the list of added sheets
  const shown = action.phase === 'done' && action.result.created ? 0 : SHOWN_NOTES;
  const shownNotes = action.phase !== 'done' ? [] : allNotes ? action.result.notes : action.result.notes.slice(0, shown);

  return (
    <form
      className={styles.form}
      aria-label="Mallar"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Field label="Dokumenttyp">
        <Select className={styles.control} value={values.kind} onChange={(_, d) => change({ kind: d.value as DocumentKind })}>
          {DOCUMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {DOCUMENT_KIND_LABEL[k]}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Field label="År" validationMessage={yearError} validationState={yearError ? 'error' : 'none'}>
          <Input className={styles.control} inputMode="numeric" autoComplete="off" value={values.year} onChange={(_, d) => change({ year: d.value })} />
        </Field>
        {values.kind === 'tertialrapport' && (
          <Field label="Tertial">
            <Select className={styles.control} value={values.tertial} onChange={(_, d) => change({ tertial: d.value as '1' | '2' })}>
              <option value="1">1 (jan–apr)</option>
              <option value="2">2 (jan–aug)</option>
            </Select>
          </Field>
        )}
      </div>
      <Field label="Organisation" hint="Nämnden eller enheten dokumentet gäller.">
        <Input className={styles.control} value={values.organisation} onChange={(_, d) => change({ organisation: d.value })} />
      </Field>
      {isTemplate && (
        <p className={styles.hint}>
          Det du ändrar här skrivs till fliken Dokument. Flikar och kolumner som saknas läggs till; inget du skrivit i övrigt ändras.
        </p>
      )}
      <Button
        className={styles.submit}
        appearance="primary"
        type="submit"
        disabled={running || otherRunning || !!yearError}
        icon={running ? <Spinner size="tiny" aria-hidden /> : undefined}
      >
        {label}
      </Button>
      {running && <p className={styles.progress}>{isTemplate ? 'Uppdaterar mallarna …' : 'Skapar mallarna …'}</p>}
      {otherRunning && !running && <p className={styles.hint}>Vänta tills valideringen eller Word-dokumentet är klart.</p>}
      {action.phase === 'done' && (
        <Notice
          intent="success"
          title={templateDoneTitle(action.result)}
          actions={
            action.result.created ? (
              <Button size="small" onClick={() => store.selectTab('validate')}>
                Gå till Validera
              </Button>
            ) : undefined
          }
        >
          {action.result.created && (
            <p className={styles.next}>
              <strong>Nästa steg: </strong>
              {NEXT_STEPS}
            </p>
          )}
          {shownNotes.length > 0 && (
            <ul className={styles.notes}>
              {shownNotes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
          {action.result.notes.length > shown && (
            <Button className={styles.more} size="small" appearance="transparent" onClick={() => setAllNotes((v) => !v)} aria-expanded={allNotes}>
              {allNotes
                ? 'Visa färre'
                : action.result.created
                  ? `Visa vad som lades till (${action.result.notes.length})`
                  : `Visa alla ${action.result.notes.length}`}
            </Button>
          )}
        </Notice>
      )}
      {action.phase === 'failed' && <ErrorNotice error={action.error} onRetry={submit} />}
    </form>
  );
}
