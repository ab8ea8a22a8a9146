/** The task pane: the open workbook's document, and the actions on it. */
import { useCallback, useEffect, useState } from 'react';
import { MessageBar, MessageBarBody, Spinner, Tab, TabList, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentCard } from './document/DocumentCard';
import { TemplateForm } from './template/TemplateForm';
import { ValidatePanel } from './validate/ValidatePanel';
import { GeneratePanel } from './generate/GeneratePanel';
import { useServices, type DocumentStatus } from './services';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalL },
});

export interface AppProps {
  /** The Office platform as office.js reports it ("OfficeOnline", "PC", "Mac", …); unknown when absent. */
  platform?: string;
}

export function App({ platform }: AppProps = {}) {
  const services = useServices();
  const styles = useStyles();
  const [status, setStatus] = useState<DocumentStatus>();
  const [error, setError] = useState<string>();
  const [version, setVersion] = useState(0);
  const [tab, setTab] = useState<'template' | 'validate' | 'word'>('template');
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
                Arbetsboken har inga Planrapport-flikar ännu. Fyll i uppgifterna nedan och klicka "Skapa mallar" – flikarna läggs till och inget du redan har
                skrivit ändras.
              </MessageBarBody>
            </MessageBar>
          )}
          <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as typeof tab)}>
            <Tab value="template">{status.isTemplate ? 'Mallar' : 'Skapa mallar'}</Tab>
            <Tab value="validate" disabled={!status.isTemplate}>
              Validera
            </Tab>
            <Tab value="word" disabled={!status.isTemplate}>
              Word
            </Tab>
          </TabList>
          {tab === 'template' && <TemplateForm initial={status.info} isTemplate={status.isTemplate} onDone={refresh} />}
          {tab === 'validate' && <ValidatePanel />}
          {tab === 'word' && <GeneratePanel kind={status.info.kind} platform={platform} />}
        </>
      )}
    </main>
  );
}
