/**
 * The pane's compact header: the open document in two lines (kind, tertial and year; the period
 * and the organisation), or an invitation to create the template; what the document lacks; the first read's
 * error with "Försök igen".
 */
import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { Edit16Regular } from '@fluentui/react-icons';
import { ErrorNotice } from '../common/ErrorNotice';
import type { DocumentStatus } from '../services';
import type { StatusState } from '../state/store';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  brand: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground3,
    letterSpacing: '0.02em',
  },
  line: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, flexGrow: 1, minWidth: 0 },
  sub: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  warn: { margin: 0, color: tokens.colorPaletteDarkOrangeForeground1, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  invite: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  edit: { flexShrink: 0, marginTop: '-2px' },
});

const FIELD_LABELS: [keyof DocumentStatus['info'], string][] = [
  ['kind', 'Dokumenttyp'],
  ['year', 'År'],
  ['organisation', 'Organisation'],
];

function lacking(doc: DocumentStatus): string[] {
  const labels = FIELD_LABELS.filter(([key]) => doc.info[key] === undefined).map(([, label]) => label);
  if (doc.info.kind === 'tertialrapport' && !doc.info.tertial) labels.splice(2, 0, 'Tertial');
  return labels;
}

function list(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}` : (items[0] ?? '');
}

export interface DocumentHeaderProps {
  status: StatusState;
  onRetry(): void;
  /** Opens the template form (the document's kind, year, period and organisation). */
  onEdit(): void;
}

export function DocumentHeader({ status, onRetry, onEdit }: DocumentHeaderProps) {
  const styles = useStyles();
  const doc = status.phase === 'ready' ? status.document : undefined;
  const org = doc?.info.organisation;
  const missing = doc ? lacking(doc) : [];
  // the period and the organisation, where the title does not say them
  const sub = [doc?.period, org && !doc?.title.includes(org) ? org : undefined].filter(Boolean).join(' · ');
  return (
    <header className={styles.root}>
      <h1 className={styles.brand}>Planrapport</h1>
      {status.phase === 'loading' && <Spinner size="extra-tiny" label="Läser arbetsboken …" labelPosition="after" />}
      {status.phase === 'failed' && <ErrorNotice error={status.error} title="Arbetsboken kunde inte läsas" onRetry={onRetry} headingLevel={2} />}
      {doc && !doc.isTemplate && (
        <p className={styles.invite}>
          Arbetsboken har inga Planrapport-flikar ännu. Fyll i uppgifterna nedan och välj ”Skapa mallar” – flikarna läggs till och inget du redan har skrivit
          ändras.
        </p>
      )}
      {doc?.isTemplate && (
        <>
          <div className={styles.line}>
            <p className={styles.title}>{doc.title}</p>
            <Button
              className={styles.edit}
              size="small"
              appearance="subtle"
              icon={<Edit16Regular />}
              onClick={onEdit}
              aria-label="Ändra dokumentets uppgifter"
              title="Ändra dokumentets uppgifter"
            />
          </div>
          {sub && <p className={styles.sub}>{sub}</p>}
          {missing.length > 0 && <p className={styles.warn}>{`Fliken Dokument saknar ${list(missing)}.`}</p>}
          {doc.missingSheets.length > 0 && (
            <p className={styles.warn}>
              {`${doc.missingSheets.length === 1 ? 'Fliken' : 'Flikarna'} ${list(doc.missingSheets)} saknas – välj ”Uppdatera mallar” under Mallar så läggs de till.`}
            </p>
          )}
        </>
      )}
    </header>
  );
}
