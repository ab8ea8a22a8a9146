/**
 * Validera: whether the document is ready to submit (the core's readiness: no errors and what
 * the kind requires), when that was checked and whether the workbook has changed since, and
 * the findings grouped per sheet, filtered by severity; a click takes the user to the cell.
 */
import { Button, Link, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorNotice } from '../common/ErrorNotice';
import { Notice } from '../common/Notice';
import { usePane, usePaneStore } from '../state/PaneContext';
import { isStale } from '../state/store';
import { clock, countsText, readinessTitle } from '../texts';
import type { ValidationOutcome } from '../services';
import { FindingList } from './FindingList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  intro: { margin: 0 },
  bar: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  when: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  stale: { color: tokens.colorPaletteDarkOrangeForeground1 },
  missing: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  // a <button> is an inline block whose baseline is its last line: aligned at the top, the list's bullet stands by the first line of a wrapped item
  missingItem: { textAlign: 'left', verticalAlign: 'top' },
  text: { margin: 0 },
});

export function ValidatePanel() {
  const styles = useStyles();
  const state = usePane();
  const store = usePaneStore();
  const action = state.validation;
  const running = action.phase === 'running';
  // while it runs again, the last result stays in view
  const shown = action.phase === 'done' ? action : action.phase === 'running' ? action.previous : undefined;
  const stale = !running && isStale(action, state.version);

  return (
    <section className={styles.root} aria-label="Validera" aria-busy={running}>
      {/* the introduction until there is a result: then the result says it */}
      {!shown && action.phase !== 'failed' && (
        <p className={styles.intro}>Kontrollera arbetsboken innan du lämnar in: obligatoriska uppgifter, tal och enheter, summor, mål och perioder.</p>
      )}
      <div className={styles.bar}>
        <Button
          appearance="primary"
          onClick={() => void store.validate()}
          disabled={running || state.template.phase === 'running'}
          icon={running ? <Spinner size="tiny" aria-hidden /> : undefined}
        >
          Validera
        </Button>
        {running && <p className={styles.when}>Validerar …</p>}
        {!running && shown && (
          <p className={styles.when}>
            {`Validerat ${clock(shown.at)}.`}
            {stale && <span className={styles.stale}> Arbetsboken har ändrats sedan dess{state.tab === 'validate' ? ' – validerar igen strax.' : '.'}</span>}
          </p>
        )}
      </div>
      {action.phase === 'failed' && <ErrorNotice error={action.error} title="Valideringen kunde inte göras" onRetry={() => void store.validate()} />}
      {shown && !shown.result.isTemplate && (
        <Notice intent="warning" title="Inga Planrapport-flikar">
          <p className={styles.text}>Arbetsboken har inga Planrapport-flikar. Skapa mallarna under fliken Mallar först.</p>
        </Notice>
      )}
      {shown?.result.isTemplate && <Outcome outcome={shown.result} />}
      {state.navigationError && <ErrorNotice error={state.navigationError} title="Det gick inte att gå till cellen" />}
    </section>
  );
}

function Outcome({ outcome }: { outcome: ValidationOutcome }) {
  const styles = useStyles();
  const store = usePaneStore();
  const { readiness } = outcome;
  const intent = readiness.ready ? 'success' : outcome.errors > 0 ? 'error' : 'warning';
  return (
    <>
      <Notice intent={intent} title={readinessTitle(outcome)}>
        <p className={styles.text}>
          {countsText(outcome.errors, outcome.warnings)}
          {outcome.errors > 0 ? ' Rätta felen och validera igen.' : readiness.ready && outcome.warnings > 0 ? ' Se över varningarna.' : ''}
        </p>
        {readiness.missing.length > 0 && (
          <>
            <p className={styles.text}>Dokumentet saknar innehåll:</p>
            <ul className={styles.missing}>
              {readiness.missing.map((m) => (
                <li key={m.id}>
                  <Link as="button" className={styles.missingItem} onClick={() => void store.goTo({ sheet: m.sheet, range: '' })}>
                    {m.text}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </Notice>
      {outcome.findings.length > 0 && <FindingList findings={outcome.findings} onGo={(target) => void store.goTo(target)} />}
    </>
  );
}
