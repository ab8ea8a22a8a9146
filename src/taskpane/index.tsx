/* Task pane entry: waits for office.js, wires the use-cases to the Excel host, follows Office's theme and renders. */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme, type Theme } from '@fluentui/react-components';
import { whenOfficeReady, describeExcelError } from '../hosts/excel/boot';
import { App } from './App';
import { ServicesContext, createServices } from './services';
import { loadTheme, themeKind } from './theme';

function forcedColors(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(forced-colors: active)').matches;
}

void whenOfficeReady().then(async ({ host, platform, inExcel, theme: office }) => {
  const container = document.getElementById('container');
  if (!container) return;
  const kind = themeKind(office, forcedColors());
  let theme: Theme = webLightTheme;
  try {
    theme = await loadTheme(kind);
  } catch {
    // the light theme is in the page itself; a dark theme that could not be fetched is not worth an error
  }
  document.documentElement.style.colorScheme = kind === 'dark' ? 'dark' : 'light';
  document.body.style.backgroundColor = theme.colorNeutralBackground1;
  const services = createServices(host, describeExcelError);
  createRoot(container).render(
    <FluentProvider theme={theme} style={{ minHeight: '100%', backgroundColor: theme.colorNeutralBackground1 }}>
      {inExcel ? (
        <ServicesContext.Provider value={services}>
          <App platform={platform} />
        </ServicesContext.Provider>
      ) : (
        <p style={{ padding: 16 }}>Planrapport körs i Excel. Öppna en arbetsbok i Excel och starta tillägget därifrån.</p>
      )}
    </FluentProvider>,
  );
});
