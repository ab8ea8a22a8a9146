/**
 * Året: the planning year's actions on the open workbook. "Ny period" converts it in place to
 * the next period (plan → T1 → T2 → verksamhetsberättelse → next year's plan) once the user has
 * confirmed a saved copy; "Hämta från Kolada" fetches the indicators' outcomes, previews every
 * change and writes them on "Verkställ". What the actions did lives in the pane's store; the
 * use-cases decide what is carried, cleared or written.
 */
import { useState } from 'react';
import { Button, Checkbox, Field, Input, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABEL, type DocumentKind, type PlanDocumentInfo } from '../../core/model/plan';
import { followingPeriod } from '../../core/model/period';
import { YEAR_RANGE } from '../../core/values/limits';
import { ErrorNotice } from '../common/ErrorNotice';
import { Notice } from '../common/Notice';
import { usePane, usePaneStore } from '../state/PaneContext';
import type { NextPeriodDraft } from '../state/store';
import type { ValueChange } from '../../usecases/importValues';
import { CHANGE_LABEL, effectiveAction, koladaAppliedText, nextPeriodTitle, plural, writableCount } from '../texts';
import { readDate } from '../../core/values/dates';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, minWidth: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalM },
  control: { minWidth: 0, width: '100%' },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  progress: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  changes: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  change: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  action: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  submit: { alignSelf: 'flex-start' },
  p: { margin: 0 },
});

/** The form's default: the natural next step after the document. */
function defaultDraft(info: PlanDocumentInfo | undefined, now: Date): NextPeriodDraft {
  const next = followingPeriod({ kind: info?.kind ?? 'verksamhetsplan', year: info?.year ?? now.getFullYear(), tertial: info?.tertial });
  return { kind: next.kind, year: String(next.year), tertial: next.tertial === 2 ? '2' : '1', confirmed: false };
}

export function YearPanel() {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <NextPeriodSection />
      <KoladaSection />
    </div>
  );
}

function NextPeriodSection() {
  const styles = useStyles();
  const state = usePane();
  const store = usePaneStore();
  const doc = state.status.phase === 'ready' ? state.status.document : undefined;
  const values = state.nextDraft ?? defaultDraft(doc?.info, new Date());
  const action = state.nextPeriod;
  const running = action.phase === 'running';
  const otherRunning = [state.template, state.validation, state.generation, state.koladaPreview, state.koladaImport].some((a) => a.phase === 'running');
  const yearNumber = Number(values.year);
  const yearError =
    /^\d{4}$/.test(values.year.trim()) && yearNumber >= YEAR_RANGE.min && yearNumber <= YEAR_RANGE.max ? undefined : 'Skriv året med fyra siffror, t.ex. 2025.';
  const date = readDate(values.date ?? '');
  const dateError = date.invalid !== undefined ? 'Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2025-05-20, eller lämna fältet tomt.' : undefined;
  const change = (patch: Partial<NextPeriodDraft>) => store.setNextDraft({ ...values, ...patch });
  const submit = () => {
    if (!yearError && !dateError && values.confirmed) void store.nextPeriod({ ...values, year: values.year.trim() });
  };

  return (
    <form
      className={styles.section}
      aria-labelledby="year-next-heading"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3 id="year-next-heading" className={styles.heading}>
        Ny period
      </h3>
      <p className={styles.hint}>
        Mål, indikatorer med målvärden, aktiviteter och budgetrader följer med. Utfall, prognoser, analyser, bedömningar och statusar töms för den nya perioden.
        Dina egna flikar och kolumner lämnas orörda.
      </p>
      <Field label="Ny dokumenttyp">
        <Select className={styles.control} value={values.kind} onChange={(_, d) => change({ kind: d.value as DocumentKind })}>
          {DOCUMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {DOCUMENT_KIND_LABEL[k]}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Field label="Nytt år" validationMessage={yearError} validationState={yearError ? 'error' : 'none'}>
          <Input className={styles.control} inputMode="numeric" autoComplete="off" value={values.year} onChange={(_, d) => change({ year: d.value })} />
        </Field>
        {values.kind === 'tertialrapport' && (
          <Field label="Ny tertial">
            <Select className={styles.control} value={values.tertial} onChange={(_, d) => change({ tertial: d.value as '1' | '2' })}>
              <option value="1">1 (jan–apr)</option>
              <option value="2">2 (jan–aug)</option>
            </Select>
          </Field>
        )}
      </div>
      <Field
        label="Datum (frivilligt)"
        hint="Den nya periodens datum i Dokument. Tomt: fältet töms."
        validationMessage={dateError}
        validationState={dateError ? 'error' : 'none'}
      >
        <Input
          className={styles.control}
          autoComplete="off"
          placeholder="ÅÅÅÅ-MM-DD"
          value={values.date ?? ''}
          onChange={(_, d) => change({ date: d.value })}
        />
      </Field>
      <Notice intent="warning" title="Arbetsboken ändras på plats">
        <span>
          Ny period gör om den öppna arbetsboken till nästa period. Spara först en kopia (Arkiv → Spara en kopia) så att den nuvarande perioden finns kvar.
        </span>
      </Notice>
      <Checkbox checked={values.confirmed} onChange={(_, d) => change({ confirmed: d.checked === true })} label="Jag har sparat en kopia av arbetsboken" />
      <Button
        className={styles.submit}
        appearance="primary"
        type="submit"
        disabled={running || otherRunning || !!yearError || !!dateError || !values.confirmed}
        icon={running ? <Spinner size="tiny" aria-hidden /> : undefined}
      >
        Skapa ny period
      </Button>
      {running && <p className={styles.progress}>Skapar den nya perioden …</p>}
      {otherRunning && !running && <p className={styles.hint}>Vänta tills den pågående åtgärden är klar.</p>}
      {action.phase === 'done' && action.result.problems.length > 0 && (
        <Notice intent="error" title={nextPeriodTitle(action.result)}>
          {action.result.problems.map((p) => (
            <span key={p}>{p}</span>
          ))}
        </Notice>
      )}
      {action.phase === 'done' && action.result.problems.length === 0 && (
        <Notice
          intent="success"
          title={nextPeriodTitle(action.result)}
          actions={
            <Button size="small" onClick={() => store.selectTab('validate')}>
              Validera
            </Button>
          }
        >
          <NextPeriodSummary />
        </Notice>
      )}
      {action.phase === 'failed' && <ErrorNotice error={action.error} onRetry={submit} />}
    </form>
  );
}

function NextPeriodSummary() {
  const styles = useStyles();
  const action = usePane().nextPeriod;
  if (action.phase !== 'done') return null;
  const { carried, cleared, previousOutcomes, notes, from } = action.result;
  const carriedRows = carried.filter((c) => c.rows > 0);
  return (
    <>
      {carriedRows.length > 0 && (
        <p className={styles.p}>
          <strong>Fördes över: </strong>
          {carriedRows.map((c) => `${c.sheet} (${plural(c.rows, 'rad', 'rader')})`).join(', ')}.
        </p>
      )}
      <p className={styles.p}>
        <strong>Tömdes: </strong>
        {cleared.length ? cleared.map((c) => `${c.sheet} ${c.header} (${plural(c.cells, 'cell', 'celler')})`).join(', ') + '.' : 'inget behövde tömmas.'}
      </p>
      {previousOutcomes > 0 && from && (
        <p className={styles.p}>
          {plural(previousOutcomes, 'utfall', 'utfall')} från verksamhetsberättelsen fördes till Periodens utfall VB {from.year}.
        </p>
      )}
      {notes.length > 0 && (
        <ul className={styles.list}>
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <p className={styles.p}>Fyll i utfall, prognoser, bedömningar och texter för den nya perioden och kontrollera sedan under Validera.</p>
    </>
  );
}

function ChangeList({ changes, overwrite }: { changes: readonly ValueChange[]; overwrite?: boolean }) {
  const styles = useStyles();
  return (
    <ul className={styles.changes} aria-label="Ändringar">
      {changes.map((c) => {
        const action = overwrite === undefined ? c.action : effectiveAction(c, overwrite);
        return (
          <li key={`${c.sheet}!${c.cell}`} className={styles.change} data-action={action}>
            <span>
              {c.indicator}, {c.column}: {c.before || '(tom)'} → {c.after}
            </span>
            <span className={styles.action}>
              {CHANGE_LABEL[action]} · {c.sheet}!{c.cell}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function KoladaSection() {
  const styles = useStyles();
  const state = usePane();
  const store = usePaneStore();
  const [showUnmatched, setShowUnmatched] = useState(false);
  const preview = state.koladaPreview;
  const applied = state.koladaImport;
  const overwrite = state.koladaOverwrite;
  const fetching = preview.phase === 'running';
  const applying = applied.phase === 'running';
  const writing = [state.template, state.nextPeriod].some((a) => a.phase === 'running') || applying;
  const result = preview.phase === 'done' ? preview.result : undefined;
  const writable = result ? writableCount(result.preview.changes, overwrite) : 0;

  return (
    <section className={styles.section} aria-labelledby="year-kolada-heading">
      <h3 id="year-kolada-heading" className={styles.heading}>
        Hämta från Kolada
      </h3>
      <p className={styles.hint}>
        Utfall (totalt, kvinnor, män) för indikatorer med Kolada-id, för kommunen eller enheten i Dokument. Du ser varje ändring innan något skrivs.
      </p>
      <Button
        className={styles.submit}
        disabled={fetching || writing}
        icon={fetching ? <Spinner size="tiny" aria-hidden /> : undefined}
        onClick={() => void store.previewKolada()}
      >
        Hämta från Kolada
      </Button>
      {fetching && <p className={styles.progress}>Hämtar från Kolada …</p>}
      {preview.phase === 'failed' && <ErrorNotice error={preview.error} title="Kolada kunde inte nås" onRetry={() => void store.previewKolada()} />}
      {result && result.problems.length > 0 && (
        <Notice intent="warning" title="Inget att hämta">
          {result.problems.map((p) => (
            <span key={p}>{p}</span>
          ))}
        </Notice>
      )}
      {result && result.problems.length === 0 && (
        <Notice
          intent="info"
          title={result.preview.changes.length ? `Förhandsvisning: ${plural(result.preview.changes.length, 'ändring', 'ändringar')}` : 'Inga ändringar'}
        >
          {result.preview.changes.length > 0 ? (
            <>
              <p className={styles.p}>Inget är skrivet ännu. Granska och välj Verkställ.</p>
              <ChangeList changes={result.preview.changes} overwrite={overwrite} />
            </>
          ) : (
            <p className={styles.p}>Kolada har inga värden som skiljer sig från arbetsbokens.</p>
          )}
          {result.preview.unmatched.length > 0 && (
            <>
              <Button size="small" appearance="transparent" onClick={() => setShowUnmatched((v) => !v)} aria-expanded={showUnmatched}>
                {showUnmatched ? 'Dölj det som inte kunde matchas' : `Kunde inte matchas eller saknar värde (${result.preview.unmatched.length})`}
              </Button>
              {showUnmatched && (
                <ul className={styles.list}>
                  {result.preview.unmatched.map((u) => (
                    <li key={u}>{u}</li>
                  ))}
                </ul>
              )}
            </>
          )}
          {result.preview.notes.map((n) => (
            <p key={n} className={styles.p}>
              {n}
            </p>
          ))}
        </Notice>
      )}
      {result && result.problems.length === 0 && result.preview.changes.length > 0 && (
        <>
          <Checkbox checked={overwrite} onChange={(_, d) => store.setKoladaOverwrite(d.checked === true)} label="Skriv över värden jag har skrivit" />
          <Button
            className={styles.submit}
            appearance="primary"
            disabled={writable === 0 || writing || fetching}
            icon={applying ? <Spinner size="tiny" aria-hidden /> : undefined}
            onClick={() => void store.importKolada()}
          >
            {`Verkställ (${plural(writable, 'värde', 'värden')})`}
          </Button>
        </>
      )}
      {applying && <p className={styles.progress}>Skriver värdena …</p>}
      {applied.phase === 'done' && (
        <Notice
          intent={applied.result.problems.length ? 'error' : 'success'}
          title={koladaAppliedText(applied.result)}
          actions={
            <Button size="small" onClick={() => store.selectTab('validate')}>
              Validera
            </Button>
          }
        >
          {applied.result.problems.map((p) => (
            <span key={p}>{p}</span>
          ))}
          <ChangeList changes={applied.result.changes} />
        </Notice>
      )}
      {applied.phase === 'failed' && <ErrorNotice error={applied.error} onRetry={() => void store.importKolada()} />}
    </section>
  );
}
