import type { TraceCostsView } from '../../../components/cost/useTraceCosts';
import { Fact } from './Fact';

export interface CostFactsProps {
  view: TraceCostsView;
  index: number;
  inputTokens: number;
  isLlm: boolean;
  factsClassName?: string;
  noteClassName?: string;
}

/**
 * The estimated cost of a model call and its context use; for any other span, the cost of the
 * model calls under it. Nothing when there are none.
 */
export function CostFacts({
  view,
  index,
  inputTokens,
  isLlm,
  factsClassName,
  noteClassName,
}: CostFactsProps) {
  const { costs, kit, notes } = view;
  if (isLlm && costs.isCall[index] === 1) {
    return (
      <section aria-label="Cost and context">
        <dl className={factsClassName}>
          <Fact label="Cost">
            <kit.CostFigure usd={costs.costUsd[index]!} />
          </Fact>
          <Fact label="Context">
            <kit.ContextGauge
              inputTokens={inputTokens}
              contextWindow={costs.contextWindow[index]!}
            />
          </Fact>
        </dl>
        <p className={noteClassName}>{notes.estimate}</p>
      </section>
    );
  }
  const unpriced = costs.subtreeUnpricedCalls(index);
  const usd = costs.subtreeCostUsd(index);
  if (isLlm || (usd === 0 && unpriced === 0)) return null;
  return (
    <section aria-label="Cost">
      <dl className={factsClassName}>
        <Fact label="Cost of the calls below">
          <kit.CostFigure usd={usd} unpricedCalls={unpriced} />
        </Fact>
      </dl>
    </section>
  );
}
