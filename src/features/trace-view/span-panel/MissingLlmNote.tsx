import type { MissingLlmAttributes, MissingLlmField } from './missingLlmAttributes';

const FIELD_TEXT: Record<MissingLlmField, string> = {
  input: 'the input (prompt)',
  model: 'the model id',
  output: 'the reply (output)',
  'token counts': 'the token counts',
};

function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Says which attributes a model call lacks, and the likely cause when the trace hints at one. */
export function MissingLlmNote({ missing }: { missing: MissingLlmAttributes }) {
  const what = listText(missing.missing.map((field) => FIELD_TEXT[field]));
  const count = missing.messageCount;
  return (
    <p className="span-missing-note" role="note" aria-label="Not recorded">
      <strong>Not recorded:</strong> {what}.{' '}
      {missing.likelyCause === 'attribute-limit' &&
        `This model call carried a long conversation (about ${count?.toLocaleString() ?? 'many'} messages). OpenTelemetry keeps at most 128 attributes per span by default and drops the rest, so that limit is the likely cause.`}
      {missing.likelyCause === 'failed-call' &&
        "A model call that fails (a provider error such as throttling) ends without a reply or token counts; agno then records the provider's error as the run's output, and may leave this span OK."}
      {missing.likelyCause === null && 'The trace does not say why.'}
    </p>
  );
}
