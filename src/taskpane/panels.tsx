/**
 * The tabs' panels, each a chunk of its own loaded when its tab is first shown (or ahead of
 * that, once the pane knows where it opens), so that the page itself stays small. A chunk that
 * cannot be fetched shows a Swedish error with "Försök igen". Tests pass static imports.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { Spinner } from '@fluentui/react-components';
import { ErrorNotice } from './common/ErrorNotice';
import { useServices } from './services';
import type { PaneError } from './errors';
import type { TabId } from './state/store';

export interface PanelModules {
  template: () => Promise<Pick<typeof import('./template/TemplatePanel.js'), 'TemplatePanel'>>;
  validate: () => Promise<Pick<typeof import('./validate/ValidatePanel.js'), 'ValidatePanel'>>;
  word: () => Promise<Pick<typeof import('./generate/GeneratePanel.js'), 'GeneratePanel'>>;
  year: () => Promise<Pick<typeof import('./year/YearPanel.js'), 'YearPanel'>>;
}

export const LAZY_PANELS: PanelModules = {
  template: () => import(/* webpackChunkName: "tab-template" */ './template/TemplatePanel.js'),
  validate: () => import(/* webpackChunkName: "tab-validate" */ './validate/ValidatePanel.js'),
  word: () => import(/* webpackChunkName: "tab-word" */ './generate/GeneratePanel.js'),
  year: () => import(/* webpackChunkName: "tab-year" */ './year/YearPanel.js'),
};

export const PanelsContext = createContext<PanelModules>(LAZY_PANELS);

/** Each loader's module once it has loaded (then shown at once, without a spinner), or its pending load. */
const loaded = new Map<unknown, unknown>();
const pending = new Map<unknown, Promise<unknown>>();

function load<T>(loader: () => Promise<T>): Promise<T> {
  let p = pending.get(loader) as Promise<T> | undefined;
  if (!p) {
    p = loader().then(
      (m) => {
        loaded.set(loader, m);
        return m;
      },
      (e: unknown) => {
        pending.delete(loader); // the next attempt fetches again
        throw e;
      },
    );
    pending.set(loader, p);
  }
  return p;
}

/** Loads every tab's panel (tests: the panels then show at once, without a state update after the render). */
export async function preloadPanels(panels: PanelModules): Promise<void> {
  await Promise.all(Object.values(panels).map((loader: () => Promise<unknown>) => load(loader)));
}

/** Starts loading a tab's panel ahead of its first showing; a failure shows when the tab is opened. */
export function usePrefetchPanels(): (tabs: TabId[]) => void {
  const panels = useContext(PanelsContext);
  return useCallback(
    (tabs: TabId[]) => {
      for (const tab of tabs) load(panels[tab] as () => Promise<unknown>).catch(() => undefined);
    },
    [panels],
  );
}

/** A tab's panel: shown at once when its chunk is there, else a spinner, or the error with "Försök igen". Render with key={tab}. */
export function LazyPanel<T>({ tab, render }: { tab: TabId; render: (module: T) => ReactNode }) {
  const panels = useContext(PanelsContext);
  const services = useServices();
  const loader = panels[tab] as unknown as () => Promise<T>;
  const [state, setState] = useState<{ module?: T; error?: PaneError; attempt: number }>(() => ({ module: loaded.get(loader) as T | undefined, attempt: 0 }));

  useEffect(() => {
    if (state.module || state.error) return;
    let live = true;
    load(loader).then(
      (module) => live && setState((s) => ({ ...s, module })),
      (e: unknown) => live && setState((s) => ({ ...s, error: services.describeError(e) })),
    );
    return () => {
      live = false;
    };
  }, [loader, state.module, state.error, state.attempt, services]);

  if (state.module) return <>{render(state.module)}</>;
  if (state.error)
    return <ErrorNotice error={state.error} title="Fliken kunde inte visas" onRetry={() => setState((s) => ({ error: undefined, attempt: s.attempt + 1 }))} />;
  return <Spinner size="small" label="Hämtar …" />;
}
