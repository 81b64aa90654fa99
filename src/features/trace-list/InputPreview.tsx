import styles from './InputPreview.module.css';

export interface InputPreviewProps {
  text: string | null | undefined;
  isExpanded: boolean;
  onToggle: () => void;
}

/** Inputs can be megabytes: the cell and its tooltip only ever hold a slice. */
const PREVIEW_CHARS = 160;
const TOOLTIP_CHARS = 1_500;

function previewOf(text: string): string {
  const firstLine = text.trimStart().split('\n', 1)[0] ?? '';
  return firstLine.length > PREVIEW_CHARS ? `${firstLine.slice(0, PREVIEW_CHARS)}…` : firstLine;
}

/** One line of the trace's input; the full text on hover (up to a limit) and when expanded. */
export function InputPreview({ text, isExpanded, onToggle }: InputPreviewProps) {
  if (!text) return <span className="muted">–</span>;
  const tooltip = text.length > TOOLTIP_CHARS ? `${text.slice(0, TOOLTIP_CHARS)}…` : text;
  return (
    <span className={styles.preview}>
      <button
        type="button"
        className="icon-button expand-input"
        aria-expanded={isExpanded}
        aria-label={isExpanded ? 'Hide full input' : 'Show full input'}
        onClick={onToggle}
      >
        {isExpanded ? '▾' : '▸'}
      </button>
      <span className={styles.text} title={tooltip}>
        {previewOf(text)}
      </span>
    </span>
  );
}
