import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { networkChunks } from '../test/networkChunks';
import { createSearchPageScanner } from './searchPageScanner';

const encoder = new TextEncoder();

/** Streams `text` through the scanner; the page's text without the trees. */
function scan(text: string, cuts: readonly number[] = []): string | null {
  const scanner = createSearchPageScanner();
  for (const chunk of networkChunks(text, cuts)) scanner.push(chunk);
  return scanner.end();
}

/** What the scanner should give: the whole answer parsed, with `tree` deleted from every row. */
function withoutTrees(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const page = value as Record<string, unknown>;
  if (!Array.isArray(page.data)) return page;
  const data = page.data.map((row: unknown) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) return row;
    const copy = { ...(row as Record<string, unknown>) };
    delete copy.tree;
    return copy;
  });
  return { ...page, data };
}

/** JSON text with every character outside ASCII written as a `\u` escape (pairs for astral). */
function asciiOnly(text: string): string {
  return text.replace(
    /[\u0080-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

// Any text, astral characters (surrogate pairs), quotes, backslashes and brackets included.
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({
    unit: fc.constantFrom('"', '\\', '{', '}', '[', ']', ',', ':', 'tree', 'data', '😀', '\u2028'),
    maxLength: 12,
  }),
);
const anyJson = fc.jsonValue({ maxDepth: 3 });

interface GenNode {
  [key: string]: unknown;
}

const spanArb: fc.Memo<GenNode> = fc.memo((depth) =>
  fc.record({
    id: anyText,
    name: anyText,
    input: fc.option(anyText),
    metadata: fc.option(fc.dictionary(anyText, anyJson, { maxKeys: 3 })),
    // A span's own `tree` key is not the row's: it goes with the tree it is in.
    tree: fc.option(anyText, { nil: undefined }),
    spans:
      depth <= 1
        ? fc.constantFrom(undefined, null, [])
        : fc.option(fc.array(spanArb(depth - 1), { maxLength: 3 }), { nil: undefined }),
  }),
);

/** What a row's `tree` can be: spans as the server sends them, or any other value. */
const treeArb = fc.oneof(
  { weight: 4, arbitrary: fc.array(spanArb(4), { maxLength: 3 }) },
  { weight: 1, arbitrary: anyJson },
);

/** Keys that look like `tree` or `data` but are not, beside any other key. */
const keyArb = fc.oneof(anyText, fc.constantFrom('tre', 'trees', 'Tree', 'data', 'tree\u0000'));

/** How the text is laid out: between tokens, and inside the values written whole. */
interface Layout {
  gap: string;
  indent: number;
  /** `tree` keys written with an escape (`"tr\u0065e"`): still the same key. */
  isTreeKeyEscaped: boolean;
}

const layoutArb = fc.record({
  gap: fc.constantFrom('', ' ', '\n  ', '\t\r\n'),
  indent: fc.constantFrom(0, 2),
  isTreeKeyEscaped: fc.boolean(),
});

function valueText(value: unknown, layout: Layout): string {
  return JSON.stringify(value, null, layout.indent);
}

/** JSON text of an object from its members in order, duplicate keys included. */
function objectText(entries: readonly (readonly [string, string])[], layout: Layout): string {
  const { gap } = layout;
  const members = entries.map(([key, text]) => {
    const keyText =
      key === 'tree' && layout.isTreeKeyEscaped ? '"tr\\u0065e"' : JSON.stringify(key);
    return `${gap}${keyText}${gap}:${gap}${text}${gap}`;
  });
  return `{${members.join(',')}}`;
}

/** A row: a trace's summary fields and extras, with zero, one or two `tree` members anywhere. */
const rowArb = fc.record({
  fields: fc.array(fc.tuple(keyArb, anyJson), { maxLength: 4 }),
  trace_id: anyText,
  trees: fc.array(fc.tuple(fc.nat({ max: 6 }), treeArb), { maxLength: 2 }),
});
type Row = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

function rowText(row: Row, layout: Layout): string {
  const entries: [string, string][] = [
    ['trace_id', JSON.stringify(row.trace_id)],
    ...row.fields
      .filter(([key]) => key !== 'tree')
      .map(([key, value]): [string, string] => [key, valueText(value, layout)]),
  ];
  for (const [at, tree] of row.trees) {
    entries.splice(at % (entries.length + 1), 0, ['tree', valueText(tree, layout)]);
  }
  return objectText(entries, layout);
}

/** A page: `data` (rows, and now and then something else) and `meta`, in either order. */
const pageArb = fc.record({
  rows: fc.array(
    fc.oneof(
      { weight: 5, arbitrary: rowArb.map((row) => ({ row })) },
      { weight: 1, arbitrary: anyJson.map((other) => ({ other })) },
    ),
    { maxLength: 4 },
  ),
  dataFirst: fc.boolean(),
  /** A `tree` member of the page itself, not of a row: kept. */
  pageTree: fc.option(anyJson, { nil: undefined }),
  layout: layoutArb,
});
type Page = typeof pageArb extends fc.Arbitrary<infer T> ? T : never;

function pageText({ rows, dataFirst, pageTree, layout }: Page): string {
  const { gap } = layout;
  const items = rows.map((item) =>
    'row' in item ? rowText(item.row, layout) : valueText(item.other, layout),
  );
  const data = `[${items.map((text) => `${gap}${text}${gap}`).join(',')}]`;
  const meta = valueText({ page: 1, limit: 10, total_pages: 3, total_count: 25 }, layout);
  const entries: [string, string][] = dataFirst
    ? [
        ['data', data],
        ['meta', meta],
      ]
    : [
        ['meta', meta],
        ['data', data],
      ];
  if (pageTree !== undefined) entries.splice(1, 0, ['tree', valueText(pageTree, layout)]);
  return `${gap}${objectText(entries, { ...layout, isTreeKeyEscaped: false })}${gap}`;
}

const cutsArb = fc.array(fc.nat({ max: 100_000 }), { maxLength: 12 });

describe('the search page scanner', () => {
  it('gives what JSON.parse gives with every row’s tree deleted, however the bytes are cut', () => {
    fc.assert(
      fc.property(pageArb, cutsArb, fc.boolean(), (page, cuts, isAscii) => {
        const text = isAscii ? asciiOnly(pageText(page)) : pageText(page);
        const slim = scan(text, cuts);
        expect(JSON.parse(slim ?? 'null')).toEqual(withoutTrees(JSON.parse(text)));
        // Nothing of a row's tree is kept.
        const rowTrees = page.rows.flatMap((item) => ('row' in item ? item.row.trees : []));
        if (rowTrees.length > 0 && page.pageTree === undefined) {
          expect(slim!.length).toBeLessThan(text.length);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('leaves any other JSON value as it is', () => {
    fc.assert(
      fc.property(anyJson, fc.constantFrom(0, 2), cutsArb, (value, indent, cuts) => {
        const text = JSON.stringify(value, null, indent);
        expect(JSON.parse(scan(text, cuts) ?? 'null')).toEqual(withoutTrees(JSON.parse(text)));
      }),
      { numRuns: 300 },
    );
  });

  it('says an answer cut off anywhere before its end is not whole', () => {
    fc.assert(
      fc.property(pageArb, fc.nat(), (page, at) => {
        const bytes = encoder.encode(pageText(page).trimEnd());
        const cut = at % bytes.length;
        const scanner = createSearchPageScanner();
        scanner.push(bytes.slice(0, cut));
        // Nothing at all is an empty answer; anything more, a cut-off one.
        if (new TextDecoder().decode(bytes.slice(0, cut)).trim() === '') {
          expect(scanner.end()).toBeNull();
        } else {
          expect(() => scanner.end()).toThrow(SyntaxError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('splits a surrogate pair, an escape and a key anywhere', () => {
    const row = { trace_id: 'a😀"b\\', tree: [{ id: '}]\\"😀', spans: [{ x: '\u2028' }] }] };
    const page = { data: [row, { ...row, trace_id: 'c' }], meta: { page: 1 } };
    for (const json of [JSON.stringify(page), asciiOnly(JSON.stringify(page))]) {
      const length = encoder.encode(json).length;
      for (let cut = 0; cut <= length; cut++) {
        for (const cuts of [[cut], [cut, cut + 1, cut + 3]]) {
          expect(JSON.parse(scan(json, cuts)!)).toEqual(withoutTrees(page));
        }
      }
    }
  });

  it('skips a tree 10,000 levels deep without recursion', () => {
    const depth = 10_000;
    const tree = `${'[{"spans":'.repeat(depth)}[]${'}]'.repeat(depth)}`;
    const text = `{"data":[{"trace_id":"t","tree":${tree},"name":"n"}],"meta":{}}`;
    expect(JSON.parse(scan(text, [5, 70_000])!)).toEqual({
      data: [{ trace_id: 't', name: 'n' }],
      meta: {},
    });
  });

  it('keeps a page that is not an object as it came, for validation to reject', () => {
    for (const text of ['[1,{"tree":2}]', '"data"', '42', ' null ', '-0.5e3', 'true']) {
      expect(scan(text)).toBe(text);
    }
  });

  it('says nothing came when nothing but whitespace came, and drops a byte order mark', () => {
    expect(scan('')).toBeNull();
    expect(scan(' \r\n\t')).toBeNull();
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode('{"data":[]}')]);
    const scanner = createSearchPageScanner();
    scanner.push(bom.slice(0, 2));
    scanner.push(bom.slice(2));
    expect(scanner.end()).toBe('{"data":[]}');
  });

  it('fails at the first byte of an answer that is not JSON, without reading on', () => {
    const scanner = createSearchPageScanner();
    expect(() => scanner.push(encoder.encode('<!doctype html><title>Sign in</title>'))).toThrow(
      SyntaxError,
    );
    for (const text of ['{"data":[{"tree":[}]}]}', '{"data":[]}}', '{"a":1}{"b":2}', ']']) {
      expect(() => scan(text)).toThrow(SyntaxError);
    }
  });
});
