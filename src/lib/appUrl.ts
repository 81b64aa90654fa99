/**
 * A URL beside index.html. Resolving against the page (`document.baseURI`) would be wrong on a
 * deep link such as /traces/abc, where "config.json" means /traces/config.json.
 */
export function appUrl(path: string): string {
  return new URL(`${import.meta.env.BASE_URL}${path}`, window.location.origin).href;
}
