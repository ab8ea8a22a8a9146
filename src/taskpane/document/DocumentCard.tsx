/** What the open workbook is: its document (kind, year, period, organisation) from the Dokument sheet. */
import { Badge, Card, CardHeader, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DOCUMENT_KIND_LABEL } from '../../core/model/plan';
import type { DocumentStatus } from '../services';

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
});

export function DocumentCard({ status }: { status: DocumentStatus }) {
  const styles = useStyles();
  const { info } = status;
  const facts: [string, string | undefined][] = [
    ['Dokumenttyp', info.kind ? DOCUMENT_KIND_LABEL[info.kind] : undefined],
    ['År', info.year?.toString()],
    ...(info.kind === 'tertialrapport' ? ([['Tertial', info.tertial?.toString()]] as [string, string | undefined][]) : []),
    ['Organisation', info.organisation],
  ];
  return (
    <Card aria-label="Dokument">
      <CardHeader
        header={<Text weight="semibold">{status.title}</Text>}
        action={status.missingSheets.length ? <Badge color="warning">Ofullständig mall</Badge> : <Badge color="success">Mall</Badge>}
      />
      <dl className={styles.facts}>
        {facts.map(([term, value]) => (
          <div key={term} style={{ display: 'contents' }}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value ?? <Text italic>saknas i fliken Dokument</Text>}</dd>
          </div>
        ))}
      </dl>
      {status.missingSheets.length > 0 && (
        <Text>Flikarna {status.missingSheets.join(', ')} saknas. Klicka "Uppdatera mallar" så läggs de till utan att något annat ändras.</Text>
      )}
    </Card>
  );
}
