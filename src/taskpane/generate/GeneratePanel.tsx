/**
 * Word: one button that builds the open document as a .docx and hands it to the user. The
 * progress, the result and an error live in the pane's store: switching tabs during the work
 * loses nothing, the file is handed over and announced wherever the user is, and a second click
 * while it runs does nothing.
 */
import { Button, Field, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownload16Regular } from '@fluentui/react-icons';
import type { DocumentKind } from '../../core/model/plan';
import type { GenerateStep } from '../../usecases/generate';
import { ErrorNotice } from '../common/ErrorNotice';
import { Notice } from '../common/Notice';
import { usePane, usePaneStore } from '../state/PaneContext';
import { isStale } from '../state/store';
import { GENERATE_ACTION, clock, generatedTitle, validationSummary } from '../texts';
import { savingUnsupported } from './download';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  text: { margin: 0 },
  command: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  button: { alignSelf: 'flex-start' },
  small: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

export const STEP_LABEL: Record<GenerateStep, string> = {
  read: 'Läser arbetsboken …',
  build: 'Bygger dokumentet …',
  write: 'Skriver Word-filen …',
};

const STEPS: readonly GenerateStep[] = ['read', 'build', 'write'];

export interface GeneratePanelProps {
  /** The open document's kind (from the Dokument sheet); names the button. */
  kind?: DocumentKind;
  /** The Office platform as office.js reports it ("OfficeOnline", "PC", "Mac", …). */
  platform?: string;
}

export function GeneratePanel({ kind, platform }: GeneratePanelProps) {
  const styles = useStyles();
  const state = usePane();
  const store = usePaneStore();
  const action = state.generation;
  const running = action.phase === 'running';
  const cannotSave = savingUnsupported(platform);

  return (
    <section className={styles.root} aria-label="Word">
      <p className={styles.text}>Skapar Word-dokumentet ur arbetsboken. Arbetsboken ändras inte; fel och varningar visas men hindrar inte ett utkast.</p>
      {cannotSave && (
        <Notice intent="warning" title="Word-filen kan inte sparas här">
          <span>{cannotSave}</span>
          <span className={styles.command}>planrapport generate arbetsbok.xlsx --out rapport.docx</span>
        </Notice>
      )}
      <Button
        className={styles.button}
        appearance="primary"
        onClick={() => void store.generate()}
        disabled={running || !!cannotSave || state.template.phase === 'running'}
      >
        {kind ? GENERATE_ACTION[kind] : 'Generera Word-dokument'}
      </Button>
      {running && (
        <Field validationMessage={STEP_LABEL[action.step ?? 'read']} validationState="none">
          <ProgressBar value={(STEPS.indexOf(action.step ?? 'read') + 1) / STEPS.length} aria-label="Förlopp" />
        </Field>
      )}
      {action.phase === 'failed' && <ErrorNotice error={action.error} title="Word-dokumentet kunde inte skapas" onRetry={() => void store.generate()} />}
      {action.phase === 'done' && (
        <Notice
          intent={action.result.errors > 0 ? 'warning' : 'success'}
          title={generatedTitle(action.result)}
          actions={
            <Button size="small" icon={<ArrowDownload16Regular />} onClick={() => store.download(action.result)}>
              Ladda ner igen
            </Button>
          }
        >
          <span>{validationSummary(action.result.errors, action.result.warnings)}</span>
          <span className={styles.small}>
            {`Skapat ${clock(action.at)}.`}
            {isStale(action, state.version) && ' Arbetsboken har ändrats sedan dess – generera igen för att få med ändringarna.'}
          </span>
        </Notice>
      )}
    </section>
  );
}
