import type { TraceCostsView } from '../../../components/cost/useTraceCosts';
import { Fact } from './Fact';

export interface CostFactsProps {
  view: TraceCostsView;
  index: number;
  inputTokens: number;
  isLlm: boolean;
}

/**
 * The estimated cost of a model call and its context use; for any other span, the cost of the
 * model calls under it. Nothing when there are none.
 */
export function CostFacts({ view, index, inputTokens, isLlm }: CostFactsProps) {
  const { costs, kit } = view;
  if (isLlm && costs.priceState[index] !== kit.PriceState.NotACall) {
    return (
      <>
        <Fact label="Cost">
          <kit.CostFigure usd={costs.costUsd[index]!} />
        </Fact>
        <Fact label="Context">
          <kit.ContextGauge inputTokens={inputTokens} contextWindow={costs.contextWindow[index]!} />
        </Fact>
      </>
    );
  }
  const unpriced = costs.subtreeUnpricedCalls(index);
  const usd = costs.subtreeCostUsd(index);
  if (isLlm || (usd === 0 && unpriced === 0)) return null;
  return (
    <Fact label="Cost of the calls below">
      <kit.CostFigure usd={usd} unpricedCalls={unpriced} />
    </Fact>
  );
}
