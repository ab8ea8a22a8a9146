/** Word: one button that builds the open document as a .docx and hands it to the user. */
import { useState } from 'react';
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload16Regular } from '@fluentui/react-icons';
import type { DocumentKind } from '../../core/model/plan';
import type { GenerateStep } from '../../usecases/generate';
import { useServices, type GeneratedDocument } from '../services';
import { downloadFile, savingUnsupported } from './download';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  command: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

const ACTION: Record<DocumentKind, string> = {
  tertialrapport: 'Generera tertialrapport',
  verksamhetsplan: 'Generera verksamhetsplan',
  verksamhetsberattelse: 'Generera verksamhetsberättelse',
};

export const STEP_LABEL: Record<GenerateStep, string> = {
  read: 'Läser arbetsboken …',
  build: 'Bygger dokumentet …',
  write: 'Skriver Word-filen …',
};

const STEPS: readonly GenerateStep[] = ['read', 'build', 'write'];

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

/** The validation summary under the success message. */
export function validationSummary(errors: number, warnings: number): string {
  if (errors === 0 && warnings === 0) return 'Inga fel.';
  if (errors === 0) return `Inga fel men ${plural(warnings, 'varning', 'varningar')} – se fliken Validera.`;
  return `${errors} fel och ${plural(warnings, 'varning', 'varningar')} – se fliken Validera.`;
}

export interface GeneratePanelProps {
  /** The open document's kind (from the Dokument sheet); names the button. */
  kind?: DocumentKind;
  /** The Office platform as office.js reports it ("OfficeOnline", "PC", "Mac", …). */
  platform?: string;
}

export function GeneratePanel({ kind, platform }: GeneratePanelProps) {
  const services = useServices();
  const styles = useStyles();
  const [step, setStep] = useState<GenerateStep>();
  const [result, setResult] = useState<GeneratedDocument>();
  const [error, setError] = useState<string>();
  const busy = step !== undefined;
  const cannotSave = savingUnsupported(platform);

  function download(doc: GeneratedDocument) {
    try {
      downloadFile(doc.bytes, doc.fileName);
    } catch (e) {
      setError(services.describeError(e));
    }
  }

  async function generate() {
    if (busy || cannotSave) return;
    setStep('read');
    setError(undefined);
    setResult(undefined);
    try {
      const doc = await services.generate(setStep);
      setResult(doc);
      download(doc);
    } catch (e) {
      setError(services.describeError(e));
    } finally {
      setStep(undefined);
    }
  }

  return (
    <section className={styles.root} aria-label="Word">
      <Text>Skapar Word-dokumentet ur arbetsboken. Arbetsboken ändras inte; fel och varningar visas men hindrar inte ett utkast.</Text>
      {cannotSave && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Word-filen kan inte sparas här</MessageBarTitle>
            {cannotSave}
            <div className={styles.command}>planrapport generate arbetsbok.xlsx --out rapport.docx</div>
          </MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" onClick={() => void generate()} disabled={busy || !!cannotSave}>
        {kind ? ACTION[kind] : 'Generera Word-dokument'}
      </Button>
      {step && (
        <Field validationMessage={STEP_LABEL[step]} validationState="none">
          <ProgressBar value={(STEPS.indexOf(step) + 1) / STEPS.length} aria-label="Förlopp" />
        </Field>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Det gick inte</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <MessageBar intent={result.errors > 0 ? 'warning' : 'success'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{`Word-dokumentet är klart: ${result.fileName}`}</MessageBarTitle>
            <div>{validationSummary(result.errors, result.warnings)}</div>
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="secondary" icon={<ArrowDownload16Regular />} onClick={() => download(result)}>
              Ladda ner igen
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </section>
  );
}
