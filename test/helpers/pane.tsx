/**
 * The task pane in jsdom: the real services over the fake Excel host, with the lazily loaded
 * code (the actions' use-cases, the tabs' panels) given as static imports, since jest's
 * CommonJS cannot run import(). The browser test (test/browser) runs the lazy path.
 */
import { configure, render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { ServicesContext, createServices, type ActionLoaders, type TaskpaneServices } from '../../src/taskpane/services';
import { PanelsContext, preloadPanels, type PanelModules } from '../../src/taskpane/panels';
import type { StoreOptions } from '../../src/taskpane/state/store';
import { TemplatePanel } from '../../src/taskpane/template/TemplatePanel';
import { ValidatePanel } from '../../src/taskpane/validate/ValidatePanel';
import { GeneratePanel } from '../../src/taskpane/generate/GeneratePanel';
import { YearPanel } from '../../src/taskpane/year/YearPanel';
import { ExcelHost } from '../../src/hosts/excel/excelHost';
import { describeExcelError } from '../../src/hosts/excel/boot';
import { applyTemplate } from '../../src/usecases/template';
import { validateWorkbook } from '../../src/usecases/validate';
import { generateReport } from '../../src/usecases/generate';
import { nextPeriod } from '../../src/usecases/nextPeriod';
import { importKolada, koladaQueryOf, previewKolada } from '../../src/usecases/importValues';
import { fetchKolada } from '../../src/hosts/kolada/koladaClient';
import type { FakeWorkbook } from '../../src/simulator/excel/fakeExcel';

// the live regions repeat what the pane shows, for screen readers; queries look at the pane itself
configure({ defaultIgnore: 'script, style, [aria-live] *' });

export const STATIC_ACTIONS: ActionLoaders = {
  template: async () => ({ applyTemplate }),
  validate: async () => ({ validateWorkbook }),
  generate: async () => ({ generateReport }),
  nextPeriod: async () => ({ nextPeriod }),
  kolada: async () => ({ koladaQueryOf, previewKolada, importKolada, fetchKolada }),
};

export const STATIC_PANELS: PanelModules = {
  template: async () => ({ TemplatePanel }),
  validate: async () => ({ ValidatePanel }),
  word: async () => ({ GeneratePanel }),
  year: async () => ({ YearPanel }),
};

// the panels are there before the first render, as they are in the browser once fetched
beforeAll(() => preloadPanels(STATIC_PANELS));

export function servicesFor(book: FakeWorkbook, load: Partial<ActionLoaders> = {}): TaskpaneServices {
  return createServices(new ExcelHost(book.run), describeExcelError, { load: { ...STATIC_ACTIONS, ...load } });
}

export interface RenderOptions {
  platform?: string;
  storeOptions?: Partial<StoreOptions>;
  panels?: PanelModules;
}

export function renderPane(services: TaskpaneServices, { platform, storeOptions, panels = STATIC_PANELS }: RenderOptions = {}) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <PanelsContext.Provider value={panels}>
        <ServicesContext.Provider value={services}>
          <App platform={platform} storeOptions={{ revalidateDelay: 20, statusDelay: 10, ...storeOptions }} />
        </ServicesContext.Provider>
      </PanelsContext.Provider>
    </FluentProvider>,
  );
}

/** What the polite (results) and assertive (errors) live regions hold now. */
export function announced(): { polite: string; assertive: string } {
  const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
  return { polite: text('live-polite'), assertive: text('live-assertive') };
}

/** Every aria reference in the document that points at an id that does not exist. */
export function danglingAriaReferences(): string[] {
  const out: string[] = [];
  for (const attr of ['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-activedescendant', 'for']) {
    for (const el of document.querySelectorAll(`[${attr}]`)) {
      for (const id of (el.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean)) {
        if (!document.getElementById(id)) out.push(`${el.tagName.toLowerCase()}[${attr}=${id}]`);
      }
    }
  }
  return out;
}
