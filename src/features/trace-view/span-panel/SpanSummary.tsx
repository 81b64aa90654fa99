import type { TraceModel } from '../../../domain/trace/traceModel';
import { durationProblem, formatDuration } from '../../../lib/time';
import { useTraceCostsView } from '../traceViewContext';
import { CostFacts } from './CostFacts';
import { Fact } from './Fact';
import type { SpanSectionKind } from './spanSections';
import styles from './SpanSummary.module.css';

export interface SpanSummaryProps {
  tree: TraceModel;
  index: number;
  kind: SpanSectionKind;
}

const REGION_NAME: Record<SpanSectionKind, string> = {
  llm: 'LLM call',
  tool: 'Tool call',
  run: 'Summary',
  workflow: 'Summary',
  generic: 'Summary',
};

/** A count the model read, else what was sent when it is not a count ("n/a"), else "–". */
function tokenText(count: number, sent: unknown): string {
  if (!Number.isNaN(count)) return count.toLocaleString();
  if (typeof sent === 'string' && sent !== '') return sent;
  return '–';
}

/**
 * One or two lines above the content: the duration, and for a model call its model and tokens,
 * for a tool call its tool. The other timing facts and the ids come after the content.
 */
export function SpanSummary({ tree, index, kind }: SpanSummaryProps) {
  const node = tree.nodes[index]!;
  const metadata = node.metadata ?? {};
  const model = kind === 'llm' ? tree.modelLabelOf(index) : null;
  const costs = useTraceCostsView();
  return (
    <>
      <section aria-label={REGION_NAME[kind]}>
        <dl className={styles.facts}>
          <Fact label="Duration" title={durationProblem(tree.startUs[index]!, tree.endUs[index]!)}>
            {formatDuration(tree.durationUs[index]!)}
          </Fact>
          {kind === 'llm' && (
            <>
              <Fact label="Model">
                {model === null ? (
                  '–'
                ) : model.isFromSpanName ? (
                  <>
                    {model.text} <span className="muted">(model id not recorded)</span>
                  </>
                ) : (
                  model.text
                )}
              </Fact>
              <Fact label="Tokens">
                {tokenText(tree.inputTokens[index]!, metadata.input_tokens)} in ·{' '}
                {tokenText(tree.outputTokens[index]!, metadata.output_tokens)} out ·{' '}
                {tokenText(tree.totalTokens[index]!, null)} total
              </Fact>
            </>
          )}
          {kind === 'tool' && <Fact label="Tool">{tree.toolNameOf(index) ?? node.name}</Fact>}
        </dl>
      </section>
      {costs && (
        <CostFacts
          view={costs}
          index={index}
          inputTokens={tree.inputTokens[index]!}
          isLlm={kind === 'llm'}
          factsClassName={styles.facts}
          noteClassName={`muted ${styles.costNote}`}
        />
      )}
    </>
  );
}
