/** The task pane: the open workbook's document, and the actions on it. */
import { useCallback, useEffect, useState } from 'react';
import { Divider, MessageBar, MessageBarBody, Spinner, Subtitle2, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentCard } from './document/DocumentCard';
import { TemplateForm } from './template/TemplateForm';
import { useServices, type DocumentStatus } from './services';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalL },
});

export function App() {
  const services = useServices();
  const styles = useStyles();
  const [status, setStatus] = useState<DocumentStatus>();
  const [error, setError] = useState<string>();
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let current = true;
    services.readStatus().then(
      (s) => {
        if (!current) return;
        setStatus(s);
        setError(undefined);
      },
      (e: unknown) => current && setError(services.describeError(e)),
    );
    return () => {
      current = false;
    };
  }, [services, version]);

  return (
    <main className={styles.root}>
      <Title3 as="h1">Planrapport</Title3>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {!status && !error && <Spinner label="Läser arbetsboken …" />}
      {status && (
        <>
          {status.isTemplate ? (
            <DocumentCard status={status} />
          ) : (
            <MessageBar intent="info">
              <MessageBarBody>
                Arbetsboken har inga Planrapport-flikar ännu. Fyll i uppgifterna nedan och klicka "Skapa mallar" – flikarna läggs till och
                inget du redan har skrivit ändras.
              </MessageBarBody>
            </MessageBar>
          )}
          <Divider />
          <Subtitle2 as="h2">{status.isTemplate ? 'Mallar' : 'Skapa mallar'}</Subtitle2>
          <TemplateForm
            initial={status.info}
            isTemplate={status.isTemplate}
            onDone={refresh}
          />
        </>
      )}
    </main>
  );
}
