import type { Random } from './random';
import { pyJson } from './wireFormat';

/*
 * The agents, teams and workflows the mock AgentOS "runs", with their tools. Everything a demo
 * trace says comes from here: a question, the tool calls it leads to (arguments taken from the
 * question), results that fit those arguments, and an answer that fits both.
 */

export type Vars = Record<string, string>;

export interface ToolContext {
  r: Random;
  vars: Vars;
  /** How many times this tool was already called in this run: calls vary their arguments by it. */
  call: number;
  /** How many long (tens of KB) tool outputs this trace may still produce. */
  longOutputs: { left: number };
}

export interface ToolProfile {
  name: string;
  /** In-memory tools finish in microseconds: the server shows them as "0ms". */
  fast?: boolean;
  args(c: ToolContext): Record<string, unknown>;
  result(c: ToolContext, args: Record<string, unknown>): string;
  /**
   * How many calls with different arguments it can make in one run; none: any number. Runs use
   * another tool rather than repeat a call, as a repeated call is a finding the viewer reports.
   */
  variants?: number;
  /** What the tool raises when this call fails (the agent sees it and carries on). */
  failure?(c: ToolContext, args: Record<string, unknown>): string;
}

/** A model as Agno names it: the span is `<provider class>.invoke`, the id is metadata only. */
export interface ModelProfile {
  provider: 'AwsBedrock' | 'OpenAIChat' | 'Claude' | 'Gemini' | 'Groq';
  id: string;
}

export interface AgentProfile {
  id: string;
  name: string;
  model: ModelProfile;
  instructions: string;
  tools: ToolProfile[];
  prompts: string[];
  answers: string[];
}

export interface TeamProfile {
  id: string;
  name: string;
  model: ModelProfile;
  /** Member descriptions go into the leader's system prompt, as Agno writes it. */
  members: { id: string; role: string }[];
  tools: ToolProfile[];
  prompts: string[];
  answers: string[];
}

/** A step that runs something: the span `<name>.execute` with the run inside, or none. */
export interface RunStep {
  name: string;
  type: 'Step';
  agent?: string;
  team?: string;
  /** A Python function step: a span with no children, its output from here. */
  output?: (vars: Vars, input: string) => string;
  /** Why a function step fails, when the run fails on it. */
  failure?: string;
}

/**
 * Parallel gets a span around its steps; Condition and Loop get none: their steps appear directly
 * under the workflow's root (skipped Conditions leave nothing), as agno 2.9.0 exports them.
 */
export type WorkflowStep =
  | RunStep
  | { name: string; type: 'Parallel'; steps: RunStep[] }
  | { name: string; type: 'Condition'; steps: RunStep[]; skipChance: number }
  | { name: string; type: 'Loop'; steps: RunStep[] };

export interface WorkflowProfile {
  id: string;
  name: string;
  description: string;
  steps: WorkflowStep[];
  prompts: string[];
  answers: string[];
}

export const COMPANIES = [
  ['Tesla', 'TSLA'],
  ['NVIDIA', 'NVDA'],
  ['Apple', 'AAPL'],
  ['Microsoft', 'MSFT'],
  ['Amazon', 'AMZN'],
  ['Alphabet', 'GOOGL'],
  ['Meta', 'META'],
  ['AMD', 'AMD'],
] as const;

const TOPICS = [
  'solid-state batteries',
  'small modular reactors',
  'retrieval-augmented generation',
  'perovskite solar cells',
  'GLP-1 drugs',
  'quantum error correction',
  'vertical farming',
  'heat pumps in cold climates',
];

const ITEMS = [
  ['espresso machine', 249],
  ['standing desk', 389],
  ['noise-cancelling headphones', 179],
  ['hiking boots', 139],
  ['phone case', 24],
  ['coffee grinder', 89],
  ['desk lamp', 45],
  ['robot vacuum', 312],
] as const;

const TABLES = ['orders', 'customers', 'invoices', 'shipments', 'refunds'];
const SOURCES = ['iea.org', 'nature.com', 'arxiv.org', 'reuters.com', 'ft.com', 'energy.gov'];
const SEARCH_ANGLES = ['state of the art 2025', 'cost per unit', 'main companies', 'open problems'];
const SEARCH_ANGLES_MORE = ['pilot projects', 'regulation', 'criticism', 'market size forecast'];

export function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole);
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** The question's facts, drawn once per trace so tools, results and answers agree. */
export function makeVars(r: Random, email: string): Vars {
  const [company, symbol] = r.pick(COMPANIES);
  let other = r.pick(COMPANIES);
  if (other[1] === symbol)
    other = COMPANIES[(COMPANIES.indexOf(other) + 1) % COMPANIES.length] ?? other;
  const [item, total] = r.pick(ITEMS);
  const up = r.chance(0.6);
  const price = r.float(40, 900);
  const price2 = r.float(40, 900);
  const day = r.int(10, 27);
  const topic = r.pick(TOPICS);
  return {
    company,
    symbol,
    company2: other[0],
    symbol2: other[1],
    price: price.toFixed(2),
    price2: price2.toFixed(2),
    pct: r.float(0.3, 6.5).toFixed(1),
    dir: up ? 'up' : 'down',
    mood: up ? 'upbeat' : 'cautious',
    topic,
    topicSlug: slug(topic),
    order: `A-${r.int(1000, 9999)}`,
    item,
    total: total.toFixed(2),
    table: r.pick(TABLES),
    email,
    date: `2025-11-${day}`,
    nextDate: `2025-11-${day + 1}`,
    records: String(r.int(120, 4800)),
    region: r.pick(['EMEA', 'North America', 'APAC', 'LATAM']),
    carrier: r.pick(['UPS', 'DHL', 'FedEx']),
    n: '1',
    domain: `${slug(company)}.com`,
  };
}

function priceOf(c: ToolContext, symbol: string): number {
  if (symbol === c.vars.symbol) return Number(c.vars.price);
  if (symbol === c.vars.symbol2) return Number(c.vars.price2);
  return Number((60 + ((symbol.charCodeAt(0) * 7 + symbol.length * 13) % 700)).toFixed(2));
}

/** The symbols a stock question is about, then the rest of the watch-list. */
function symbolFor(c: ToolContext): string {
  const symbols = [c.vars.symbol ?? 'NVDA', c.vars.symbol2 ?? 'AMD'];
  for (const [, s] of COMPANIES) if (!symbols.includes(s)) symbols.push(s);
  return symbols[c.call % symbols.length] ?? 'NVDA';
}

const SCRAPED_PARAGRAPH =
  'Pilot production lines opened this year, but yields remain below what mass production needs. ' +
  'Analysts expect costs to fall by a third once cell formats are standardised; suppliers of ' +
  'separators and electrolytes are signing long-term contracts, and two automakers announced ' +
  'test fleets for next year. Critics point to unproven cycle life in cold weather. ';

/** A long scraped page: the same realistic paragraph repeated to `bytes`. */
export function makeLongText(bytes: number): string {
  return SCRAPED_PARAGRAPH.repeat(Math.ceil(bytes / SCRAPED_PARAGRAPH.length)).slice(0, bytes);
}

const TOOLS = {
  think: {
    name: 'think',
    fast: true,
    args: (c) => ({
      title: ['Plan', 'Check the findings', 'Decide who answers'][c.call % 3],
      thought: `Step ${c.call + 1}: split the request about ${c.vars.topic ?? 'it'} between the members, then merge.`,
    }),
    result: (c) => `Thought ${c.call + 1} recorded.`,
  },
  getStockPrice: {
    name: 'get_stock_price',
    variants: COMPANIES.length,
    args: (c) => ({ symbol: symbolFor(c) }),
    result: (c, a) => priceOf(c, String(a.symbol)).toFixed(2),
    failure: (_c, a) => `Market data provider timed out for ${String(a.symbol)} after 10s`,
  },
  getStockHistory: {
    name: 'get_stock_history',
    variants: COMPANIES.length * 3,
    args: (c) => ({ symbol: symbolFor(c), period: ['5d', '1mo', '3mo'][c.call % 3] }),
    result: (c, a) => {
      const last = priceOf(c, String(a.symbol));
      return pyJson(
        [17, 18, 19, 20, 21].map((d, i) => ({
          date: `2025-11-${d}`,
          close: Number((last * (1 + (i - 4) * 0.011 * (c.vars.dir === 'up' ? 1 : -1))).toFixed(2)),
        })),
      );
    },
  },
  getCompanyNews: {
    name: 'get_company_news',
    variants: COMPANIES.length,
    args: (c) => ({ symbol: symbolFor(c), limit: 3 }),
    result: (c, a) => {
      const company = COMPANIES.find(([, s]) => s === a.symbol)?.[0] ?? String(a.symbol);
      const headlines =
        c.vars.mood === 'upbeat'
          ? ['beats revenue estimates', 'raises full-year guidance', 'announces buyback']
          : ['misses margin estimates', 'faces export restrictions', 'delays product launch'];
      return pyJson(
        headlines.map((h, n) => ({
          title: `${company} ${h}`,
          source: ['Reuters', 'Bloomberg', 'CNBC'][n],
          published: `2025-11-2${n}T0${n + 7}:15:00Z`,
        })),
      );
    },
  },
  getAnalystRecommendations: {
    name: 'get_analyst_recommendations',
    variants: COMPANIES.length,
    fast: true,
    args: (c) => ({ symbol: symbolFor(c) }),
    result: (c) => pyJson({ buy: c.r.int(12, 30), hold: c.r.int(3, 15), sell: c.r.int(0, 6) }),
  },
  webSearch: {
    name: 'web_search',
    args: (c) => {
      const angles = c.call < 4 ? SEARCH_ANGLES : SEARCH_ANGLES_MORE;
      const query = `${c.vars.topic ?? 'batteries'} ${angles[c.call % 4] ?? ''}`;
      return c.call < 8 ? { query, max_results: 3 } : { query, max_results: 3, page: c.call - 6 };
    },
    result: (c, a) =>
      pyJson(
        [0, 1, 2].map((n) => {
          const site = SOURCES[(c.call + n) % SOURCES.length] ?? 'example.org';
          return {
            title: `${String(a.query)}: ${['what changed this year', 'a primer', 'the numbers'][n]}`,
            url: `https://${site}/${slug(String(a.query))}`,
            snippet: `${site} on ${c.vars.topic}: costs, scale and who is building it.`,
          };
        }),
      ),
  },
  fetchPage: {
    name: 'fetch_page',
    args: (c) => {
      const site = SOURCES[c.call % SOURCES.length] ?? 'example.org';
      const query = `${c.vars.topic ?? 'batteries'} ${SEARCH_ANGLES[c.call % 4] ?? ''}`;
      return { url: `https://${site}/${slug(query)}${c.call >= 6 ? `?p=${c.call}` : ''}` };
    },
    result: (c) => {
      // A few scraped pages are long, as real ones are.
      if (c.longOutputs.left > 0 && c.r.chance(0.3)) {
        c.longOutputs.left -= 1;
        return makeLongText(c.r.int(4_000, 16_000));
      }
      return makeLongText(c.r.int(300, 900));
    },
    failure: (_c, a) => `HTTP 402 Payment Required: ${String(a.url)} is behind a paywall`,
  },
  searchArxiv: {
    name: 'search_arxiv',
    variants: 4,
    args: (c) => ({ query: `${c.vars.topic}${c.call > 0 ? ` ${SEARCH_ANGLES[c.call % 4]}` : ''}` }),
    result: (c) =>
      pyJson(
        [0, 1].map((n) => ({
          id: `2511.${String(10_000 + c.call * 97 + n * 13)}`,
          title: `${['Scaling', 'Benchmarking'][n]} ${c.vars.topic}`,
          authors: [
            ['Chen', 'Okafor'],
            ['Müller', 'Tanaka'],
          ][n],
        })),
      ),
  },
  lookupOrder: {
    name: 'lookup_order',
    variants: 1,
    fast: true,
    args: (c) => ({ order_id: c.vars.order }),
    result: (c) =>
      pyJson({
        order_id: c.vars.order,
        item: c.vars.item,
        status: 'delivered',
        carrier: c.vars.carrier,
        total: Number(c.vars.total),
      }),
  },
  getShippingStatus: {
    name: 'get_shipping_status',
    variants: 1,
    args: (c) => ({ order_id: c.vars.order, carrier: c.vars.carrier }),
    result: (c) =>
      pyJson({
        order_id: c.vars.order,
        last_scan: `${c.vars.region} sorting hub`,
        delivered_at: `${c.vars.date}T14:02:00Z`,
      }),
  },
  refundOrder: {
    name: 'refund_order',
    variants: 1,
    args: (c) => ({ order_id: c.vars.order, amount: Number(c.vars.total), reason: 'damaged' }),
    result: (c) =>
      pyJson({ refund_id: `R-${c.r.int(10000, 99999)}`, amount: Number(c.vars.total) }),
    failure: (c) =>
      `Refunds above 100.00 need a supervisor (asked ${c.vars.total ?? '0'} on ${c.vars.order ?? ''})`,
  },
  searchHelpCenter: {
    name: 'search_help_center',
    args: (c) => {
      const query = ['refund policy damaged items', 'return shipping label', 'double charge'][
        c.call % 3
      ];
      return c.call < 3 ? { query } : { query, page: Math.floor(c.call / 3) + 1 };
    },
    result: (_c, a) =>
      pyJson([
        {
          article: `help/${slug(String(a.query))}.md`,
          text: 'Damaged items are refunded in full within 5 business days; refunds above 100.00 are approved by a supervisor.',
        },
      ]),
  },
  escalateToSupervisor: {
    name: 'escalate_to_supervisor',
    variants: 1,
    args: (c) => ({
      order_id: c.vars.order,
      note: `Refund of ${c.vars.total} for a damaged ${c.vars.item}`,
    }),
    result: (c) => pyJson({ ticket_id: `T-${c.r.int(10000, 99999)}`, status: 'open' }),
  },
  getCustomer: {
    name: 'get_customer',
    variants: 1,
    fast: true,
    args: (c) => ({ email: c.vars.email }),
    result: (c) => pyJson({ email: c.vars.email, tier: 'pro', orders: c.r.int(2, 40) }),
  },
  listTables: {
    name: 'list_tables',
    variants: 3,
    fast: true,
    args: (c) => ({ schema: ['public', 'billing', 'logistics'][c.call % 3] }),
    result: () => pyJson(TABLES),
  },
  describeTable: {
    name: 'describe_table',
    variants: 5,
    fast: true,
    args: (c) => ({
      table_name: TABLES[(TABLES.indexOf(c.vars.table ?? '') + c.call) % TABLES.length],
    }),
    result: (_c, a) =>
      pyJson([
        { column: 'id', type: 'bigint' },
        { column: 'created_at', type: 'timestamptz' },
        { column: `${String(a.table_name)}_total`, type: 'numeric(12,2)' },
        { column: 'region', type: 'text' },
      ]),
  },
  runSqlQuery: {
    name: 'run_sql_query',
    args: (c) => ({
      query: `SELECT region, count(*) AS n FROM ${c.vars.table} WHERE created_at >= now() - interval '${c.call + 1} month' GROUP BY region ORDER BY n DESC`,
    }),
    result: (c) =>
      pyJson(
        ['EMEA', 'NA', 'APAC', 'LATAM'].map((region, i) => ({ region, n: 900 - i * 170 + c.call })),
      ),
    failure: (c) => `psycopg.errors.UndefinedColumn: column "${c.vars.table}_totl" does not exist`,
  },
  getStyleGuide: {
    name: 'get_style_guide',
    variants: 3,
    fast: true,
    args: (c) => ({ section: ['tone', 'structure', 'citations'][c.call % 3] }),
    result: () =>
      'Short sentences. Active voice. Define every term once. Cite sources inline as (site, year).',
  },
  countWords: {
    name: 'count_words',
    fast: true,
    args: (c) => ({ draft_id: `draft-${c.call + 1}` }),
    result: (c) => pyJson({ words: 380 + c.call * 41, paragraphs: 3 }),
  },
  lookupCompany: {
    name: 'lookup_company',
    fast: true,
    args: (c) =>
      c.call === 0 ? { name: c.vars.company } : { name: c.vars.company, page: c.call + 1 },
    result: (c) =>
      pyJson({ name: c.vars.company, domain: `${slug(c.vars.company ?? 'acme')}.com` }),
  },
  getDomainInfo: {
    name: 'get_domain_info',
    variants: 1,
    args: (c) => ({ domain: `${slug(c.vars.company ?? 'acme')}.com` }),
    result: (c) =>
      pyJson({
        registered: 1990 + (c.vars.company?.length ?? 5),
        country: 'US',
        employees: '10000+',
      }),
  },
} satisfies Record<string, ToolProfile>;

const BEDROCK_SONNET: ModelProfile = {
  provider: 'AwsBedrock',
  id: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
};

export const AGENTS: AgentProfile[] = [
  {
    id: 'support_agent',
    name: 'Support Agent',
    model: BEDROCK_SONNET,
    instructions:
      'Answers customer questions about orders and accounts.\n- Be brief.\n- Never refund more than 100.00 without a supervisor.',
    tools: [
      TOOLS.lookupOrder,
      TOOLS.refundOrder,
      TOOLS.searchHelpCenter,
      TOOLS.escalateToSupervisor,
      TOOLS.getShippingStatus,
    ],
    prompts: [
      'Please refund order {order}, it arrived broken.',
      'My {item} (order {order}) came damaged. Can I get my money back?',
      'Where is my order {order}?',
    ],
    answers: [
      'I could not refund {total} myself: refunds above 100.00 need a supervisor. I have escalated your request; you will hear back within one business day.',
      'Order {order} ({item}) was delivered on {date}. Since it arrived damaged, a refund of {total} is being reviewed by a supervisor.',
    ],
  },
  {
    id: 'stock_agent',
    name: 'Stock Price Agent',
    model: { provider: 'OpenAIChat', id: 'gpt-4o-mini' },
    instructions:
      'Looks up stock prices and news. State the ticker, the price in USD and the change over the period asked. Describe, never recommend.',
    tools: [
      TOOLS.getStockPrice,
      TOOLS.getStockHistory,
      TOOLS.getCompanyNews,
      TOOLS.getAnalystRecommendations,
    ],
    prompts: [
      'Compare {symbol} and {symbol2}',
      "What is {company}'s stock price and how did it move this week?",
      '{company} price and news',
    ],
    answers: [
      '{company} ({symbol}) trades at ${price}, {dir} {pct}% over the week; {company2} ({symbol2}) is at ${price2}. News flow for {symbol} is {mood}.',
      '{company} ({symbol}) closed at ${price}, {dir} {pct}% this week, on {mood} headlines about guidance and margins.',
    ],
  },
  {
    id: 'research_agent',
    name: 'Researcher',
    model: { provider: 'Claude', id: 'claude-sonnet-4-20250514' },
    instructions:
      'Finds and reads sources. Search first, read the two or three best pages in full, then summarise what they agree on. Quote numbers with their source.',
    tools: [TOOLS.webSearch, TOOLS.fetchPage, TOOLS.searchArxiv],
    prompts: [
      'Research {topic}: state of the art in 2025.',
      'Find recent sources on {topic} and list the key players.',
    ],
    answers: [
      '{topic}: pilot lines in 2025, costs expected to fall by a third once formats settle; three sources agree, one was behind a paywall.',
      'Key players in {topic}: two start-ups with pilot plants and three incumbents; sources: iea.org, nature.com, reuters.com.',
    ],
  },
  {
    id: 'writer_agent',
    name: 'Writer',
    model: { provider: 'OpenAIChat', id: 'gpt-4.1' },
    instructions:
      'Writes clear prose. Follow the style guide. Three paragraphs unless asked otherwise.',
    tools: [TOOLS.getStyleGuide, TOOLS.countWords],
    prompts: ['Write a 3-paragraph brief on {topic} from these findings.'],
    answers: [
      '## {topic}\n\nWhere it stands: pilot production, not yet mass market.\n\nWhat it costs: a third less once formats settle.\n\nWhat to watch: cold-weather cycle life.',
    ],
  },
  {
    id: 'sql_agent',
    name: 'Data Analyst',
    model: { provider: 'Gemini', id: 'gemini-2.5-flash' },
    instructions:
      'Answers data questions with read-only SQL on the warehouse. Inspect the schema before querying. Show the query you ran.',
    tools: [TOOLS.listTables, TOOLS.describeTable, TOOLS.runSqlQuery],
    prompts: [
      'How many {table} did we have per region last month?',
      'Which region has the most {table} this quarter?',
    ],
    answers: ['EMEA leads with 900 {table} last month, then NA (730), APAC (560) and LATAM (390).'],
  },
  {
    id: 'fact_checker',
    name: 'Fact Checker',
    model: { provider: 'Claude', id: 'claude-3-5-haiku-20241022' },
    instructions:
      'Checks every factual claim against at least one independent source. Report each claim as supported, disputed or unverifiable.',
    tools: [TOOLS.webSearch, TOOLS.fetchPage],
    prompts: ['Check the claims in the draft about {topic}.'],
    answers: [
      '3 claims checked on {topic}: 2 supported, 1 unverifiable (the cost figure has no public source).',
    ],
  },
  {
    id: 'enrichment_agent',
    name: 'Enrichment Agent',
    model: { provider: 'Groq', id: 'llama-3.3-70b-versatile' },
    instructions:
      'Enriches a company record with its domain, country and headcount band. Answer with JSON only.',
    tools: [TOOLS.lookupCompany, TOOLS.getDomainInfo, TOOLS.webSearch],
    prompts: ['Enrich record #{n}: {company}'],
    answers: [
      '{"company": "{company}", "domain": "{domain}", "country": "US", "headcount": "10000+"}',
    ],
  },
];

export const TEAMS: TeamProfile[] = [
  {
    id: 'research-team',
    name: 'Research Team',
    model: BEDROCK_SONNET,
    members: [
      { id: 'research_agent', role: 'Finds and reads sources' },
      { id: 'writer_agent', role: 'Writes clear prose' },
    ],
    tools: [TOOLS.think],
    prompts: ['Write a brief on {topic}', 'What should leadership know about {topic}?'],
    answers: [
      'Here is the brief on {topic}: pilot production in 2025, costs expected to fall by a third, cold-weather cycle life still unproven.',
    ],
  },
  {
    id: 'finance-team',
    name: 'Finance Team',
    model: { provider: 'OpenAIChat', id: 'gpt-4o' },
    members: [
      { id: 'stock_agent', role: 'Looks up prices, history and news' },
      { id: 'research_agent', role: 'Finds context in the press' },
    ],
    tools: [TOOLS.think],
    prompts: [
      'How are {company} and {company2} doing, and why?',
      'Market wrap for {symbol} with context',
    ],
    answers: [
      '{company} is {dir} {pct}% this week at ${price} on {mood} news; {company2} trades at ${price2}. Context: guidance and export rules drive the sector.',
    ],
  },
  {
    id: 'support-team',
    name: 'Support Team',
    model: { provider: 'Claude', id: 'claude-sonnet-4-20250514' },
    members: [
      { id: 'support_agent', role: 'Handles orders, refunds and accounts' },
      { id: 'sql_agent', role: 'Answers questions about our data' },
    ],
    tools: [TOOLS.getCustomer, TOOLS.think],
    prompts: [
      'Customer {email} says order {order} arrived damaged and wants a refund.',
      'Why was {email} charged twice for order {order}?',
    ],
    answers: [
      'Order {order} ({item}, {total}) arrived damaged; the refund is with a supervisor and {email} was told to expect an answer within a day.',
    ],
  },
];

export const WORKFLOWS: WorkflowProfile[] = [
  {
    id: 'content-pipeline',
    name: 'Content Pipeline',
    description: 'Research, outline, enrich in parallel, review when asked, publish',
    steps: [
      { name: 'research', type: 'Step', agent: 'research_agent' },
      {
        name: 'outline',
        type: 'Step',
        output: (v) =>
          `Outline for ${v.topic}:\n1. Where it stands\n2. What it costs\n3. What to watch`,
      },
      {
        name: 'enrich',
        type: 'Parallel',
        steps: [
          { name: 'seo', type: 'Step', output: (v) => `keywords: ${v.topic}, 2025, cost` },
          { name: 'images', type: 'Step', output: () => 'images: hero.png, cost-chart.svg' },
        ],
      },
      {
        name: 'review_gate',
        type: 'Condition',
        skipChance: 0.5,
        steps: [{ name: 'review', type: 'Step', agent: 'fact_checker' }],
      },
      {
        name: 'publish',
        type: 'Step',
        output: (v) => `Published https://blog.example.com/${slug(v.topic ?? 'post')}`,
        failure: 'CMS rejected the post: HTTP 403 (token expired)',
      },
    ],
    prompts: ['{topic} buyers guide, please review', 'Blog post on {topic}'],
    answers: ['Published https://blog.example.com/{topicSlug}'],
  },
  {
    id: 'daily-market-report',
    name: 'Daily Market Report',
    description: 'Fetch the watch-list, analyse it with the finance team, publish',
    steps: [
      {
        name: 'fetch_watchlist',
        type: 'Step',
        output: () => pyJson(COMPANIES.map(([, symbol]) => symbol)),
      },
      { name: 'analyse', type: 'Step', team: 'finance-team' },
      {
        name: 'publish_report',
        type: 'Step',
        output: (v) => `Report for ${v.date} posted to #markets`,
        failure: 'SlackApiError: channel_not_found (#markets)',
      },
    ],
    prompts: ['Daily market report for {date}', 'Market report for {date}: focus on {symbol}'],
    answers: [
      'Report for {date} posted to #markets: 8 tickers, {symbol} the biggest mover ({dir} {pct}%).',
    ],
  },
  {
    id: 'ticket-triage',
    name: 'Ticket Triage',
    description: 'Classify a ticket, query the data when needed, resolve with the support team',
    steps: [
      { name: 'classify', type: 'Step', agent: 'support_agent' },
      {
        name: 'needs_data',
        type: 'Condition',
        skipChance: 0.5,
        steps: [{ name: 'query_data', type: 'Step', agent: 'sql_agent' }],
      },
      { name: 'resolve', type: 'Step', team: 'support-team' },
    ],
    prompts: ['Ticket from {email}: order {order} arrived damaged.'],
    answers: [
      'Ticket closed: refund of {total} for order {order} sent to a supervisor, customer notified.',
    ],
  },
  {
    id: 'batch-enrichment',
    name: 'Batch Enrichment',
    description: 'Load a CRM export, enrich every record with an agent, write the results',
    steps: [
      {
        name: 'load_batch',
        type: 'Step',
        output: (v) => `Loaded ${v.records} records from s3://crm-exports/${v.date}.csv`,
      },
      {
        name: 'records',
        type: 'Loop',
        steps: [{ name: 'enrich', type: 'Step', agent: 'enrichment_agent' }],
      },
      {
        name: 'write_results',
        type: 'Step',
        output: (v) => `Wrote ${v.records} rows to warehouse.enriched_companies`,
        failure:
          'psycopg.errors.UniqueViolation: duplicate key value violates unique constraint "enriched_companies_pkey"',
      },
    ],
    prompts: ['Enrich the CRM export of {date}'],
    answers: ['Batch of {date} done: {records} records enriched and written.'],
  },
];

export const agentById = new Map(AGENTS.map((a) => [a.id, a]));
export const teamById = new Map(TEAMS.map((t) => [t.id, t]));
export const workflowById = new Map(WORKFLOWS.map((w) => [w.id, w]));

export function mustGet<T>(map: Map<string, T>, id: string | undefined): T {
  const value = id === undefined ? undefined : map.get(id);
  if (value === undefined) throw new Error(`Unknown catalog id: ${String(id)}`);
  return value;
}

/** The system prompt Agno gives a team leader (shortened from agno 2.9.0's). */
export function teamInstructions(team: TeamProfile): string {
  const members = team.members
    .map((m) => {
      const agent = mustGet(agentById, m.id);
      return `<member id="${m.id}" name="${agent.name}">\n  Role: ${m.role}\n</member>`;
    })
    .join('\n');
  return (
    "You coordinate a team of specialized AI agents to fulfill the user's request. Delegate to " +
    'members when their expertise or tools are needed.\n\n' +
    `<team_members>\n${members}\n</team_members>\n\n` +
    '<how_to_respond>\nYou operate in coordinate mode: delegate with clear task descriptions, ' +
    'then synthesize the outputs into one response.\n</how_to_respond>'
  );
}

/** What a provider's SDK says when a call is refused, as Agno stores it as the run's output. */
export const PROVIDER_ERRORS: Record<ModelProfile['provider'], string> = {
  AwsBedrock: "{'Error': {'Code': 'ThrottlingException', 'Message': 'Rate exceeded'}}",
  OpenAIChat:
    "Error code: 429 - {'error': {'message': 'Rate limit reached for gpt-4o-mini on tokens per min (TPM): Limit 200000, Used 199876, Requested 1200.', 'type': 'tokens', 'code': 'rate_limit_exceeded'}}",
  Claude:
    "Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}",
  Gemini:
    "503 UNAVAILABLE. {'error': {'code': 503, 'message': 'The model is overloaded. Please try again later.', 'status': 'UNAVAILABLE'}}",
  Groq: "Error code: 429 - {'error': {'message': 'Rate limit reached for model `llama-3.3-70b-versatile`', 'type': 'tokens', 'code': 'rate_limit_exceeded'}}",
};

/** Errors that end a run (an exception Agno did not catch). */
export const FATAL_MODEL_ERRORS = [
  "BadRequestError: Error code: 400 - This model's maximum context length is 128000 tokens. However, your messages resulted in 131072 tokens.",
  'APITimeoutError: Request timed out.',
];
