import type { TraceDetail, TraceNode } from '../api/schemas';
import { createRandom } from './random';
import type { Random } from './random';

/*
 * A seeded generator of AgentOS traces in the exact wire format the server sends
 * (../shared/agentos-api.md), quirks included: absent-not-null fields, text durations, mixed
 * zone suffixes, UNSET spans, errors propagated to the root, orphan roots, clock skew,
 * sub-millisecond spans and long payloads.
 *
 * Everything is iterative (an explicit work stack, index order for bottom-up passes) because
 * traces go up to 100,000 spans and chains up to 10,000 levels deep.
 */

// ---------------------------------------------------------------------------------------------
// Catalog: the agents, teams and workflows the mock AgentOS "runs".

type Vars = Record<string, string>;

interface ToolContext {
  r: Random;
  vars: Vars;
  /** How many long (tens of KB) tool outputs this trace may still produce. */
  longOutputs: { left: number };
}

interface ToolProfile {
  name: string;
  /** In-memory tools finish in microseconds: the server shows them as "0ms". */
  fast?: boolean;
  args(c: ToolContext): Record<string, unknown>;
  result(c: ToolContext, args: Record<string, unknown>): string;
}

export interface AgentProfile {
  id: string;
  name: string;
  model: string;
  instructions: string;
  tools: ToolProfile[];
  prompts: string[];
  answers: string[];
  hasKnowledge?: boolean;
}

export interface TeamProfile {
  id: string;
  name: string;
  model: string;
  instructions: string;
  members: string[];
  tools: ToolProfile[];
  prompts: string[];
  answers: string[];
}

type StepType = 'Agent' | 'Team' | 'function' | 'Condition' | 'Step' | 'Loop';

interface WorkflowStep {
  name: string;
  type: StepType;
  /** Agent id for Agent, Condition, Step and Loop steps; team id for Team steps. */
  runs?: string;
}

export interface WorkflowProfile {
  id: string;
  name: string;
  description: string;
  steps: WorkflowStep[];
  prompts: string[];
  answers: string[];
}

const COMPANIES = [
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
  'small modular nuclear reactors',
  'retrieval-augmented generation',
  'perovskite solar cells',
  'GLP-1 drugs',
  'quantum error correction',
  'vertical farming',
  'heat pumps in cold climates',
];
const TABLES = ['orders', 'customers', 'invoices', 'shipments', 'products', 'refunds'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August'];

const LOREM =
  'Agents call tools, tools return data, and models turn the data into answers. This paragraph ' +
  'stands in for a scraped web page: navigation, cookie banners, article text, footers, related ' +
  'links and everything else a real page carries, repeated until it is as long as real ones are. ';

function fill(template: string, vars: Vars): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole);
}

function money(r: Random, min: number, max: number): string {
  return r.float(min, max).toFixed(2);
}

const TOOLS = {
  getCurrentStockPrice: {
    name: 'get_current_stock_price',
    args: (c) => ({ symbol: c.vars.symbol }),
    result: (c) => c.vars.price ?? money(c.r, 50, 900),
  },
  getStockHistory: {
    name: 'get_stock_history',
    args: (c) => ({ symbol: c.vars.symbol, period: c.r.pick(['5d', '1mo', '3mo']) }),
    result: (c) => {
      const base = c.r.float(80, 600);
      const days = [13, 14, 17, 18, 19].map((d, i) => ({
        date: `2025-11-${d}`,
        close: Number((base * (1 + i * c.r.float(-0.02, 0.03))).toFixed(2)),
      }));
      return pyJson(days);
    },
  },
  getCompanyNews: {
    name: 'get_company_news',
    args: (c) => ({ symbol: c.vars.symbol, limit: 3 }),
    result: (c) =>
      pyJson(
        [1, 2, 3].map((n) => ({
          title: `${c.vars.company} ${c.r.pick(['beats estimates', 'announces buyback', 'faces probe', 'expands plant', 'cuts prices'])}`,
          source: c.r.pick(['Reuters', 'Bloomberg', 'CNBC', 'FT']),
          published: `2025-11-${10 + n}T0${n}:15:00Z`,
        })),
      ),
  },
  getAnalystRecommendations: {
    name: 'get_analyst_recommendations',
    fast: true,
    args: (c) => ({ symbol: c.vars.symbol }),
    result: (c) => pyJson({ buy: c.r.int(5, 30), hold: c.r.int(3, 15), sell: c.r.int(0, 6) }),
  },
  webSearch: {
    name: 'duckduckgo_search',
    args: (c) => ({
      query: `${c.vars.topic} ${c.r.pick(['2025', 'latest', 'review', 'market size'])}`,
      max_results: 3,
    }),
    result: (c) =>
      pyJson(
        [1, 2, 3].map((n) => ({
          title: `${c.vars.topic}: ${c.r.pick(['what changed', 'a primer', 'the state of play', 'five open questions'])}`,
          href: `https://example.org/${c.r.id(6)}/${n}`,
          body: `A ${c.r.pick(['short', 'detailed', 'critical'])} overview of ${c.vars.topic} covering cost, scale and the main players.`,
        })),
      ),
  },
  readUrl: {
    name: 'read_url',
    args: (c) => ({ url: `https://example.org/${c.r.id(8)}` }),
    result: (c) => {
      // A few scraped pages are tens of KB, as real ones are.
      if (c.longOutputs.left > 0 && c.r.chance(0.35)) {
        c.longOutputs.left -= 1;
        return makeLongText(c.r.int(8_000, 60_000));
      }
      return makeLongText(c.r.int(200, 900));
    },
  },
  searchArxiv: {
    name: 'search_arxiv',
    args: (c) => ({ query: c.vars.topic, max_results: 3 }),
    result: (c) =>
      pyJson(
        [1, 2, 3].map(() => ({
          id: `25${c.r.int(1, 11).toString().padStart(2, '0')}.${c.r.int(10000, 99999)}`,
          title: `Advances in ${c.vars.topic}`,
          authors: [c.r.pick(['Chen', 'Okafor', 'Müller', 'Silva', 'Tanaka'])],
        })),
      ),
  },
  getOrderStatus: {
    name: 'get_order_status',
    args: (c) => ({ order_id: c.vars.order }),
    result: (c) =>
      pyJson({
        order_id: c.vars.order,
        status: c.r.pick(['shipped', 'in_transit', 'delayed', 'delivered']),
        carrier: c.r.pick(['UPS', 'DHL', 'FedEx']),
        eta: `2025-11-${c.r.int(20, 28)}`,
      }),
  },
  searchKnowledgeBase: {
    name: 'search_knowledge_base',
    args: (c) => ({
      query: c.r.pick(['refund policy', 'shipping delays', 'password reset', 'double charge']),
    }),
    result: (c) =>
      pyJson([
        {
          doc: 'kb/refunds.md',
          score: Number(c.r.float(0.6, 0.95).toFixed(3)),
          text: 'Refunds are issued within 5 business days of approval.',
        },
        {
          doc: 'kb/shipping.md',
          score: Number(c.r.float(0.4, 0.8).toFixed(3)),
          text: 'Carriers may take 2 extra days during peak season.',
        },
      ]),
  },
  createTicket: {
    name: 'create_ticket',
    args: (c) => ({
      subject: `Order ${c.vars.order} issue`,
      priority: c.r.pick(['low', 'normal', 'high']),
    }),
    result: (c) => pyJson({ ticket_id: `T-${c.r.int(10000, 99999)}`, status: 'open' }),
  },
  getCustomerProfile: {
    name: 'get_customer_profile',
    fast: true,
    args: (c) => ({ email: c.vars.email }),
    result: (c) =>
      pyJson({
        email: c.vars.email,
        tier: c.r.pick(['free', 'pro', 'enterprise']),
        orders: c.r.int(1, 40),
      }),
  },
  listTables: {
    name: 'list_tables',
    fast: true,
    args: () => ({}),
    result: () => pyJson(TABLES),
  },
  describeTable: {
    name: 'describe_table',
    fast: true,
    args: (c) => ({ table_name: c.vars.table }),
    result: (c) =>
      pyJson([
        { column: 'id', type: 'bigint' },
        { column: 'created_at', type: 'timestamptz' },
        { column: `${c.vars.table}_total`, type: 'numeric(12,2)' },
        { column: 'region', type: 'text' },
      ]),
  },
  runSqlQuery: {
    name: 'run_sql_query',
    args: (c) => ({
      query: `SELECT region, count(*) AS n FROM ${c.vars.table} WHERE created_at >= date_trunc('month', now()) - interval '1 month' GROUP BY region ORDER BY n DESC`,
      limit: 100,
    }),
    result: (c) =>
      pyJson(['EMEA', 'NA', 'APAC', 'LATAM'].map((region) => ({ region, n: c.r.int(40, 4000) }))),
  },
  think: {
    name: 'think',
    fast: true,
    args: (c) => ({ thought: `Outline the key points about ${c.vars.topic} before writing.` }),
    result: () => 'Thought recorded.',
  },
  getStyleGuide: {
    name: 'get_style_guide',
    fast: true,
    args: () => ({}),
    result: () =>
      'Short sentences. Active voice. No jargon without a definition. Cite sources inline.',
  },
  fetchWatchlist: {
    name: 'fetch_watchlist',
    args: () => ({ list: 'default' }),
    result: () => pyJson(COMPANIES.map(([, symbol]) => symbol)),
  },
  publishReport: {
    name: 'publish_report',
    args: (c) => ({ channel: c.r.pick(['#markets', 'email:desk@example.com']) }),
    result: (c) => pyJson({ published: true, url: `https://reports.example.com/${c.r.id(10)}` }),
  },
  lookupCompany: {
    name: 'lookup_company',
    fast: true,
    args: (c) => ({ name: c.vars.company }),
    result: (c) =>
      pyJson({
        name: c.vars.company,
        domain: `${(c.vars.company ?? 'acme').toLowerCase()}.com`,
        country: c.r.pick(['US', 'DE', 'NG', 'SG', 'BR', 'CA']),
      }),
  },
  getDomainInfo: {
    name: 'get_domain_info',
    args: (c) => ({ domain: `${(c.vars.company ?? 'acme').toLowerCase()}.com` }),
    result: (c) =>
      pyJson({
        registered: 1990 + c.r.int(0, 30),
        employees_estimate: c.r.int(10, 200000),
        tech: ['react', 'aws'],
      }),
  },
  loadBatch: {
    name: 'load_batch',
    args: (c) => ({ batch_id: `b-${c.r.id(6)}`, source: 's3://crm-exports/latest.csv' }),
    result: (c) =>
      pyJson({ records: c.r.int(50, 5000), columns: ['company', 'domain', 'country'] }),
  },
  writeResults: {
    name: 'write_results',
    args: () => ({ destination: 'postgres://warehouse/enriched_companies' }),
    result: (c) => pyJson({ written: c.r.int(50, 5000), skipped: c.r.int(0, 12) }),
  },
} satisfies Record<string, ToolProfile>;

export const AGENTS: AgentProfile[] = [
  {
    id: 'stock_agent',
    name: 'Stock Price Agent',
    model: 'gpt-4o-mini',
    instructions:
      'You are a stock analyst. Use the tools to fetch live prices, price history and news. ' +
      'Always state the ticker, the price with its currency and the change over the period asked. ' +
      'Never give investment advice; describe, do not recommend. Answer in at most four sentences.',
    tools: [
      TOOLS.getCurrentStockPrice,
      TOOLS.getStockHistory,
      TOOLS.getCompanyNews,
      TOOLS.getAnalystRecommendations,
    ],
    prompts: [
      "What is {company}'s stock price and how did it move this week?",
      'Compare {company} and {company2} on price action over the last month.',
      'Give me the latest news for {symbol} and summarize the sentiment.',
      'Why did {symbol} drop today?',
    ],
    answers: [
      '{company} ({symbol}) trades at ${price}, {dir} {pct}% over the week.',
      '{company} ({symbol}) closed at ${price}. News flow is {mood}: analysts point to margins and guidance.',
      '{symbol} is {dir} {pct}% today at ${price}; the move follows {mood} headlines about demand.',
    ],
  },
  {
    id: 'research_agent',
    name: 'Research Agent',
    model: 'claude-sonnet-4',
    instructions:
      'You are a careful research assistant. Search the web, read the most relevant sources in full ' +
      'and synthesize what they agree and disagree on. Quote numbers with their source. Prefer ' +
      'primary sources and recent material. Finish with a short list of open questions.',
    tools: [TOOLS.webSearch, TOOLS.readUrl, TOOLS.searchArxiv],
    prompts: [
      'Research the current state of {topic} and list the key players.',
      'Find three recent papers on {topic} and summarize them.',
      'What are the main open problems in {topic}?',
    ],
    answers: [
      '{topic} is moving from pilots to early production. Key players: three start-ups and two incumbents. Costs are still 2-3x the target; open questions are durability and supply chains.',
      'Three recent papers agree that {topic} scales, disagree on cost curves, and all flag limited long-term data.',
    ],
    hasKnowledge: true,
  },
  {
    id: 'support_agent',
    name: 'Support Agent',
    model: 'gpt-4.1',
    instructions:
      'You are a friendly customer-support agent for an online store. Look the customer up, check ' +
      'their orders, and consult the knowledge base before answering. Open a ticket when you cannot ' +
      'resolve the issue yourself. Be concise and never promise refunds you cannot issue.',
    tools: [
      TOOLS.getOrderStatus,
      TOOLS.searchKnowledgeBase,
      TOOLS.createTicket,
      TOOLS.getCustomerProfile,
    ],
    prompts: [
      'Where is my order {order}? It was supposed to arrive yesterday.',
      'I was charged twice for order {order}.',
      'How do I reset my password?',
      'Can I return an item after 30 days?',
    ],
    answers: [
      'Your order {order} is in transit with the carrier and should arrive within two days. I opened a ticket so we can follow up if it does not.',
      'I can see the duplicate charge on order {order}. A refund has been requested and usually lands within 5 business days.',
      'You can reset your password from the sign-in page via "Forgot password"; the link is valid for 30 minutes.',
    ],
    hasKnowledge: true,
  },
  {
    id: 'sql_agent',
    name: 'SQL Agent',
    model: 'gemini-2.5-pro',
    instructions:
      'You translate questions into SQL for a PostgreSQL warehouse. List tables and describe them ' +
      'before writing a query. Only run read-only SELECT statements, always with a LIMIT. Explain ' +
      'the result in one paragraph and show the query you ran.',
    tools: [TOOLS.listTables, TOOLS.describeTable, TOOLS.runSqlQuery],
    prompts: [
      'How many {table} did we have last month by region?',
      'Which customers churned in {month}?',
      'Show revenue by product line for Q{q}.',
    ],
    answers: [
      'EMEA leads with the most {table} last month, followed by NA and APAC. Query: SELECT region, count(*) FROM {table} GROUP BY region.',
      'Revenue in Q{q} was led by the core product line (61%), with add-ons growing fastest.',
    ],
  },
  {
    id: 'writer_agent',
    name: 'Writer Agent',
    model: 'claude-sonnet-4',
    instructions:
      'You are an editor who writes short, clear briefs for a general audience. Follow the style ' +
      'guide. Keep every claim traceable to the research you were given.',
    tools: [TOOLS.getStyleGuide, TOOLS.think],
    prompts: ['Write a short brief on {topic}.', 'Draft a newsletter intro about {topic}.'],
    answers: [
      '## {topic}\n\n{topic} promises lower costs and better safety. Early deployments are promising, but scale-up and long-term data remain the open questions.',
    ],
  },
  {
    id: 'summarizer_agent',
    name: 'Summarizer',
    model: 'gpt-4o-mini',
    instructions: 'Summarize the input into at most five bullet points. Keep numbers and names.',
    tools: [TOOLS.think],
    prompts: ['Summarize the findings on {topic} in five bullet points.'],
    answers: [
      '- {topic}: higher density\n- Lower fire risk\n- Costly to manufacture\n- Two pilot plants\n- Data still thin',
    ],
  },
  {
    id: 'fact_checker',
    name: 'Fact Checker',
    model: 'o3-mini',
    instructions:
      'Check every factual claim against at least one independent source. Report each claim as supported, disputed or unverifiable.',
    tools: [TOOLS.webSearch, TOOLS.readUrl],
    prompts: ['Check the claims in the draft about {topic}.'],
    answers: ['3 claims checked: 2 supported, 1 unverifiable (cost figure has no public source).'],
  },
  {
    id: 'enrichment_agent',
    name: 'Enrichment Agent',
    model: 'llama-3.3-70b',
    instructions:
      'Enrich a company record with industry, headcount band and headquarters city. Use search when the domain is not enough. Answer with JSON only.',
    tools: [TOOLS.lookupCompany, TOOLS.getDomainInfo, TOOLS.webSearch],
    prompts: ['Enrich record #{n}: {company} ({symbol}).'],
    answers: [
      '{"company": "{company}", "industry": "{industry}", "headcount": "{band}", "hq": "{city}"}',
    ],
  },
];

export const TEAMS: TeamProfile[] = [
  {
    id: 'research-team',
    name: 'Research Team',
    model: 'gpt-4o',
    instructions:
      'Coordinate a researcher and a writer. Research first, then have the writer turn the findings into a brief.',
    members: ['research_agent', 'writer_agent'],
    tools: [TOOLS.webSearch],
    prompts: [
      'Prepare a brief on {topic} for the leadership meeting.',
      'What should we know about {topic} this quarter?',
    ],
    answers: [
      'Brief on {topic}: the technology is real but early; expect pilots, not production, for 18-24 months.',
    ],
  },
  {
    id: 'finance-team',
    name: 'Finance Team',
    model: 'claude-sonnet-4',
    instructions:
      'Answer market questions. Use the stock agent for prices and the research agent for context.',
    members: ['stock_agent', 'research_agent'],
    tools: [TOOLS.getCurrentStockPrice],
    prompts: [
      'How are {company} and {company2} doing, and why?',
      'Give me a market wrap for {symbol} with context.',
    ],
    answers: [
      '{company} is {dir} {pct}% this week on {mood} news; {company2} is flat. Context: sector rotation and rate expectations.',
    ],
  },
  {
    id: 'support-team',
    name: 'Support Team',
    model: 'gpt-4.1',
    instructions:
      'Route customer issues: the support agent handles orders and accounts, the SQL agent answers data questions.',
    members: ['support_agent', 'sql_agent'],
    tools: [TOOLS.searchKnowledgeBase],
    prompts: [
      'Customer {email} says order {order} never arrived and wants a refund.',
      'Why do refunds for {email} take so long?',
    ],
    answers: [
      'Order {order} was lost in transit; a replacement is on its way and the customer was informed.',
    ],
  },
];

export const WORKFLOWS: WorkflowProfile[] = [
  {
    id: 'content-pipeline',
    name: 'Content Pipeline',
    description: 'Research, summarize, fact-check, write',
    steps: [
      { name: 'research', type: 'Agent', runs: 'research_agent' },
      { name: 'summarize', type: 'Agent', runs: 'summarizer_agent' },
      { name: 'fact_check', type: 'Condition', runs: 'fact_checker' },
      { name: 'write', type: 'Step', runs: 'writer_agent' },
    ],
    prompts: ['Write a short brief on {topic}'],
    answers: [
      '## {topic}\n\nA fact-checked brief: what it is, who builds it, what it costs and what is still unknown.',
    ],
  },
  {
    id: 'daily-market-report',
    name: 'Daily Market Report',
    description: 'Fetch the watch-list, analyse it with the finance team, publish',
    steps: [
      { name: 'fetch_watchlist', type: 'function' },
      { name: 'analyse', type: 'Team', runs: 'finance-team' },
      { name: 'publish_report', type: 'function' },
    ],
    prompts: ['Daily market report for {date}', 'Market report: focus on {symbol}'],
    answers: ['Report published: 8 tickers, {symbol} the biggest mover ({dir} {pct}%).'],
  },
  {
    id: 'ticket-triage',
    name: 'Ticket Triage',
    description: 'Classify a ticket, look up data when needed, resolve with the support team',
    steps: [
      { name: 'classify', type: 'Agent', runs: 'support_agent' },
      { name: 'needs_data', type: 'Condition', runs: 'sql_agent' },
      { name: 'resolve', type: 'Team', runs: 'support-team' },
    ],
    prompts: [
      'Ticket from {email}: order {order} arrived damaged.',
      'Ticket from {email}: cannot log in since the update.',
    ],
    answers: ['Ticket resolved: replacement shipped for order {order}, customer notified.'],
  },
  {
    id: 'batch-enrichment',
    name: 'Batch Enrichment',
    description: 'Load a CRM export, enrich every record with an agent, write the results',
    steps: [
      { name: 'load_batch', type: 'function' },
      { name: 'enrich_records', type: 'Loop', runs: 'enrichment_agent' },
      { name: 'write_results', type: 'function' },
    ],
    prompts: ['Enrich the CRM export of {date}'],
    answers: ['Batch done: all records enriched and written to the warehouse.'],
  },
];

const FUNCTION_TOOLS: Record<string, ToolProfile> = {
  fetch_watchlist: TOOLS.fetchWatchlist,
  publish_report: TOOLS.publishReport,
  load_batch: TOOLS.loadBatch,
  write_results: TOOLS.writeResults,
};

const agentById = new Map(AGENTS.map((a) => [a.id, a]));
const teamById = new Map(TEAMS.map((t) => [t.id, t]));
const workflowById = new Map(WORKFLOWS.map((w) => [w.id, w]));

function mustGet<T>(map: Map<string, T>, id: string | undefined): T {
  const value = id === undefined ? undefined : map.get(id);
  if (value === undefined) throw new Error(`Unknown catalog id: ${String(id)}`);
  return value;
}

/** "Stock Price Agent" → "Stock_Price_Agent.run", as Agno names its run spans. */
export function runSpanName(name: string): string {
  return `${name.replace(/ /g, '_')}.run`;
}

// ---------------------------------------------------------------------------------------------
// Wire formatting.

/**
 * `json.dumps` as Python writes it (", " and ": " separators), because the server stores the
 * strings Agno produced in Python. Payloads are shallow, so recursion is fine here.
 */
export function pyJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return JSON.stringify(value);
  }
  // Plain loops and concatenation: this runs ~10 times per span on 100k-span traces.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ', ' : '') + pyJson(value[i]);
    return `${out}]`;
  }
  if (typeof value === 'object') {
    let out = '{';
    let first = true;
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const item = record[key];
      if (item === undefined) continue;
      out += `${first ? '' : ', '}${JSON.stringify(key)}: ${pyJson(item)}`;
      first = false;
    }
    return `${out}}`;
  }
  return 'null'; // functions and symbols: not in our payloads
}

/** The server's duration text: whole milliseconds under a second, else seconds with 2 decimals. */
export function formatWireDuration(durationUs: number): string {
  const ms = Math.floor(durationUs / 1000);
  return ms < 1000 ? `${ms}ms` : `${(ms / 1000).toFixed(2)}s`;
}

export type ZoneSuffix = '+00:00' | 'Z';

/**
 * ISO 8601 with microseconds, like Python's `isoformat()`: the fraction is left out when it is
 * zero. `withFraction: false` gives `created_at`, stored in whole seconds.
 */
export function formatWireTime(epochUs: number, zone: ZoneSuffix, withFraction = true): string {
  const seconds = Math.floor(epochUs / 1_000_000);
  const micros = epochUs - seconds * 1_000_000;
  // The date part comes from a one-entry cache: 100k-span traces format 200k times.
  const day = Math.floor(seconds / 86_400);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDayPrefix = new Date(day * 86_400_000).toISOString().slice(0, 11);
  }
  const secondOfDay = seconds - day * 86_400;
  const hh = TWO_DIGITS[Math.floor(secondOfDay / 3600)] ?? '00';
  const mm = TWO_DIGITS[Math.floor(secondOfDay / 60) % 60] ?? '00';
  const ss = TWO_DIGITS[secondOfDay % 60] ?? '00';
  const fraction = withFraction && micros > 0 ? `.${String(micros).padStart(6, '0')}` : '';
  return `${cachedDayPrefix}${hh}:${mm}:${ss}${fraction}${zone}`;
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
let cachedDay = Number.NaN;
let cachedDayPrefix = '';

export function makeLongText(bytes: number): string {
  return LOREM.repeat(Math.ceil(bytes / LOREM.length)).slice(0, bytes);
}

// ---------------------------------------------------------------------------------------------
// The generator.

export type TraceKind = 'agent' | 'team' | 'workflow';

export interface GenerateTraceOptions {
  seed: number;
  kind?: TraceKind;
  /** Nodes in `tree` (orphan roots included). Default: a realistic 3–80. Max 100,000. */
  spanCount?: number;
  /** Start of the root span, epoch milliseconds. */
  startMs: number;
  traceId?: string;
  /** Fail the run: one span errors and every ancestor up to the root is ERROR. Default: 10%. */
  error?: boolean;
  /** Root status UNSET (neither OK nor ERROR), as some runs are. Ignored when `error`. */
  unset?: boolean;
  agentId?: string;
  teamId?: string;
  workflowId?: string;
  runId?: string;
  /** `null` leaves the field out. */
  sessionId?: string | null;
  userId?: string | null;
  /** Spans counted in `total_spans` but missing from the tree. Default: rarely 1–2 on small traces. */
  droppedSpans?: number;
  /** Extra roots whose parent was never exported. Default: 5% of traces get one. */
  orphanRoots?: number;
  /** Put one payload of this many bytes (e.g. several MB) on a span. */
  largePayloadBytes?: number;
  zone?: ZoneSuffix;
}

type SpanStatus = 'OK' | 'ERROR' | 'UNSET';
type Role =
  'agent' | 'team' | 'workflow' | 'delegate' | 'container' | 'loop' | 'retriever' | 'leaf';

interface Draft {
  parent: number;
  type: string;
  name: string;
  role: Role;
  /** Nodes in this subtree, itself included: what the expansion must produce exactly. */
  budget: number;
  stepType?: string;
  agent?: AgentProfile;
  team?: TeamProfile;
  task?: string;
  answer?: string;
  /** On the path to the span that fails the run. */
  failing: boolean;
  /** Starts together with the previous sibling (parallel tool calls, concurrent loop items). */
  parallel: boolean;
  durUs: number;
  relUs: number;
  startUs: number;
  status: SpanStatus;
  input?: string;
  output?: string;
  metadata?: Record<string, unknown>;
  children: number[];
  /** Tool profile of a TOOL leaf, used for errors and large payloads. */
  toolName?: string;
}

interface Builder {
  r: Random;
  vars: Vars;
  tool: ToolContext;
  drafts: Draft[];
  stack: number[];
  sessionId?: string;
  userId?: string;
  /** Tool spans are UNSET this often: some instrumentations never set a status. */
  unsetToolRate: number;
}

const MODELS = ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1', 'claude-sonnet-4', 'gemini-2.5-pro', 'o3-mini'];
const USERS_FALLBACK = ['ana@example.com', 'li.wei@example.com', 'sam@example.org'];
const MAX_SPANS = 100_000;

function makeVars(r: Random): Vars {
  const [company, symbol] = r.pick(COMPANIES);
  let other = r.pick(COMPANIES);
  if (other[1] === symbol)
    other = COMPANIES[(COMPANIES.indexOf(other) + 1) % COMPANIES.length] ?? other;
  const up = r.chance(0.6);
  return {
    company,
    symbol,
    company2: other[0],
    symbol2: other[1],
    price: money(r, 40, 900),
    pct: r.float(0.3, 6.5).toFixed(1),
    dir: up ? 'up' : 'down',
    mood: up ? 'upbeat' : 'cautious',
    topic: r.pick(TOPICS),
    order: `ORD-${r.int(100000, 999999)}`,
    table: r.pick(TABLES),
    month: r.pick(MONTHS),
    q: String(r.int(1, 4)),
    email: r.pick(USERS_FALLBACK),
    date: `2025-11-${r.int(10, 28)}`,
    n: String(r.int(1, 5000)),
    industry: r.pick(['Software', 'Logistics', 'Retail', 'Energy', 'Biotech']),
    band: r.pick(['11-50', '51-200', '201-1000', '1000+']),
    city: r.pick(['Berlin', 'Austin', 'Lagos', 'Singapore', 'São Paulo', 'Toronto']),
  };
}

function newDraft(
  b: Builder,
  parent: number,
  fields: Partial<Draft> & Pick<Draft, 'type' | 'name' | 'role' | 'budget'>,
): number {
  const index = b.drafts.length;
  b.drafts.push({
    parent,
    failing: false,
    parallel: false,
    durUs: 0,
    relUs: 0,
    startUs: 0,
    status: 'OK',
    children: [],
    ...fields,
  });
  if (parent >= 0) b.drafts[parent]?.children.push(index);
  if (fields.role !== 'leaf' && fields.budget > 1) b.stack.push(index);
  return index;
}

function draftAt(b: Builder, index: number): Draft {
  const d = b.drafts[index];
  if (d === undefined) throw new Error(`No draft ${index}`);
  return d;
}

/** Split `total` into chunks of `min`..`max` (the last one may run over `max` a little). */
function chunks(r: Random, total: number, min: number, max: number): number[] {
  const out: number[] = [];
  let left = total;
  while (left > 0) {
    if (left <= max) {
      const last = out.length - 1;
      if (left >= min || last < 0) out.push(left);
      else out[last] = (out[last] ?? 0) + left;
      break;
    }
    const size = r.int(min, max);
    out.push(size);
    left -= size;
  }
  return out;
}

/** `total` split over `weights`, each part at least `min` (callers guarantee total ≥ n·min). */
function splitByWeights(total: number, weights: number[], min: number): number[] {
  const base = weights.map(() => min);
  let rest = total - min * weights.length;
  const sum = weights.reduce((a, w) => a + w, 0) || 1;
  const parts = base.map((p, i) => {
    const extra = Math.floor((rest * (weights[i] ?? 0)) / sum);
    return p + extra;
  });
  rest = total - parts.reduce((a, p) => a + p, 0);
  let heaviest = 0;
  weights.forEach((w, i) => {
    if (w > (weights[heaviest] ?? 0)) heaviest = i;
  });
  parts[heaviest] = (parts[heaviest] ?? 0) + rest;
  return parts;
}

function leafDurationUs(r: Random, type: string, fast = false): number {
  switch (type) {
    case 'LLM':
      return r.chance(0.1) ? r.int(3_000_000, 14_000_000) : r.int(350_000, 2_800_000);
    case 'TOOL':
      if (fast || r.chance(0.12)) return r.int(15, 950); // sub-millisecond: "0ms"
      return r.chance(0.1) ? r.int(1_000_000, 4_500_000) : r.int(20_000, 900_000);
    case 'EMBEDDING':
      return r.int(40_000, 260_000);
    case 'GUARDRAIL':
      return r.int(300, 40_000);
    default:
      return r.int(50, 20_000);
  }
}

function messageJson(role: string, content: string): string {
  return pyJson({ role, content });
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}...`;
}

function addToolLeaf(
  b: Builder,
  parent: number,
  tool: ToolProfile,
  parallel: boolean,
  args?: Record<string, unknown>,
): { index: number; callJson: string; result: string; callId: string } {
  const r = b.r;
  const toolArgs = args ?? tool.args(b.tool);
  const argsJson = pyJson(toolArgs);
  const result = tool.result(b.tool, toolArgs);
  const callId = `call_${r.id(12)}`;
  const index = newDraft(b, parent, {
    type: 'TOOL',
    name: tool.name,
    role: 'leaf',
    budget: 1,
    parallel,
    durUs: leafDurationUs(r, 'TOOL', tool.fast),
    status: r.chance(b.unsetToolRate) ? 'UNSET' : 'OK',
    input: argsJson,
    output: result,
    metadata: { tool_name: tool.name, parameters: argsJson },
    toolName: tool.name,
  });
  const callJson = pyJson({
    id: callId,
    type: 'function',
    function: { name: tool.name, arguments: argsJson },
  });
  return { index, callJson, result, callId };
}

function addLlm(b: Builder, parent: number, model: string, inputJson: string): number {
  const r = b.r;
  return newDraft(b, parent, {
    type: 'LLM',
    name: `${model}.invoke`,
    role: 'leaf',
    budget: 1,
    durUs: leafDurationUs(r, 'LLM'),
    input: inputJson,
    metadata: { model, input_tokens: Math.round(inputJson.length / 3.6) + r.int(20, 400) },
  });
}

function setLlmOutput(b: Builder, index: number, output: string): void {
  const d = draftAt(b, index);
  d.output = output;
  if (d.metadata)
    d.metadata.output_tokens = Math.max(1, Math.round(output.length / 3.8) + b.r.int(0, 30));
}

type Slot = { kind: 'leaf' } | { kind: 'delegate'; budget: number };

/**
 * The loop every agent and team leader runs: model call → tool calls (in parallel) → model call…
 * Produces exactly `flat` model/tool leaves plus one delegation subtree per `delegations` budget.
 */
function runModelLoop(b: Builder, parent: number, flat: number, delegations: number[]): void {
  const r = b.r;
  const owner = draftAt(b, parent);
  const profile = owner.agent ?? owner.team;
  if (!profile) throw new Error('runModelLoop needs an agent or team');
  const model = profile.model;
  const systemJson = messageJson('system', profile.instructions);
  const userJson = messageJson('user', owner.task ?? '');
  const pending = delegations.slice();
  let history: string[] = [];
  let left = flat;
  let first = true;
  const endWithTool = owner.failing && profile.tools.length > 0 && r.chance(0.5);

  for (;;) {
    const llm = addLlm(b, parent, model, `[${[systemJson, userJson, ...history].join(', ')}]`);
    if (first && owner.parent < 0 && (b.sessionId || b.userId) && r.chance(0.5)) {
      const meta = draftAt(b, llm).metadata;
      if (meta && b.sessionId) meta.session_id = b.sessionId;
      if (meta && b.userId) meta.user_id = b.userId;
    }
    first = false;
    left -= 1;
    if (left === 0 && pending.length === 0) {
      setLlmOutput(b, llm, owner.answer ?? '');
      if (owner.failing) draftAt(b, llm).failing = true;
      return;
    }

    // The batch of tool calls this model call asks for.
    const slots: Slot[] = [];
    if (owner.failing && pending.length === 0 && left === 1 && endWithTool) {
      slots.push({ kind: 'leaf' });
    } else if (left === 1) {
      // Only the final model call is left: every pending delegation goes in this batch.
      for (const budget of pending.splice(0)) slots.push({ kind: 'delegate', budget });
    } else {
      const k = r.int(1, 3);
      let leaves = 0;
      for (let s = 0; s < k; s++) {
        const delegateOdds = pending.length / Math.max(1, (left - leaves) * 0.6);
        if (pending.length > 0 && r.next() < delegateOdds) {
          slots.push({ kind: 'delegate', budget: pending.shift() ?? 3 });
        } else if (left - leaves >= 2) {
          slots.push({ kind: 'leaf' });
          leaves += 1;
        }
      }
      // After this batch only the final model call may be left: flush pending delegations.
      if (left - leaves === 1)
        for (const budget of pending.splice(0)) slots.push({ kind: 'delegate', budget });
    }

    if (slots.length === 0) {
      setLlmOutput(
        b,
        llm,
        r.pick([
          'Let me check that before answering.',
          'I need one more detail first.',
          'Thinking about the best tool for this.',
        ]),
      );
      continue;
    }

    const calls: string[] = [];
    const toolMessages: string[] = [];
    // Calls in one batch use different tools, as models rarely repeat a call in parallel.
    const firstTool = r.int(0, profile.tools.length - 1);
    slots.forEach((slot, s) => {
      const parallel = s > 0;
      if (slot.kind === 'leaf') {
        const tool = profile.tools[(firstTool + s) % profile.tools.length] as ToolProfile;
        const call = addToolLeaf(b, parent, tool, parallel);
        calls.push(call.callJson);
        toolMessages.push(
          pyJson({ role: 'tool', tool_call_id: call.callId, content: truncate(call.result, 160) }),
        );
        left -= 1;
        if (left === 0) draftAt(b, call.index).failing = owner.failing;
      } else {
        const call = addDelegation(b, parent, slot.budget, parallel);
        calls.push(call.callJson);
        toolMessages.push(
          pyJson({ role: 'tool', tool_call_id: call.callId, content: truncate(call.result, 160) }),
        );
      }
    });
    const assistantJson = `{"role": "assistant", "tool_calls": [${calls.join(', ')}]}`;
    setLlmOutput(b, llm, assistantJson);
    // Keep only the last exchange: real prompts grow, but a bounded history keeps 100k-span
    // traces at a realistic few hundred bytes to a few KB per span.
    history = [assistantJson, ...toolMessages];
    if (left === 0) return;
  }
}

/** A TOOL call that hands a task to another agent (team member or agent-as-tool). */
function addDelegation(
  b: Builder,
  parent: number,
  budget: number,
  parallel: boolean,
): { callJson: string; result: string; callId: string } {
  const r = b.r;
  const owner = draftAt(b, parent);
  let member: AgentProfile;
  if (owner.team) {
    member = mustGet(agentById, r.pick(owner.team.members));
  } else {
    const others = AGENTS.filter((a) => a.id !== owner.agent?.id);
    member = r.pick(others);
  }
  const task = fill(r.pick(member.prompts), b.vars);
  const answer = fill(r.pick(member.answers), b.vars);
  const args = owner.team
    ? { member_id: member.id, task, expected_output: 'A concise answer with sources.' }
    : { question: task };
  const name = owner.team ? 'delegate_task_to_member' : `ask_${member.id}`;
  const argsJson = pyJson(args);
  const callId = `call_${r.id(12)}`;
  const tool = newDraft(b, parent, {
    type: 'TOOL',
    name,
    role: 'delegate',
    budget,
    parallel,
    input: argsJson,
    output: answer,
    metadata: { tool_name: name, parameters: argsJson },
    toolName: name,
  });
  if (budget > 1) {
    newDraft(b, tool, {
      type: 'AGENT',
      name: runSpanName(member.name),
      role: 'agent',
      budget: budget - 1,
      agent: member,
      task,
      answer,
      input: task,
      output: answer,
      metadata: { run_id: r.uuid() },
    });
  }
  const callJson = pyJson({
    id: callId,
    type: 'function',
    function: { name, arguments: argsJson },
  });
  return { callJson, result: answer, callId };
}

function expandAgent(b: Builder, index: number): void {
  const r = b.r;
  const d = draftAt(b, index);
  const profile = d.agent;
  if (!profile) return;
  let rem = d.budget - 1;
  if (rem <= 0) return;

  if (rem >= 4 && r.chance(0.08)) {
    newDraft(b, index, {
      type: 'GUARDRAIL',
      name: r.pick(['PII_Guardrail.check', 'Prompt_Injection_Guardrail.check']),
      role: 'leaf',
      budget: 1,
      durUs: leafDurationUs(r, 'GUARDRAIL'),
      status: r.chance(0.7) ? 'UNSET' : 'OK',
      input: d.task,
      output: '{"passed": true}',
    });
    rem -= 1;
  }
  if (rem >= 5 && profile.hasKnowledge && r.chance(0.3)) {
    newDraft(b, index, {
      type: 'RETRIEVER',
      name: 'Knowledge.search',
      role: 'retriever',
      budget: 2,
      status: r.chance(0.8) ? 'UNSET' : 'OK',
      input: d.task,
      output: pyJson([
        {
          name: 'kb/overview.md',
          content: `Background on ${b.vars.topic ?? 'the topic'}.`,
          score: 0.82,
        },
        {
          name: 'kb/faq.md',
          content: 'Frequently asked questions and their answers.',
          score: 0.71,
        },
      ]),
    });
    rem -= 2;
  }

  const delegations: number[] = [];
  if (rem > 400) {
    // A long tool loop that also hands sub-tasks to other agents: realistic depth for big runs.
    const flat = Math.max(2, Math.floor(rem * r.float(0.15, 0.35)));
    delegations.push(...chunks(r, rem - flat, 60, 350));
  } else if (rem >= 14 && r.chance(0.2)) {
    delegations.push(r.int(3, Math.floor(rem / 3)));
  }
  const flat = rem - delegations.reduce((a, n) => a + n, 0);
  runModelLoop(b, index, flat, delegations);
}

function expandTeam(b: Builder, index: number): void {
  const r = b.r;
  const d = draftAt(b, index);
  const rem = d.budget - 1;
  if (rem <= 0) return;
  if (rem < 5) {
    runModelLoop(b, index, rem, []);
    return;
  }
  let delegations: number[];
  let flat: number;
  if (rem > 400) {
    flat = Math.ceil(rem / 400) + 1;
    delegations = chunks(r, rem - flat, 60, 350);
  } else {
    flat = 2 + (rem > 12 && r.chance(0.4) ? 1 : 0);
    const delegTotal = rem - flat;
    const count = Math.max(1, Math.min(r.int(1, 3), Math.floor(delegTotal / 3)));
    delegations = splitByWeights(
      delegTotal,
      Array.from({ length: count }, () => r.float(0.5, 1.5)),
      3,
    );
  }
  runModelLoop(b, index, flat, delegations);
}

function expandContainer(b: Builder, index: number): void {
  // Condition / Step: a CHAIN span around one agent run.
  const d = draftAt(b, index);
  const profile = d.agent;
  if (!profile || d.budget <= 1) return;
  newDraft(b, index, {
    type: 'AGENT',
    name: runSpanName(profile.name),
    role: 'agent',
    budget: d.budget - 1,
    agent: profile,
    task: d.task,
    answer: d.answer,
    input: d.task,
    output: d.answer,
    metadata: { run_id: b.r.uuid() },
    failing: d.failing,
  });
}

function expandLoop(b: Builder, index: number): void {
  const r = b.r;
  const d = draftAt(b, index);
  const profile = d.agent;
  if (!profile || d.budget <= 1) return;
  const items = d.budget - 1 <= 30 ? [d.budget - 1] : chunks(r, d.budget - 1, 30, 250);
  // Items run a few at a time, like a Loop or Parallel step with a concurrency limit.
  const concurrency = r.int(3, 8);
  items.forEach((budget, i) => {
    const vars: Vars = { ...b.vars, n: String(i + 1) };
    const [company, symbol] = r.pick(COMPANIES);
    vars.company = company;
    vars.symbol = symbol;
    const task = fill(r.pick(profile.prompts), vars);
    const answer = fill(r.pick(profile.answers), vars);
    newDraft(b, index, {
      type: 'AGENT',
      name: runSpanName(profile.name),
      role: 'agent',
      budget,
      agent: profile,
      task,
      answer,
      input: task,
      output: answer,
      metadata: { run_id: r.uuid() },
      parallel: i % concurrency !== 0,
      failing: d.failing && i === items.length - 1,
    });
  });
}

function expandRetriever(b: Builder, index: number): void {
  newDraft(b, index, {
    type: 'EMBEDDING',
    name: 'text-embedding-3-small.embed',
    role: 'leaf',
    budget: 1,
    durUs: leafDurationUs(b.r, 'EMBEDDING'),
    status: b.r.chance(0.8) ? 'UNSET' : 'OK',
    input: draftAt(b, index).input,
  });
}

function expandWorkflow(b: Builder, index: number, workflow: WorkflowProfile): void {
  const r = b.r;
  const d = draftAt(b, index);
  const rem = d.budget - 1;
  if (rem <= 0) return;
  const steps = workflow.steps.slice(0, Math.min(workflow.steps.length, rem));
  const isFunction = steps.map((s) => s.type === 'function');
  const functionCount = isFunction.filter(Boolean).length;
  const absorbing = steps.length - functionCount;
  let budgets: number[];
  if (absorbing === 0) {
    budgets = steps.map(() => 1);
  } else {
    const weights = steps
      .filter((s) => s.type !== 'function')
      .map((s) => (s.type === 'Loop' ? 50 : r.float(0.5, 1.5)));
    const shares = splitByWeights(rem - functionCount, weights, 1);
    let k = 0;
    budgets = steps.map((s) => (s.type === 'function' ? 1 : (shares[k++] ?? 1)));
  }

  let input = d.task ?? '';
  steps.forEach((step, i) => {
    const budget = budgets[i] ?? 1;
    const failing = d.failing && i === steps.length - 1;
    const common = { stepType: step.type, budget, failing };
    if (
      step.type === 'function' ||
      ((step.type === 'Condition' || step.type === 'Step') && budget === 1)
    ) {
      const tool = FUNCTION_TOOLS[step.name] ?? { ...TOOLS.think, name: step.name };
      const args = tool.args(b.tool);
      const argsJson = pyJson(args);
      const output = tool.result(b.tool, args);
      newDraft(b, index, {
        ...common,
        type: 'TOOL',
        name: step.name,
        role: 'leaf',
        budget: 1,
        durUs: leafDurationUs(r, 'TOOL'),
        input: argsJson,
        output,
        metadata: { tool_name: step.name, parameters: argsJson },
        toolName: step.name,
      });
      input = output;
      return;
    }
    if (step.type === 'Team') {
      const team = mustGet(teamById, step.runs);
      const answer = fill(r.pick(team.answers), b.vars);
      newDraft(b, index, {
        ...common,
        type: 'TEAM',
        name: runSpanName(team.name),
        role: 'team',
        team,
        task: truncate(input, 2000),
        answer,
        input: truncate(input, 2000),
        output: answer,
        metadata: { run_id: r.uuid() },
      });
      input = answer;
      return;
    }
    const agent = mustGet(agentById, step.runs);
    const answer =
      step.type === 'Loop'
        ? `Processed ${budget} spans of work.`
        : fill(r.pick(agent.answers), b.vars);
    const task = truncate(input, 2000);
    if (step.type === 'Agent') {
      newDraft(b, index, {
        ...common,
        type: 'AGENT',
        name: runSpanName(agent.name),
        role: 'agent',
        agent,
        task,
        answer,
        input: task,
        output: answer,
        metadata: { run_id: r.uuid() },
      });
    } else {
      newDraft(b, index, {
        ...common,
        type: 'CHAIN',
        name: step.name,
        role: step.type === 'Loop' ? 'loop' : 'container',
        agent,
        task,
        answer,
        input: task,
        output: answer,
      });
    }
    input = answer;
  });
}

function defaultSpanCount(r: Random, kind: TraceKind): number {
  const skew = r.next() ** 2; // most runs are small
  if (kind === 'agent') return 3 + Math.floor(skew * 30);
  if (kind === 'team') return 6 + Math.floor(skew * 50);
  return 6 + Math.floor(skew * 74);
}

const LLM_ERRORS = [
  "RateLimitError: Error code: 429 - {'error': {'message': 'Rate limit reached for requests', 'type': 'requests', 'code': 'rate_limit_exceeded'}}",
  'APITimeoutError: Request timed out.',
  "BadRequestError: Error code: 400 - This model's maximum context length is 128000 tokens. However, your messages resulted in 131072 tokens.",
  "InternalServerError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error', 'message': 'Overloaded'}}",
];
const TOOL_ERRORS = [
  "ConnectionError: HTTPSConnectionPool(host='api.example.com', port=443): Max retries exceeded with url: /v1/data",
  'TimeoutError: {tool} timed out after 30s',
  "ValueError: Unknown ticker symbol 'XYZQ'",
  'FactCheckError: source https://example.org/sources returned 503',
  'psycopg.errors.UndefinedTable: relation "orders_2024" does not exist',
  'PermissionError: [Errno 13] Permission denied: /data/exports/latest.csv',
];

/** Generate one trace. Same options → the same trace, byte for byte. */
export function generateTrace(options: GenerateTraceOptions): TraceDetail {
  const r = createRandom(options.seed);
  const vars = makeVars(r);
  let kind: TraceKind;
  if (options.kind) kind = options.kind;
  else if (options.agentId) kind = 'agent';
  else if (options.teamId) kind = 'team';
  else if (options.workflowId) kind = 'workflow';
  else if ((options.spanCount ?? 0) > 1500) kind = 'workflow';
  else kind = r.chance(0.6) ? 'agent' : r.chance(0.5) ? 'team' : 'workflow';

  const spanCount = Math.max(
    1,
    Math.min(MAX_SPANS, Math.floor(options.spanCount ?? defaultSpanCount(r, kind))),
  );
  const orphans = Math.min(
    spanCount - 1,
    options.orphanRoots ?? (spanCount >= 6 && r.chance(0.05) ? 1 : 0),
  );
  const dropped =
    options.droppedSpans ?? (options.spanCount === undefined && r.chance(0.04) ? r.int(1, 2) : 0);
  const failing = options.error ?? r.chance(0.1);
  const unset = !failing && (options.unset ?? false);
  const zone: ZoneSuffix = options.zone ?? (r.chance(0.2) ? 'Z' : '+00:00');
  const sessionId =
    options.sessionId === null
      ? undefined
      : (options.sessionId ?? (r.chance(0.95) ? r.uuid() : undefined));
  const userId =
    options.userId === null
      ? undefined
      : (options.userId ?? (r.chance(0.8) ? r.pick(USERS_FALLBACK) : undefined));
  if (userId) vars.email = userId;

  const b: Builder = {
    r,
    vars,
    tool: { r, vars, longOutputs: { left: 2 } },
    drafts: [],
    stack: [],
    sessionId,
    userId,
    unsetToolRate: r.chance(0.3) ? 0.1 : 0,
  };
  const mainBudget = spanCount - orphans;
  const ids: { agent_id?: string; team_id?: string; workflow_id?: string } = {};
  let workflow: WorkflowProfile | undefined;
  let rootIndex: number;
  let task: string;
  let answer: string;

  if (kind === 'agent') {
    const agent = options.agentId
      ? mustGet(agentById, options.agentId)
      : r.pick(AGENTS.filter((a) => a.id !== 'enrichment_agent'));
    task = fill(r.pick(agent.prompts), vars);
    answer = fill(r.pick(agent.answers), vars);
    ids.agent_id = agent.id;
    rootIndex = newDraft(b, -1, {
      type: 'AGENT',
      name: runSpanName(agent.name),
      role: 'agent',
      budget: mainBudget,
      agent,
      task,
      answer,
    });
  } else if (kind === 'team') {
    const team = options.teamId ? mustGet(teamById, options.teamId) : r.pick(TEAMS);
    task = fill(r.pick(team.prompts), vars);
    answer = fill(r.pick(team.answers), vars);
    ids.team_id = team.id;
    rootIndex = newDraft(b, -1, {
      type: 'TEAM',
      name: runSpanName(team.name),
      role: 'team',
      budget: mainBudget,
      team,
      task,
      answer,
    });
  } else {
    workflow = options.workflowId
      ? mustGet(workflowById, options.workflowId)
      : mainBudget > 400
        ? mustGet(workflowById, 'batch-enrichment')
        : r.pick(WORKFLOWS.filter((w) => w.id !== 'batch-enrichment'));
    task = fill(r.pick(workflow.prompts), vars);
    answer = fill(r.pick(workflow.answers), vars);
    ids.workflow_id = workflow.id;
    rootIndex = newDraft(b, -1, {
      type: 'WORKFLOW',
      name: runSpanName(workflow.name),
      role: 'workflow',
      budget: mainBudget,
      task,
      answer,
    });
  }
  draftAt(b, rootIndex).failing = failing;

  // Expand depth-first with an explicit stack: each node produces exactly its budget.
  for (let index = b.stack.pop(); index !== undefined; index = b.stack.pop()) {
    const d = draftAt(b, index);
    if (d.role === 'agent') expandAgent(b, index);
    else if (d.role === 'team') expandTeam(b, index);
    else if (d.role === 'workflow' && workflow) expandWorkflow(b, index, workflow);
    else if (d.role === 'loop') expandLoop(b, index);
    else if (d.role === 'container') expandContainer(b, index);
    else if (d.role === 'retriever') expandRetriever(b, index);
    // 'delegate' tools got their AGENT child when they were created.
  }

  // Orphans: spans whose parent was never exported. The server shows them as extra roots.
  for (let o = 0; o < orphans; o++) {
    const isLlm = r.chance(0.5);
    const model = r.pick(MODELS);
    newDraft(b, -1, {
      type: isLlm ? 'LLM' : 'TOOL',
      name: isLlm
        ? `${model}.invoke`
        : r.pick(['get_current_stock_price', 'duckduckgo_search', 'run_sql_query']),
      role: 'leaf',
      budget: 1,
      durUs: leafDurationUs(r, isLlm ? 'LLM' : 'TOOL'),
      metadata: isLlm
        ? { model, input_tokens: r.int(100, 900), output_tokens: r.int(10, 200) }
        : undefined,
    });
  }

  if (options.largePayloadBytes && options.largePayloadBytes > 0) {
    const target =
      b.drafts.find((d) => d.type === 'TOOL' && d.role === 'leaf' && !d.failing && d.parent >= 0) ??
      b.drafts.find((d) => d.parent >= 0 && !d.failing && d.children.length === 0);
    const text = makeLongText(options.largePayloadBytes);
    if (target) target.output = text;
    else answer = text;
  }

  return finishTrace(b, {
    traceId: options.traceId ?? r.id(32),
    startUs: Math.round(options.startMs * 1000) + r.int(0, 999),
    zone,
    task,
    answer,
    unset,
    dropped,
    runId: options.runId ?? r.uuid(),
    sessionId,
    userId,
    ids,
    workflow,
  });
}

interface FinishOptions {
  traceId: string;
  startUs: number;
  zone: ZoneSuffix;
  task: string;
  answer: string;
  unset: boolean;
  dropped: number;
  runId: string;
  sessionId?: string;
  userId?: string;
  ids: { agent_id?: string; team_id?: string; workflow_id?: string };
  workflow?: WorkflowProfile;
}

/** Timing, statuses and the wire objects: shared by both generators. */
function finishTrace(b: Builder, f: FinishOptions): TraceDetail {
  const { r, drafts } = b;
  const n = drafts.length;

  // Durations bottom-up: children always have higher indices than their parent.
  for (let i = n - 1; i >= 0; i--) {
    const d = drafts[i] as Draft;
    if (d.children.length === 0) {
      if (d.durUs === 0) d.durUs = leafDurationUs(r, d.type);
      continue;
    }
    let groupEnd = r.int(200, 8000);
    let prevRel = groupEnd;
    d.children.forEach((c, k) => {
      const child = drafts[c] as Draft;
      child.relUs =
        k > 0 && child.parallel ? prevRel + r.int(20, 1200) : groupEnd + r.int(100, 3000);
      groupEnd = Math.max(groupEnd, child.relUs + child.durUs);
      prevRel = child.relUs;
    });
    d.durUs = groupEnd + r.int(100, 5000);
  }

  // Start times top-down, with a rare small clock skew below the root's own children.
  const roots: number[] = [];
  let rootEndUs = f.startUs;
  for (let i = 0; i < n; i++) {
    const d = drafts[i] as Draft;
    if (d.parent < 0) {
      roots.push(i);
      if (i === 0) {
        d.startUs = f.startUs;
        rootEndUs = f.startUs + d.durUs;
      } else {
        // Orphans happened somewhere inside the run.
        const room = Math.max(0, rootEndUs - f.startUs - d.durUs);
        d.startUs = f.startUs + r.int(0, room);
      }
      continue;
    }
    const parent = drafts[d.parent] as Draft;
    d.startUs = parent.startUs + d.relUs;
    if (parent.parent >= 0 && r.chance(0.003)) d.startUs -= r.int(300, 4000);
  }

  // The failing path: the deepest failing node carries the cause; every ancestor is ERROR too.
  let errorMessage: string | undefined;
  let errorCount = 0;
  let cause = -1;
  for (let i = 0; i < n; i++) if ((drafts[i] as Draft).failing) cause = i;
  if (cause >= 0) {
    const origin = drafts[cause] as Draft;
    errorMessage =
      origin.type === 'LLM'
        ? r.pick(LLM_ERRORS)
        : origin.type === 'TOOL'
          ? r.pick(TOOL_ERRORS).replace('{tool}', origin.name)
          : `RuntimeError: ${origin.name} failed`;
    if (origin.type === 'LLM' && origin.metadata) delete origin.metadata.output_tokens;
    for (let i = cause; i >= 0; i = (drafts[i] as Draft).parent) {
      const d = drafts[i] as Draft;
      d.status = 'ERROR';
      delete d.output;
      errorCount += 1;
    }
  }

  let totalIn = 0;
  let totalOut = 0;
  for (const d of drafts) {
    if (d.type !== 'LLM' || !d.metadata) continue;
    totalIn += Number(d.metadata.input_tokens ?? 0);
    totalOut += Number(d.metadata.output_tokens ?? 0);
  }
  const totals: Record<string, unknown> = {};
  if (totalIn > 0) totals.total_input_tokens = totalIn;
  if (totalOut > 0) totals.total_output_tokens = totalOut;

  const root = drafts[0] as Draft;
  if (cause < 0 && f.unset) root.status = 'UNSET';

  // Wire nodes, then children attached in start order.
  const nodes: TraceNode[] = new Array<TraceNode>(n);
  for (let i = 0; i < n; i++) {
    const d = drafts[i] as Draft;
    const isRoot = d.parent < 0;
    const endUs = d.startUs + d.durUs;
    const node: TraceNode = {
      id: r.id(16),
      name: d.name,
      type: d.type,
      ...(d.stepType ? { step_type: d.stepType } : {}),
      duration: formatWireDuration(d.durUs),
      start_time: formatWireTime(d.startUs, f.zone),
      end_time: formatWireTime(endUs, f.zone),
      status: d.status,
    };
    if (!isRoot) {
      if (d.input !== undefined) node.input = d.input;
      if (d.status === 'ERROR') node.error = errorMessage ?? 'Error';
      else if (d.output !== undefined) node.output = d.output;
      if (d.metadata && Object.keys(d.metadata).length > 0) node.metadata = d.metadata;
    } else {
      // The server replaces a root's metadata with trace-wide totals and moves its
      // input/output/error up to the TraceDetail.
      const meta: Record<string, unknown> = { ...totals };
      if (i === 0 && f.workflow) {
        meta.description = f.workflow.description;
        meta.steps_count = f.workflow.steps.length;
        meta.steps = f.workflow.steps.map((s) => s.name);
        meta.step_types = f.workflow.steps.map((s) => s.type);
      }
      if (Object.keys(meta).length > 0) node.metadata = meta;
    }
    nodes[i] = node;
  }
  for (let i = 0; i < n; i++) {
    const d = drafts[i] as Draft;
    if (d.children.length === 0) continue;
    const ordered = d.children
      .slice()
      .sort((a, c) => (drafts[a] as Draft).startUs - (drafts[c] as Draft).startUs);
    (nodes[i] as TraceNode).spans = ordered.map((c) => nodes[c] as TraceNode);
  }
  roots.sort((a, c) => (drafts[a] as Draft).startUs - (drafts[c] as Draft).startUs);

  const endUs = root.startUs + root.durUs;
  const detail: TraceDetail = {
    trace_id: f.traceId,
    name: root.name,
    status: root.status,
    duration: formatWireDuration(root.durUs),
    start_time: formatWireTime(root.startUs, f.zone),
    end_time: formatWireTime(endUs, f.zone),
    total_spans: n + f.dropped,
    error_count: errorCount,
  } as TraceDetail;
  if (!f.unset || cause >= 0) detail.input = f.task;
  if (errorMessage !== undefined) detail.error = errorMessage;
  else if (!f.unset) detail.output = f.answer;
  detail.run_id = f.runId;
  if (f.sessionId) detail.session_id = f.sessionId;
  if (f.userId) detail.user_id = f.userId;
  if (f.ids.agent_id) detail.agent_id = f.ids.agent_id;
  if (f.ids.team_id) detail.team_id = f.ids.team_id;
  if (f.ids.workflow_id) detail.workflow_id = f.ids.workflow_id;
  detail.created_at = formatWireTime(endUs, f.zone, false);
  detail.tree = roots.map((i) => nodes[i] as TraceNode);
  return detail;
}

export interface GenerateDeepTraceOptions {
  seed: number;
  /** Levels, root included (1..10,000 and more): one span per level. */
  depth: number;
  startMs: number;
  traceId?: string;
}

/** A chain of agents handing work down, one span per level: for depth edge cases. */
export function generateDeepTrace(options: GenerateDeepTraceOptions): TraceDetail {
  const r = createRandom(options.seed);
  const vars = makeVars(r);
  const depth = Math.max(1, Math.floor(options.depth));
  const b: Builder = {
    r,
    vars,
    tool: { r, vars, longOutputs: { left: 0 } },
    drafts: [],
    stack: [],
    unsetToolRate: 0,
  };
  const agent = mustGet(agentById, 'research_agent');
  const task = `Break "${vars.topic}" into sub-questions, recursively, until each can be answered directly.`;
  const answer = `All ${depth} levels answered.`;
  for (let level = 0; level < depth; level++) {
    const parent = level - 1;
    const last = level === depth - 1;
    const fields: Partial<Draft> & Pick<Draft, 'type' | 'name' | 'role' | 'budget'> = last
      ? {
          type: 'LLM',
          name: `${agent.model}.invoke`,
          role: 'leaf',
          budget: 1,
          input: `[${messageJson('user', `Answer sub-question ${level}.`)}]`,
          output: `Answer to sub-question ${level}.`,
          metadata: {
            model: agent.model,
            input_tokens: r.int(50, 400),
            output_tokens: r.int(10, 120),
          },
        }
      : level % 2 === 0
        ? {
            type: 'AGENT',
            name: level === 0 ? 'Recursive_Planner.run' : 'Planner.run',
            role: 'leaf',
            budget: 1,
            input: `Sub-question ${level}`,
            output: `Answer ${level}`,
            metadata: { run_id: r.uuid() },
          }
        : {
            type: 'TOOL',
            name: 'plan_subtask',
            role: 'leaf',
            budget: 1,
            input: pyJson({ level }),
            output: `Answer ${level}`,
            metadata: { tool_name: 'plan_subtask', parameters: pyJson({ level }) },
          };
    newDraft(b, parent, fields);
  }
  for (let i = depth - 1; i >= 0; i--) {
    const d = b.drafts[i] as Draft;
    if (d.children.length === 0) d.durUs = r.int(200_000, 900_000);
  }
  return finishTrace(b, {
    traceId: options.traceId ?? r.id(32),
    startUs: Math.round(options.startMs * 1000),
    zone: '+00:00',
    task,
    answer,
    unset: false,
    dropped: 0,
    runId: r.uuid(),
    sessionId: r.uuid(),
    userId: 'ana@example.com',
    ids: { agent_id: 'research_agent' },
  });
}
