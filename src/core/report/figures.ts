/**
 * Figures as the report prints them. By default as the reference documents do: a
 * hyphen-minus ("-4,3") and no plus sign, so that a figure copied from the report back into
 * Excel is a number again. With Dokument's "Tecken i tal" set to plus and minus: "+2,5" on
 * positive deviations and the typographic minus ("−4,3").
 */
import type { SignStyle } from '../model/plan';
import { formatMnkr, formatNumber, formatValue, type Value } from '../values/swedish';

export interface Figures {
  number(n: number, maxDecimals?: number, minDecimals?: number): string;
  /** An amount in mnkr, one decimal. */
  mnkr(n: number): string;
  /** A deviation in mnkr: with its plus sign only when the document asks for it. */
  deviation(n: number): string;
  /** An indicator value in its row's unit. */
  value(v: Value, unit: string): string;
}

/** Intl writes U+2212; the reference documents (and Excel) use the hyphen-minus. */
const hyphen = (text: string) => text.replace(/\u2212/g, '-');

export function figures(style: SignStyle = 'asOriginals'): Figures {
  const sign = style === 'explicit' ? (t: string) => t : hyphen;
  const mnkr = (n: number) => sign(formatMnkr(n));
  return {
    number: (n, maxDecimals, minDecimals) => sign(formatNumber(n, maxDecimals, minDecimals)),
    mnkr,
    deviation: (n) => {
      const text = mnkr(n);
      return style === 'explicit' && n > 0 && text !== mnkr(0) ? `+${text}` : text;
    },
    value: (v, unit) => sign(formatValue(v, unit)),
  };
}
