/** Longest name an axis label shows; past it the name is cut with an ellipsis. */
const MAX_LABEL_CHARS = 24;

/**
 * A model id short enough for an axis label: without the provider prefix Bedrock puts before it
 * (`us.anthropic.`, `mistral.`) nor its version suffix (`-v1:0`), then cut at 24 characters.
 * The full id stays in tooltips and tables.
 */
export function shortModelName(model: string): string {
  // A prefix is dotted words followed by a letter: `gpt-4.1-mini` keeps its version dot.
  const name = model
    .replace(/^(?:[a-z][a-z0-9-]*\.)+(?=[a-z])/i, '')
    .replace(/-v\d+(?::\d+)?$/, '');
  const short = name === '' ? model : name;
  return short.length > MAX_LABEL_CHARS ? `${short.slice(0, MAX_LABEL_CHARS - 1)}…` : short;
}
