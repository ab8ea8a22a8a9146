/**
 * The task pane: the open workbook's document in a compact header, and the actions in tabs
 * (Mallar, Validera, Word, and Året: Ny period and Kolada). What the actions do and find lives in the pane's store
 * (state/store.ts), so it survives a tab switch; each tab's panel is a chunk loaded when needed
 * and, once shown, stays mounted (hidden) while another tab is open.
 */
import { useEffect, useState } from 'react';
import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentHeader } from './header/DocumentHeader';
import { LiveRegions } from './common/LiveRegions';
import { LazyPanel, usePrefetchPanels, type PanelModules } from './panels';
import { PaneProvider, usePane, usePaneStore } from './state/PaneContext';
import type { StoreOptions, TabId } from './state/store';
import { VISUALLY_HIDDEN } from './common/visuallyHidden';

type PanelOf<K extends keyof PanelModules> = Awaited<ReturnType<PanelModules[K]>>;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
    maxWidth: '100%',
    boxSizing: 'border-box',
  },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`, flexWrap: 'wrap' },
  running: {
    display: 'inline-block',
    width: '6px',
    height: '6px',
    borderRadius: '50%',
    marginLeft: tokens.spacingHorizontalXS,
    verticalAlign: 'middle',
    backgroundColor: tokens.colorBrandForeground1,
    '@media (forced-colors: active)': { backgroundColor: 'Highlight', forcedColorAdjust: 'none' },
  },
  panel: { minWidth: 0 },
  /** The panel's heading for screen readers' outline (h1 Planrapport, h2 the tab, h3 its results); the tab shows it. */
  hidden: VISUALLY_HIDDEN,
});

const TABS: { id: TabId; label: string }[] = [
  { id: 'template', label: 'Mallar' },
  { id: 'validate', label: 'Validera' },
  { id: 'word', label: 'Word' },
  { id: 'year', label: 'Året' },
];

export interface AppProps {
  /** The Office platform as office.js reports it ("OfficeOnline", "PC", "Mac", …); unknown when absent. */
  platform?: string;
  /** For tests: timing of the store (debounce delays, the clock). */
  storeOptions?: Partial<StoreOptions>;
}

export function App({ platform, storeOptions }: AppProps = {}) {
  return (
    <PaneProvider options={storeOptions}>
      <Pane platform={platform} />
    </PaneProvider>
  );
}

function Pane({ platform }: { platform?: string }) {
  const styles = useStyles();
  const state = usePane();
  const store = usePaneStore();
  const prefetch = usePrefetchPanels();
  const { status, tab } = state;
  const doc = status.phase === 'ready' ? status.document : undefined;
  const ready = doc !== undefined;
  // a panel once shown stays mounted (hidden), so that what the user expanded, filtered or scrolled stays as it was
  const [visited, setVisited] = useState<ReadonlySet<TabId>>(() => new Set());
  if (ready && !visited.has(tab)) setVisited(new Set([...visited, tab]));

  // once the pane knows where it opens, the other tabs' panels load in the background
  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(() => prefetch(['template', 'validate', 'word', 'year']), 1500);
    return () => clearTimeout(timer);
  }, [ready, prefetch]);

  const running: Record<TabId, boolean> = {
    template: state.template.phase === 'running',
    validate: state.validation.phase === 'running',
    word: state.generation.phase === 'running',
    year: [state.nextPeriod, state.koladaPreview, state.koladaImport].some((a) => a.phase === 'running'),
  };

  return (
    <>
      <main className={styles.root}>
        <DocumentHeader status={status} onRetry={() => void store.retryStart()} onEdit={() => store.selectTab('template')} />
        {doc && (
          <>
            <TabList
              className={styles.tabs}
              size="medium"
              selectedValue={tab}
              onTabSelect={(_, d) => store.selectTab(d.value as TabId)}
              aria-label="Planrapport"
            >
              {TABS.map(({ id, label }) => (
                <Tab
                  key={id}
                  value={id}
                  id={`tab-${id}`}
                  aria-controls={visited.has(id) ? `panel-${id}` : undefined}
                  disabled={id !== 'template' && !doc.isTemplate}
                >
                  {label}
                  {running[id] && <span className={styles.running} aria-hidden title="Pågår" />}
                </Tab>
              ))}
            </TabList>
            {TABS.filter(({ id }) => visited.has(id)).map(({ id, label }) => (
              <div key={id} className={styles.panel} role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={id !== tab}>
                <h2 className={styles.hidden}>{label}</h2>
                {id === 'template' && <LazyPanel<PanelOf<'template'>> tab="template" render={({ TemplatePanel }) => <TemplatePanel />} />}
                {id === 'validate' && <LazyPanel<PanelOf<'validate'>> tab="validate" render={({ ValidatePanel }) => <ValidatePanel />} />}
                {id === 'word' && (
                  <LazyPanel<PanelOf<'word'>> tab="word" render={({ GeneratePanel }) => <GeneratePanel kind={doc.info.kind} platform={platform} />} />
                )}
                {id === 'year' && <LazyPanel<PanelOf<'year'>> tab="year" render={({ YearPanel }) => <YearPanel />} />}
              </div>
            ))}
          </>
        )}
      </main>
      {/* outside <main>: what the regions repeat for screen readers is not part of the page's content */}
      <LiveRegions announcement={state.announcement} alert={state.alert} />
    </>
  );
}
