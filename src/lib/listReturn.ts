import { parseSearchAsText } from './parseSearchAsText';

/*
 * "← Traces" on a trace page returns to the list as the reader left it: filters, page, page size,
 * sort and columns. The list writes its address here, per tab (sessionStorage), each time its
 * view changes; the trace page reads it back. What is read is untrusted (any script on the origin,
 * or an older version of the app, may have written it): it is read like a pasted address, with
 * the same parser, and the list's route then validates it as it validates any link.
 */
const STORAGE_KEY = 'agentos-viewer.trace-list.last-search';
/** Longer is not something the list writes. */
const MAX_LENGTH = 8_000;

type ReadStorage = Pick<Storage, 'getItem'>;
type WriteStorage = Pick<Storage, 'setItem'>;

function sessionStore(): Storage | undefined {
  try {
    return sessionStorage;
  } catch {
    return undefined;
  }
}

/** Keeps the list's search string (`?status=OK&page=2`) for this tab. */
export function rememberListSearch(
  searchStr: string,
  storage: WriteStorage | undefined = sessionStore(),
): void {
  if (searchStr.length > MAX_LENGTH) return;
  try {
    storage?.setItem(STORAGE_KEY, searchStr);
  } catch {
    /* not kept: "← Traces" goes to the plain list */
  }
}

/**
 * The search for "← Traces" from a trace in database `dbId` (undefined: the connection's): the
 * list as this tab last showed it when that was the same database, else the plain list.
 */
export function listReturnSearch(
  dbId: string | undefined,
  storage: ReadStorage | undefined = sessionStore(),
): Record<string, string> {
  const plain: Record<string, string> = dbId === undefined ? {} : { db_id: dbId };
  let stored: unknown;
  try {
    stored = storage?.getItem(STORAGE_KEY);
  } catch {
    return plain;
  }
  if (typeof stored !== 'string' || stored.length > MAX_LENGTH) return plain;
  if (stored !== '' && !stored.startsWith('?')) return plain;
  const search = parseSearchAsText(stored);
  return search.db_id === dbId ? search : plain;
}

/**
 * The key under which the router keeps the list's scroll position: its view (the parameters, in
 * any order), not one history entry, so "← Traces", a new entry, lands where the reader left it.
 */
export function listScrollKey(searchStr: string): string {
  const params = [...new URLSearchParams(searchStr)].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return `/traces?${new URLSearchParams(params).toString()}`;
}
