import { CopyButton } from '../../components/CopyButton';

const PREVIEW_CHARS = 2_000;

/** The trace's input or output: long text opens collapsed, with its size. */
export function TraceTextBlock({ label, text }: { label: string; text: string }) {
  const isLong = text.length > PREVIEW_CHARS;
  return (
    <section className="text-block" aria-label={`Trace ${label.toLowerCase()}`}>
      <h2>
        {label} <CopyButton text={text} label={`Copy trace ${label.toLowerCase()}`} />
      </h2>
      {isLong ? (
        <details>
          <summary>
            {text.slice(0, 200)}… ({text.length.toLocaleString()} characters, show all)
          </summary>
          <pre>{text}</pre>
        </details>
      ) : (
        <pre>{text}</pre>
      )}
    </section>
  );
}
