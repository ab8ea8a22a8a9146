/**
 * The pane follows Office's theme where Office reports one: dark when Office says so (or its
 * body colour is dark), high contrast when the system forces its colours (Windows' contrast
 * themes), light otherwise. The dark and high-contrast token sets are loaded only when needed.
 */
import { webLightTheme, type Theme } from '@fluentui/react-components';

/** What office.js tells about its theme (Office.context.officeTheme), read by the host's boot code. */
export interface OfficeThemeInfo {
  isDarkTheme?: boolean;
  bodyBackgroundColor?: string;
}

export type ThemeKind = 'light' | 'dark' | 'highContrast';

/** Relative luminance of "#RRGGBB" (0 black … 1 white), undefined when it is not such a colour. */
function luminance(hex: string | undefined): number | undefined {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex?.trim() ?? '');
  if (!m) return undefined;
  const n = parseInt(m[1]!, 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function themeKind(office: OfficeThemeInfo | undefined, forcedColors: boolean): ThemeKind {
  if (forcedColors) return 'highContrast';
  if (office?.isDarkTheme === true) return 'dark';
  if (office?.isDarkTheme === false) return 'light';
  const l = luminance(office?.bodyBackgroundColor);
  return l !== undefined && l < 0.2 ? 'dark' : 'light';
}

export async function loadTheme(kind: ThemeKind): Promise<Theme> {
  if (kind === 'light') return webLightTheme;
  const themes = await import(/* webpackChunkName: "themes" */ './themes.js');
  return kind === 'dark' ? themes.webDarkTheme : themes.teamsHighContrastTheme;
}
