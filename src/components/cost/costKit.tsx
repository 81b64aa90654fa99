/**
 * Everything cost and context related that the first paint does without, in one chunk loaded by
 * `useTraceCosts`: the bundled tables, the arithmetic and the components showing the figures.
 */
import { memo, useMemo } from 'react';
import {
  CONTEXT_WARNING_SHARE as CONTEXT_WARNING_SHARE_VALUE,
  formatUsd,
} from '../../domain/trace/pricing/cost';
import { CONTEXT_SOURCE, PRICE_SOURCE } from '../../domain/trace/pricing/modelCatalog';
import {
  PriceState as PriceStateValue,
  type TraceCosts,
} from '../../domain/trace/pricing/traceCosts';
import { repeatsCost } from '../../domain/trace/pricing/repeatsCost';
import type { CostNotes } from './useTraceCosts';
import styles from './costKit.module.css';

export { lookupModel } from '../../domain/trace/pricing/modelCatalog';
export { knownTraceCosts, PriceState, traceCostsScan } from '../../domain/trace/pricing/traceCosts';

type TraceCostsViewLike = { costs: TraceCosts };

export const NOTES: CostNotes = {
  estimate:
    `Estimate at list prices from ${PRICE_SOURCE.name} ${PRICE_SOURCE.version} (data dated ` +
    `${PRICE_SOURCE.date}). The API reports no cached tokens, so cached prompts are priced as ` +
    'uncached.',
  noPrice: `No price: ${PRICE_SOURCE.name} ${PRICE_SOURCE.version} does not list this model (or its id was not recorded), and we do not guess.`,
  window: `Context windows from ${CONTEXT_SOURCE.name}, entries updated up to ${CONTEXT_SOURCE.date}.`,
};

export interface CostFigureProps {
  /** USD; NaN means no price. */
  usd: number;
  /** Calls the sum leaves out because their model has no price. */
  unpricedCalls?: number;
  /** A pill (waterfall rows) rather than inline text. */
  isPill?: boolean;
}

/**
 * An estimated cost: "≈ $0.0123 est.", or "no price" when nothing in it has one. A sum missing
 * some calls says so ("+ 2 unpriced"), so a partial figure never passes for the whole.
 */
export function CostFigure({ usd, unpricedCalls = 0, isPill = false }: CostFigureProps) {
  const className = isPill ? styles.pill : styles.figure;
  if (Number.isNaN(usd) || (usd === 0 && unpricedCalls > 0)) {
    return (
      <span className={`${className} ${styles.noPrice}`} title={NOTES.noPrice}>
        no price
      </span>
    );
  }
  return (
    <span className={className} title={NOTES.estimate}>
      ≈ {formatUsd(usd)} est.
      {unpricedCalls > 0 && (
        <span className={styles.unpriced}> + {unpricedCalls.toLocaleString()} unpriced</span>
      )}
    </span>
  );
}

export interface ContextGaugeProps {
  inputTokens: number;
  /** The model's window in tokens; 0 when the catalogue does not list it. */
  contextWindow: number;
}

/** Input tokens against the model's context window: a bar, the share, and a warning past 80 %. */
export function ContextGauge({ inputTokens, contextWindow }: ContextGaugeProps) {
  if (!(contextWindow > 0) || Number.isNaN(inputTokens)) {
    return (
      <span className="muted" title={NOTES.window}>
        window unknown
      </span>
    );
  }
  const share = inputTokens / contextWindow;
  const percent = share > 0 && share < 0.001 ? '<0.1' : (share * 100).toFixed(1);
  const isHigh = share > CONTEXT_WARNING_SHARE_VALUE;
  return (
    <span className={styles.gauge} title={NOTES.window}>
      {/* Past `low` the browser draws the bar in its warning colour, past `high` in red. */}
      <meter
        className={styles.meter}
        min={0}
        max={contextWindow}
        low={contextWindow * CONTEXT_WARNING_SHARE_VALUE}
        high={contextWindow * 0.95}
        optimum={0}
        value={Math.min(inputTokens, contextWindow)}
        aria-label="Context window used"
        aria-valuetext={`${percent}% of ${contextWindow.toLocaleString()} tokens`}
      />
      <span>
        {percent}% of {contextWindow.toLocaleString()}
      </span>
      {isHigh && (
        <span className={styles.warning} role="note">
          over 80 %: later turns may not fit
        </span>
      )}
    </span>
  );
}

/** A waterfall row's marks for a model call: its cost pill, and a badge past 80 % of the window. */
export const RowCostMarks = memo(function RowCostMarks({
  view,
  index,
}: {
  view: TraceCostsViewLike;
  index: number;
}) {
  const { costs } = view;
  if (costs.priceState[index] === PriceStateValue.NotACall) return null;
  const share = costs.contextShare[index]!;
  return (
    <>
      <CostFigure usd={costs.costUsd[index]!} isPill />
      {share > CONTEXT_WARNING_SHARE_VALUE && (
        <span
          className={styles.contextBadge}
          role="img"
          aria-label={`Context window ${Math.round(share * 100)}% full`}
          title={`Input uses ${Math.round(share * 100)}% of the model's context window. ${NOTES.window}`}
        >
          ⚠ {Math.round(share * 100)}% ctx
        </span>
      )}
    </>
  );
});

export interface RepeatsCostProps {
  /** The repeated calls' groups, span indexes in start order. */
  groups: readonly { spans: readonly number[] }[];
  costs: TraceCosts;
}

/**
 * What the calls after the first of each repeated group cost, when any is a model call. The sum
 * is kept while the groups and costs are: the header re-renders on every selection, and the sum
 * went over every repeated call (15 ms of a click at 100,000 spans).
 */
export function RepeatsCost({ groups, costs }: RepeatsCostProps) {
  const cost = useMemo(() => repeatsCost({ groups }, costs), [groups, costs]);
  if (cost.costUsd === 0 && cost.unpricedCalls === 0) return null;
  return (
    <span title="What the calls after the first of each group cost">
      {' '}
      · repeats <CostFigure usd={cost.costUsd} unpricedCalls={cost.unpricedCalls} />
    </span>
  );
}
