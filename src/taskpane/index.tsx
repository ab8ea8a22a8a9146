/* Task pane entry: waits for office.js, wires the use-cases to the Excel host and renders. */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { whenOfficeReady, describeExcelError } from '../hosts/excel/boot';
import { App } from './App';
import { ServicesContext, createServices } from './services';

void whenOfficeReady().then(({ host, platform, inExcel }) => {
  const container = document.getElementById('container');
  if (!container) return;
  const services = createServices(host, describeExcelError);
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
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
