/* Task pane entry: replaced by the real app shortly. */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme, Text } from '@fluentui/react-components';

const root = document.getElementById('container');
if (root) {
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <Text>Planrapport</Text>
    </FluentProvider>,
  );
}
