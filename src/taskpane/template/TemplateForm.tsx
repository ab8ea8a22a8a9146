/** The template form: kind, year, tertial, organisation and the "Skapa mallar" action. */
import { useState } from 'react';
import { Button, Dropdown, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Option, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABEL, type DocumentKind, type PlanDocumentInfo } from '../../core/model/plan';
import { useServices } from '../services';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalM },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface TemplateFormProps {
  /** What the workbook already says (for "Uppdatera mallar"). */
  initial?: PlanDocumentInfo;
  isTemplate: boolean;
  onDone(): void;
}

type Outcome = { kind: 'success'; title: string; notes: string[] } | { kind: 'error'; message: string };

export function TemplateForm({ initial, isTemplate, onDone }: TemplateFormProps) {
  const services = useServices();
  const styles = useStyles();
  const [kind, setKind] = useState<DocumentKind>(initial?.kind ?? 'tertialrapport');
  const [year, setYear] = useState(String(initial?.year ?? new Date().getFullYear()));
  const [tertial, setTertial] = useState<'1' | '2'>(initial?.tertial === 2 ? '2' : '1');
  const [organisation, setOrganisation] = useState(initial?.organisation ?? '');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const yearNumber = Number(year);
  const yearError = Number.isInteger(yearNumber) && yearNumber >= 1990 && yearNumber <= 2100 ? undefined : 'Skriv året med fyra siffror, t.ex. 2025.';

  async function submit() {
    if (yearError) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      const result = await services.createTemplate({
        kind,
        year: yearNumber,
        tertial: kind === 'tertialrapport' ? (Number(tertial) as 1 | 2) : undefined,
        organisation: organisation.trim() || undefined,
      });
      setOutcome({ kind: 'success', title: isTemplate ? 'Mallarna är uppdaterade' : 'Mallarna är skapade', notes: result.notes });
      onDone();
    } catch (e) {
      setOutcome({ kind: 'error', message: services.describeError(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field label="Dokumenttyp">
        <Dropdown
          aria-label="Dokumenttyp"
          value={DOCUMENT_KIND_LABEL[kind]}
          selectedOptions={[kind]}
          onOptionSelect={(_, d) => d.optionValue && setKind(d.optionValue as DocumentKind)}
        >
          {DOCUMENT_KINDS.map((k) => (
            <Option key={k} value={k}>
              {DOCUMENT_KIND_LABEL[k]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={styles.row}>
        <Field label="År" validationMessage={yearError} validationState={yearError ? 'error' : 'none'}>
          <Input aria-label="År" inputMode="numeric" value={year} onChange={(_, d) => setYear(d.value)} />
        </Field>
        {kind === 'tertialrapport' && (
          <Field label="Tertial">
            <Dropdown
              aria-label="Tertial"
              value={tertial}
              selectedOptions={[tertial]}
              onOptionSelect={(_, d) => d.optionValue && setTertial(d.optionValue as '1' | '2')}
            >
              <Option value="1">1</Option>
              <Option value="2">2</Option>
            </Dropdown>
          </Field>
        )}
      </div>
      <Field label="Organisation" hint="Nämnden eller enheten dokumentet gäller.">
        <Input aria-label="Organisation" value={organisation} onChange={(_, d) => setOrganisation(d.value)} />
      </Field>
      <Button appearance="primary" type="submit" disabled={busy || !!yearError} icon={busy ? <Spinner size="tiny" /> : undefined}>
        {isTemplate ? 'Uppdatera mallar' : 'Skapa mallar'}
      </Button>
      {outcome?.kind === 'success' && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>{outcome.title}</MessageBarTitle>
            {outcome.notes.length > 0 && (
              <ul className={styles.notes}>
                {outcome.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Det gick inte</MessageBarTitle>
            {outcome.message}
          </MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
