/** Reads one of the site's JSON files (weights, shipped slices) by its path under the site. */
export type FetchJson = (path: string) => Promise<unknown | null>;

/**
 * `fetchJson` of the site's folder, for the landscape page and its widgets alike: a missing file,
 * or a static server's HTML page answered for it (200, text/html), is null.
 */
export function siteFetchJson(baseUrl: string): FetchJson {
  return async (path) => {
    const res = await fetch(new URL(path, baseUrl));
    if (!res.ok || (res.headers.get('content-type') ?? '').startsWith('text/html')) return null;
    return res.json();
  };
}
