import type { TraceDetail, TraceNode } from '../api/schemas';
import { formatWireDuration, formatWireTime } from './generateTrace';

/*
 * Script-injection payloads, and traces that carry them in every field the viewer shows: names,
 * inputs, outputs, errors, metadata keys and values, tool parameters, chat messages, extra_data,
 * unknown fields, the trace's ids and the span and trace ids that end up in URLs. They live in
 * the mock database `hostile-traces` (the demo serves it: `/traces?db_id=hostile-traces`), and
 * e2e/hostile-data.spec.ts checks that each is shown as text and none runs.
 *
 * Payloads that would run code set `window.__pwned` (each to its own number, so a failure names
 * the payload) or open a dialog; the test watches both.
 */

/** The global the payloads try to set. */
export const CANARY = '__pwned';

/** At least one of each family; every one must reach the screen as the exact same text. */
export const HOSTILE_PAYLOADS: readonly string[] = [
  // Classic tags and event handlers.
  '<script>window.__pwned=1</script>',
  '<script>alert(2)</script>',
  '<img src=x onerror="window.__pwned=3">',
  '<img src=x onerror=alert(document.domain)>',
  '<svg onload="window.__pwned=5">',
  '<svg/onload=window.__pwned=6>',
  '<svg><script>window.__pwned=7</script></svg>',
  '<svg><animate onbegin="window.__pwned=8" attributeName=x dur=1s>',
  '<iframe src="javascript:parent.__pwned=9"></iframe>',
  '<iframe srcdoc="<script>parent.__pwned=10</script>"></iframe>',
  '<object data="javascript:window.__pwned=11"></object>',
  '<embed src="javascript:window.__pwned=12">',
  '<video><source onerror="window.__pwned=13"></video>',
  '<details open ontoggle="window.__pwned=14">',
  '<input autofocus onfocus="window.__pwned=15">',
  '<body onload="window.__pwned=16">',
  '<marquee onstart="window.__pwned=17">scroll</marquee>',
  '<img src=x:alert(alt) onerror=eval(src) alt=18>',
  '<scr<script>ipt>window.__pwned=19</scr</script>ipt>',
  // Breaking out of attributes and elements.
  '"><script>window.__pwned=20</script>',
  "'><img src=x onerror=window.__pwned=21>",
  '" onmouseover="window.__pwned=22" x="',
  '</textarea><script>window.__pwned=23</script>',
  '</title><script>window.__pwned=24</script>',
  '</pre><img src=x onerror=window.__pwned=25>',
  '<!--<img src="--><img src=x onerror=window.__pwned=26//">',
  ']]><script>window.__pwned=27</script>',
  // Markup that changes the page rather than running code.
  '<style>body{display:none}</style>',
  '<link rel=stylesheet href="javascript:window.__pwned=29">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=30">',
  '<base href="javascript:window.__pwned=31//">',
  '<form action="javascript:window.__pwned=32"><button>Submit</button></form>',
  '<a href="javascript:window.__pwned=33">click me</a>',
  // Mutation XSS (what sanitizers get wrong).
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=34>',
  '<noscript><p title="</noscript><img src=x onerror=window.__pwned=35>">',
  // URLs.
  'javascript:window.__pwned=36',
  'JaVaScRiPt:window.__pwned=37',
  '  javascript:window.__pwned=38',
  'java\u0000script:window.__pwned=39',
  'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD00MDwvc2NyaXB0Pg==',
  'data:text/html,<script>window.__pwned=41</script>',
  'vbscript:msgbox(42)',
  // HTML entities and encodings: shown literally, never decoded.
  '&lt;script&gt;window.__pwned=43&lt;/script&gt;',
  '&#60;img src=x onerror=window.__pwned=44&#62;',
  '&#x3C;svg onload=window.__pwned=45&#x3E;',
  '%3Cscript%3Ewindow.__pwned%3D46%3C%2Fscript%3E',
  '\\u003cscript\\u003ewindow.__pwned=47\\u003c/script\\u003e',
  // Markdown: no renderer here, so links and images stay text.
  '[click me](javascript:window.__pwned=48)',
  '![image](javascript:window.__pwned=49)',
  '[data](data:text/html,<script>window.__pwned=50</script>)',
  '<https://example.com/" onmouseover="window.__pwned=51>',
  '**bold** <b onmouseover="window.__pwned=52">hover me</b>',
  // Template injection.
  "{{constructor.constructor('window.__pwned=53')()}}",
  '${window.__pwned=54}',
  '#{window.__pwned=55}',
  '<%= window.__pwned=56 %>',
  '{{7*7}} {% raw %}{{ 7*7 }}{% endraw %}',
  // Text that plays with direction, width and terminators.
  '\u202Egnp.exe\u202C.js (right-to-left override)',
  'sc\u200Bript\u200D<img src=x onerror=window.__pwned=60>\uFEFF',
  '\u0000<script>window.__pwned=61</script>\u0000',
  'line one\r\nSet-Cookie: pwned=62\r\n\r\n<script>window.__pwned=62</script>',
  `${'A'.repeat(8000)}<img src=x onerror=window.__pwned=63>${'B'.repeat(4000)}`,
  // Prototype names, as keys and values.
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
  // Plain JavaScript that must never be evaluated.
  'window.__pwned=70',
  "');window.__pwned=71;//",
];

/** Ids that travel through URLs: paths, query values, separators, encodings. */
const TRACE_IDS = [
  '<script>window.__pwned=101</script>',
  '"><img src=x onerror="window.__pwned=102">',
  'javascript:window.__pwned=103//',
  '%3Cscript%3Ewindow.__pwned%3D104%3C%2Fscript%3E',
  '../../traces?db_id=agno-traces#top',
  '__proto__',
];

const SPAN_ID_PAYLOADS = [
  '<img src=x onerror=window.__pwned=111>',
  '"><script>window.__pwned=112</script>',
  '?span=x&db_id=agno-traces',
  '../../../etc/passwd',
  '%22%3E%3Csvg%20onload%3Dwindow.__pwned%3D113%3E',
  'javascript:window.__pwned=114',
  '\u202Eevil',
  '  spaced id  ',
];

export interface HostileTraceInfo {
  detail: TraceDetail;
  /** The payloads this trace's spans carry, in span order (the chat span aside). */
  payloads: string[];
}

/** `key: value` as an own property, even for `__proto__` (an assignment would set the prototype). */
function setOwn(record: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(record, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

const SPAN_TYPES = ['LLM', 'TOOL', 'AGENT', 'WORKFLOW', 'CUSTOM'] as const;

function hostileSpan(payload: string, j: number, id: string, atUs: number): TraceNode {
  const type = j % 11 === 10 ? payload : SPAN_TYPES[j % SPAN_TYPES.length]!;
  const isError = j % 3 === 2;
  const metadata: Record<string, unknown> = {};
  setOwn(metadata, payload, payload);
  if (type === 'LLM') {
    metadata.model = payload;
    metadata.input_tokens = 10 + j;
    metadata.output_tokens = 5 + j;
  } else if (type === 'TOOL') {
    metadata.tool_name = payload;
    metadata.parameters =
      j % 2 === 0 ? payload : JSON.stringify({ query: payload, nested: { html: payload } });
  } else if (type === 'AGENT') {
    metadata.run_id = payload;
  } else if (type === 'WORKFLOW') {
    metadata.description = payload;
    metadata.steps = [payload, { name: payload }];
    metadata.step_types = [payload];
  }
  metadata.session_id = payload;
  const extraData: Record<string, unknown> = {};
  setOwn(extraData, `extra ${payload}`, { html: payload, list: [payload] });
  const node: TraceNode = {
    id,
    name: payload,
    type,
    duration: j % 7 === 6 ? payload : formatWireDuration(80_000),
    start_time: formatWireTime(atUs, 'Z'),
    end_time: formatWireTime(atUs + 80_000, 'Z'),
    status: j % 13 === 12 ? payload : isError ? 'ERROR' : 'OK',
    input: payload,
    ...(isError ? { error: payload } : { output: payload }),
    ...(j % 4 === 0 ? { step_type: payload } : {}),
    metadata,
    extra_data: extraData,
  };
  // A field a newer server might send, named by the payload: the panel's "Other fields".
  if (j % 5 === 4) setOwn(node, `x-${payload}`, payload);
  return node;
}

/** An LLM span whose input and output are chat messages made of payloads. */
function chatSpan(payload: string, id: string, atUs: number): TraceNode {
  const input = JSON.stringify([
    { role: 'system', content: payload },
    {
      role: 'user',
      name: payload,
      content: [
        { type: 'text', text: payload },
        { type: 'image_url', image_url: { url: 'javascript:window.__pwned=120' } },
        { type: 'image_url', image_url: { url: `data:text/html,${payload}` } },
      ],
    },
    { role: payload, content: payload },
  ]);
  const output = JSON.stringify({
    role: 'assistant',
    content: payload,
    tool_calls: [
      {
        id: payload,
        type: 'function',
        function: { name: payload, arguments: JSON.stringify({ q: payload }) },
      },
    ],
  });
  return {
    id,
    name: 'hostile-chat.invoke',
    type: 'LLM',
    duration: formatWireDuration(50_000),
    start_time: formatWireTime(atUs, 'Z'),
    end_time: formatWireTime(atUs + 50_000, 'Z'),
    status: 'OK',
    input,
    output,
    metadata: { model: payload, input_tokens: 1, output_tokens: 1 },
  };
}

/** The trace names, unique so each list row and page can be found by its heading. */
function hostileTraceName(t: number): string {
  return `<img src=x onerror="window.__pwned=13${t}">Hostile trace ${t}`;
}

/**
 * Six traces; trace `t` carries the payloads at indexes `t, t + 6, t + 12, …`, one span each,
 * then a chat span. Same input, same traces: only the times depend on `nowMs`.
 */
export function generateHostileTraces(nowMs: number): HostileTraceInfo[] {
  const count = TRACE_IDS.length;
  const infos: HostileTraceInfo[] = [];
  for (let t = 0; t < count; t++) {
    const payloads = HOSTILE_PAYLOADS.filter((_, j) => j % count === t);
    const startUs = (nowMs - (3 * 60 + t * 7) * 60_000) * 1000;
    const children: TraceNode[] = payloads.map((payload, k) => {
      const j = t + k * count;
      const id = k < SPAN_ID_PAYLOADS.length ? `${SPAN_ID_PAYLOADS[k]} #${t}` : `hostile-${t}-${k}`;
      return hostileSpan(payload, j, id, startUs + 10_000 + k * 100_000);
    });
    children.push(chatSpan(payloads[0]!, `hostile-${t}-chat`, startUs + 10_000));
    const endUs = startUs + 20_000 + payloads.length * 100_000;
    const errorCount = children.filter((c) => c.status === 'ERROR').length;
    const name = hostileTraceName(t);
    const ids = {
      run_id: `{{constructor.constructor('window.__pwned=14${t}')()}}`,
      session_id: `<svg onload=window.__pwned=15${t}> session ${t}`,
      user_id: `"onmouseover=window.__pwned=16${t}"@example.com`,
      agent_id: `javascript:window.__pwned=17${t}`,
    };
    const root: TraceNode = {
      id: `hostile-root-${t}`,
      name,
      type: 'AGENT',
      duration: formatWireDuration(endUs - startUs),
      start_time: formatWireTime(startUs, 'Z'),
      end_time: formatWireTime(endUs, 'Z'),
      status: errorCount > 0 ? 'ERROR' : 'OK',
      metadata: {
        total_input_tokens: 100,
        total_output_tokens: 50,
        run_id: ids.run_id,
        session_id: ids.session_id,
        user_id: ids.user_id,
      },
      spans: children,
    };
    const detail: TraceDetail = {
      trace_id: TRACE_IDS[t]!,
      name,
      status: root.status,
      duration: root.duration,
      start_time: root.start_time,
      end_time: root.end_time,
      total_spans: children.length + 1,
      error_count: errorCount,
      input: payloads[1] ?? payloads[0],
      ...ids,
      created_at: formatWireTime(endUs, 'Z', false),
      ...(errorCount > 0
        ? { error: payloads[2] ?? payloads[0] }
        : { output: payloads[2] ?? payloads[0] }),
      tree: [root],
    };
    infos.push({ detail, payloads });
  }
  return infos;
}
