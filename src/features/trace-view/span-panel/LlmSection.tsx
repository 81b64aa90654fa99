import type { TraceNode } from '../../../api/schemas';
import { tokenCount } from '../waterfall/selfTime';
import { Fact } from './Fact';
import { IoSection } from './IoSection';

export interface LlmSectionProps {
  node: TraceNode;
  isRoot: boolean;
}

function tokenText(value: unknown): string {
  if (typeof value === 'number') return value.toLocaleString();
  if (typeof value === 'string' && value !== '') return value;
  return '–';
}

/** An LLM call: model and token counts, then the prompt and the reply (as chat messages when they are). */
export function LlmSection({ node, isRoot }: LlmSectionProps) {
  const metadata = node.metadata ?? {};
  const model = typeof metadata.model === 'string' && metadata.model !== '' ? metadata.model : '–';
  const hasTokens = metadata.input_tokens != null || metadata.output_tokens != null;
  const total = tokenCount(metadata.input_tokens) + tokenCount(metadata.output_tokens);
  return (
    <>
      <section className="span-section" aria-label="LLM call">
        <dl className="facts">
          <Fact label="Model">{model}</Fact>
          <Fact label="Input tokens">{tokenText(metadata.input_tokens)}</Fact>
          <Fact label="Output tokens">{tokenText(metadata.output_tokens)}</Fact>
          <Fact label="Total tokens">{hasTokens ? total.toLocaleString() : '–'}</Fact>
        </dl>
      </section>
      <IoSection node={node} isRoot={isRoot} />
    </>
  );
}
