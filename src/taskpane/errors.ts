/**
 * Errors as the task pane shows them: plain Swedish that says what to do, and whether trying
 * again can help. The host's error codes are described by the host (describeExcelError); a
 * part of the program that could not be fetched (webpack's "Loading chunk 46 failed") and
 * anything unexpected get a sentence of their own, the technical text kept apart as a detail.
 */
import { UnreadableWorkbookError, WorkbookConflictError } from '../hosts/port';
import { swedishQuotes } from '../core/values/text';

export interface PaneError {
  /** What happened and what to do, in Swedish. */
  message: string;
  /** Trying again can help (a network hiccup, Excel busy editing a cell …). */
  retry: boolean;
  /** The technical text of an unexpected error, for support; not Swedish. */
  detail?: string;
}

/** A part of the program (a webpack chunk) could not be fetched: the network, or a new version deployed meanwhile. */
export function isChunkLoadError(e: unknown): boolean {
  const { name, message } = (e ?? {}) as { name?: unknown; message?: unknown };
  return (
    name === 'ChunkLoadError' ||
    (typeof message === 'string' &&
      /Loading (CSS )?chunk \S+ failed|Failed to fetch dynamically imported module|error loading dynamically imported module/i.test(message))
  );
}

export const CHUNK_LOAD_MESSAGE =
  'Planrapport kunde inte hämta en del av programmet. Kontrollera nätverksanslutningen och välj Försök igen. ' +
  'Hjälper det inte, stäng tillägget och öppna det igen.';

/**
 * `describeHost` turns the host's errors (those with an Office error code) into Swedish; our own
 * errors are Swedish already; anything else is unexpected.
 */
export function toPaneError(e: unknown, describeHost: (e: unknown) => string): PaneError {
  if (isChunkLoadError(e)) return { message: CHUNK_LOAD_MESSAGE, retry: true };
  // Kolada's client says in Swedish what went wrong (by name: the client is a chunk of its own)
  if ((e as { name?: unknown } | undefined)?.name === 'KoladaUnavailableError') return { message: swedishQuotes((e as Error).message), retry: true };
  if (e instanceof WorkbookConflictError) return { message: swedishQuotes(e.message), retry: false };
  if (e instanceof UnreadableWorkbookError) return { message: swedishQuotes(e.message), retry: true };
  if (typeof (e as { code?: unknown } | undefined)?.code === 'string') return { message: swedishQuotes(describeHost(e)), retry: true };
  const detail = e instanceof Error ? e.message : String(e);
  return {
    message: 'Något gick fel i Planrapport. Försök igen; händer det igen, spara arbetsboken, stäng tillägget och öppna det igen.',
    retry: true,
    detail: detail || undefined,
  };
}
