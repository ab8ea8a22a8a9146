/** Validera: findings grouped per sheet with counts; a click takes the user to the cell. */
import { useState } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  CounterBadge,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ErrorCircle16Filled, Warning16Filled } from '@fluentui/react-icons';
import type { Finding } from '../../core/findings/finding';
import { useServices, type ValidationOutcome } from '../services';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, width: '100%' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    justifyContent: 'flex-start',
    textAlign: 'left',
    height: 'auto',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightRegular,
    width: '100%',
  },
  line: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  cell: { fontFamily: tokens.fontFamilyMonospace, minWidth: '3.5em', color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1, flexShrink: 0, marginTop: '2px' },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0, marginTop: '2px' },
  rule: { color: tokens.colorNeutralForeground4, fontSize: tokens.fontSizeBase100 },
});

function groupBySheet(findings: Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.sheet, [...(groups.get(f.sheet) ?? []), f]);
  return [...groups];
}

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

export function ValidatePanel() {
  const services = useServices();
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ValidationOutcome>();
  const [error, setError] = useState<string>();

  async function run() {
    setBusy(true);
    setError(undefined);
    try {
      setOutcome(await services.validate());
    } catch (e) {
      setError(services.describeError(e));
    } finally {
      setBusy(false);
    }
  }

  async function go(f: Finding) {
    try {
      await services.selectCell(f.sheet, f.cell.split(':')[0] || 'A1');
    } catch (e) {
      setError(services.describeError(e));
    }
  }

  const groups = outcome ? groupBySheet(outcome.findings) : [];
  return (
    <section className={styles.root} aria-label="Validera">
      <Text>Kontrollera arbetsboken innan du lämnar in: obligatoriska uppgifter, tal och enheter, summor, mål och perioder.</Text>
      <Button appearance="primary" onClick={() => void run()} disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
        Validera
      </Button>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && !outcome.isTemplate && (
        <MessageBar intent="warning">
          <MessageBarBody>Arbetsboken har inga Planrapport-flikar. Skapa mallarna först.</MessageBarBody>
        </MessageBar>
      )}
      {outcome && outcome.isTemplate && outcome.errors === 0 && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Klar att lämna in</MessageBarTitle>
            {outcome.warnings > 0 ? `Inga fel. ${plural(outcome.warnings, 'varning', 'varningar')} att se över.` : 'Inga fel eller varningar.'}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome && outcome.isTemplate && outcome.errors > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Inte klar att lämna in</MessageBarTitle>
            {`${plural(outcome.errors, 'fel', 'fel')} och ${plural(outcome.warnings, 'varning', 'varningar')}. Rätta felen och validera igen.`}
          </MessageBarBody>
        </MessageBar>
      )}
      {groups.length > 0 && (
        <Accordion multiple collapsible defaultOpenItems={groups.filter(([, fs]) => fs.some((f) => f.severity === 'error')).map(([s]) => s)}>
          {groups.map(([sheet, findings]) => {
            const errors = findings.filter((f) => f.severity === 'error').length;
            const warnings = findings.length - errors;
            return (
              <AccordionItem key={sheet} value={sheet}>
                <AccordionHeader>
                  <span className={styles.header}>
                    <Text weight="semibold">{sheet}</Text>
                    {errors > 0 && <CounterBadge count={errors} color="danger" size="small" aria-label={plural(errors, 'fel', 'fel')} />}
                    {warnings > 0 && (
                      <CounterBadge count={warnings} color="important" appearance="ghost" size="small" aria-label={plural(warnings, 'varning', 'varningar')} />
                    )}
                  </span>
                </AccordionHeader>
                <AccordionPanel>
                  <ul className={styles.list}>
                    {findings.map((f, i) => (
                      <li key={`${f.cell}-${f.rule}-${i}`}>
                        <Button
                          appearance="subtle"
                          className={styles.item}
                          onClick={() => void go(f)}
                          title={f.cell ? `Gå till ${f.sheet}!${f.cell}` : `Gå till ${f.sheet}`}
                        >
                          <span className={styles.line}>
                            {f.severity === 'error' ? (
                              <ErrorCircle16Filled className={styles.error} aria-label="Fel" />
                            ) : (
                              <Warning16Filled className={styles.warning} aria-label="Varning" />
                            )}
                            <span className={styles.cell}>{f.cell || '–'}</span>
                            <span>
                              {f.message} <span className={styles.rule}>[{f.rule}]</span>
                            </span>
                          </span>
                        </Button>
                      </li>
                    ))}
                  </ul>
                </AccordionPanel>
              </AccordionItem>
            );
          })}
        </Accordion>
      )}
    </section>
  );
}
