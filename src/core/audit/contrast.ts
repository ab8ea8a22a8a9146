/** Colour contrast as WCAG 2.1 defines it (relative luminance, 1:1 to 21:1). */

/** Word's highlight colours by name. */
export const HIGHLIGHT: Readonly<Record<string, string>> = {
  black: '000000',
  blue: '0000FF',
  cyan: '00FFFF',
  green: '00FF00',
  magenta: 'FF00FF',
  red: 'FF0000',
  yellow: 'FFFF00',
  white: 'FFFFFF',
  darkBlue: '000080',
  darkCyan: '008080',
  darkGreen: '008000',
  darkMagenta: '800080',
  darkRed: '800000',
  darkYellow: '808000',
  darkGray: '808080',
  lightGray: 'C0C0C0',
};

/** A colour as six hex digits (upper case), or undefined for `auto`, a theme-only colour or nonsense. */
export function hexColour(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  return /^[0-9a-fA-F]{6}$/.test(v) ? v.toUpperCase() : undefined;
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function luminance(hex: string): number {
  const n = parseInt(hex, 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrastRatio(a: string, b: string): number {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

/** "4,5:1", as the findings print it. */
export function formatRatio(r: number): string {
  return `${(Math.floor(r * 10) / 10).toFixed(1).replace('.', ',')}:1`;
}
