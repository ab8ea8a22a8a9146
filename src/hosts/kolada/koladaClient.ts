/**
 * Kolada's API (api.kolada.se, v2) over an injected `fetch`: the browser's in the task pane
 * (the host is in the manifest's AppDomains), node's on the command line, a local server in
 * the tests. Follows `next_page` (on Kolada's own host only); every failure is a Swedish
 * message that says what to do.
 */
import { KoladaFormatError, parseKoladaResponse, type KoladaQuery, type KoladaRecord } from '../../core/kolada/kolada';

export const KOLADA_API = 'https://api.kolada.se/v2';

/** The part of `fetch` the client uses. */
export type FetchLike = (url: string) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** Kolada could not be reached or answered with an error; the message is Swedish. */
export class KoladaUnavailableError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'KoladaUnavailableError';
  }
}

/** Requests for a query, at most `perRequest` KPIs in each (URLs have a length limit). */
export function koladaUrls(query: KoladaQuery, base = KOLADA_API, perRequest = 25): string[] {
  if (!query.area || !query.kpis.length || !query.years.length) return [];
  const urls: string[] = [];
  const area = encodeURIComponent(query.area);
  const years = query.years.join(',');
  for (let i = 0; i < query.kpis.length; i += perRequest) {
    const kpis = query.kpis
      .slice(i, i + perRequest)
      .map(encodeURIComponent)
      .join(',');
    urls.push(query.isUnit ? `${base}/oudata/kpi/${kpis}/ou/${area}/year/${years}` : `${base}/data/kpi/${kpis}/municipality/${area}/year/${years}`);
  }
  return urls;
}

/** A next_page on Kolada's host, in the protocol the first request used (Kolada may write http://). */
function nextUrl(next: string, first: string): string | undefined {
  try {
    const n = new URL(next, first);
    const f = new URL(first);
    if (n.host !== f.host) return undefined;
    n.protocol = f.protocol;
    return n.toString();
  } catch {
    return undefined;
  }
}

async function page(fetchFn: FetchLike, url: string): Promise<unknown> {
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();
  let response: Awaited<ReturnType<FetchLike>>;
  try {
    response = await fetchFn(url);
  } catch (e) {
    const why = e instanceof Error && e.message ? ` (${e.message})` : '';
    throw new KoladaUnavailableError(`Kolada (${host}) kan inte nås${why}. Kontrollera nätverksanslutningen och försök igen om en stund.`);
  }
  if (!response.ok) {
    if (response.status >= 500) {
      throw new KoladaUnavailableError(
        `Kolada svarade med ett serverfel (HTTP ${response.status}). Felet ligger hos Kolada; försök igen senare.`,
        response.status,
      );
    }
    throw new KoladaUnavailableError(
      `Kolada kunde inte besvara frågan (HTTP ${response.status}): ${url}. Kontrollera Kolada-id:na i Indikatorer (t.ex. N00945) och Kolada kommun/enhet i Dokument (t.ex. 0180).`,
      response.status,
    );
  }
  try {
    return await response.json();
  } catch {
    throw new KoladaUnavailableError(`Kolada svarade med något som inte är JSON (${url}). Försök igen senare.`);
  }
}

export interface FetchOptions {
  base?: string;
  /** A safety limit on next_page links followed per request. */
  maxPages?: number;
}

/** Every record for the query, all pages of every request. */
export async function fetchKolada(fetchFn: FetchLike, query: KoladaQuery, options: FetchOptions = {}): Promise<KoladaRecord[]> {
  const records: KoladaRecord[] = [];
  for (const first of koladaUrls(query, options.base)) {
    let url: string | undefined = first;
    for (let n = 0; url; n++) {
      if (n >= (options.maxPages ?? 100))
        throw new KoladaUnavailableError(`Kolada gav fler än ${options.maxPages ?? 100} sidor för ${first}; Planrapport slutade där.`);
      let parsed;
      try {
        parsed = parseKoladaResponse(await page(fetchFn, url), 'Svaret från Kolada');
      } catch (e) {
        if (e instanceof KoladaFormatError) throw new KoladaUnavailableError(`${e.message} (${url})`);
        throw e;
      }
      records.push(...parsed.records);
      url = parsed.nextPage ? nextUrl(parsed.nextPage, first) : undefined;
    }
  }
  return records;
}
