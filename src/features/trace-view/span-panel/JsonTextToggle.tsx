export interface JsonTextToggleProps {
  /** What is shown, for the group's name: "Input" gives "Input shown as". */
  title: string;
  isText: boolean;
  onChange: (isText: boolean) => void;
}

/** Two pressed-state buttons: the value as a JSON tree, or as the text it came in. */
export function JsonTextToggle({ title, isText, onChange }: JsonTextToggleProps) {
  return (
    <span className="toggle-group" role="group" aria-label={`${title} shown as`}>
      <button
        type="button"
        className="toggle-button"
        aria-pressed={!isText}
        onClick={() => onChange(false)}
      >
        JSON
      </button>
      <button
        type="button"
        className="toggle-button"
        aria-pressed={isText}
        onClick={() => onChange(true)}
      >
        Text
      </button>
    </span>
  );
}
