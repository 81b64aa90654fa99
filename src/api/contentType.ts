/** Whether an answer's Content-Type says JSON (`application/json`, `…+json; charset=…`). */
export function isJsonContentType(type: string | null): boolean {
  return type !== null && /\bjson\b/i.test(type);
}
