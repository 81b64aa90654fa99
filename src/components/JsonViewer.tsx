import {
  useCallback,
  useMemo,
  useRef,
  useState,
  type ComponentProps,
  type KeyboardEvent,
  type SyntheticEvent,
} from 'react';
import { JsonView } from 'react-json-view-lite';
import { useHighlightQuery } from './HighlightedText';
import { copyText, formatJsonPath, limitJson, valueAtPositions } from './jsonTree';
import styles from './JsonViewer.module.css';
import { useRangeHighlight } from './useRangeHighlight';

export interface JsonViewerProps {
  /** A parsed JSON value: an object or an array (anything else is shown as one value). */
  value: unknown;
  /** Accessible name of the tree, e.g. "Result as JSON". */
  label: string;
  /**
   * Size of the JSON text in characters, when known: a large document opens with only its top
   * level expanded.
   */
  sizeChars?: number;
}

/** Documents over this many characters open with only the top level expanded. */
const LARGE_CHARS = 100_000;
/** Arrays longer than this open collapsed (below the top level). */
const LONG_ARRAY = 20;

// Our classes on the library's elements: its own stylesheet is not loaded (no inline <style>,
// nothing under CSP to allow), colours come from the tokens and follow the theme.
const TREE_STYLE: ComponentProps<typeof JsonView>['style'] = {
  container: styles.tree!,
  basicChildStyle: styles.node!,
  childFieldsContainer: styles.children!,
  label: styles.key!,
  clickableLabel: styles.key!,
  nullValue: styles.null!,
  undefinedValue: styles.null!,
  stringValue: styles.string!,
  booleanValue: styles.boolean!,
  numberValue: styles.number!,
  otherValue: styles.other!,
  punctuation: styles.punctuation!,
  expandIcon: `${styles.expander} ${styles.expand}`,
  collapseIcon: `${styles.expander} ${styles.collapse}`,
  collapsedContent: styles.collapsed!,
  noQuotesForStringValues: false,
  quotesForFieldNames: false,
  // Strings as JSON writes them: quotes, newlines and control characters escaped.
  stringifyStringValues: true,
  ariaLables: { collapseJson: 'Collapse', expandJson: 'Expand' },
};

type Expansion = 'default' | 'all' | 'none';

/** Which nodes are open: all, the top level only, or by default the first two levels. */
function expandRule(expansion: Expansion, isLarge: boolean) {
  if (expansion === 'all') return () => true;
  if (expansion === 'none') return (level: number) => level < 1;
  // Long arrays and large documents stay folded below the top level.
  return (level: number, node: unknown) =>
    level === 0 || (!isLarge && level < 2 && !(Array.isArray(node) && node.length > LONG_ARRAY));
}

/** Child positions from the tree's root to `item` (a `treeitem` of the rendered tree). */
function positionsOf(item: Element, tree: Element): number[] {
  const positions: number[] = [];
  let current: Element = item;
  while (current.parentElement && current.parentElement !== tree) {
    const group = current.parentElement;
    positions.push(Array.prototype.indexOf.call(group.children, current));
    current = group.parentElement ?? tree;
  }
  return positions.reverse();
}

/**
 * A foldable, typed JSON tree (react-json-view-lite) with a toolbar acting on the selected node
 * (the last one clicked or focused): copy its value, copy its path. Large documents open
 * folded, and containers and strings are cut at display limits until "Show all". Matches of the
 * search query are highlighted (the library's markup is left as it renders it).
 */
function JsonViewer({ value, label, sizeChars = 0 }: JsonViewerProps) {
  const [isShowingAll, setIsShowingAll] = useState(false);
  const [expansion, setExpansion] = useState<Expansion>('default');
  const [selected, setSelected] = useState<readonly number[]>([]);
  const [copied, setCopied] = useState<'value' | 'path' | null>(null);
  const treeRef = useRef<HTMLDivElement>(null);
  useRangeHighlight(treeRef, useHighlightQuery());

  const limited = useMemo(
    () => (isShowingAll ? { value, isCut: false } : limitJson(value)),
    [value, isShowingAll],
  );
  const isLarge = sizeChars > LARGE_CHARS;
  // A new function per choice: the library re-reads every node's state when it changes.
  const shouldExpandNode = useMemo(() => expandRule(expansion, isLarge), [expansion, isLarge]);

  const target = valueAtPositions(value, selected) ?? { path: [], value };
  const path = formatJsonPath(target.path);

  const handleSelect = useCallback((event: SyntheticEvent<HTMLDivElement>) => {
    const tree = treeRef.current?.querySelector('[role="tree"]');
    const item = (event.target as Element).closest('[role="treeitem"]');
    if (tree && item && tree.contains(item)) setSelected(positionsOf(item, tree));
  }, []);

  // The library's expanders are spans with role=button and only react to clicks and arrows.
  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const element = event.target as HTMLElement;
    if ((event.key === 'Enter' || event.key === ' ') && element.getAttribute('role') === 'button') {
      event.preventDefault();
      element.click();
    }
  };

  const copy = (what: 'value' | 'path') => {
    const text = what === 'value' ? copyText(target.value) : path;
    void navigator.clipboard?.writeText(text).then(() => {
      setCopied(what);
      window.setTimeout(() => setCopied(null), 1500);
    });
  };

  if (value === null || typeof value !== 'object') {
    return <code className={styles.scalar}>{copyText(value)}</code>;
  }
  return (
    <div className={styles.viewer}>
      <div className={styles.toolbar} role="toolbar" aria-label={`${label}: actions`}>
        <span className={styles.path} title="Selected node: click or focus a node to pick another">
          <code>{path}</code>
        </span>
        <button type="button" className={styles.action} onClick={() => copy('value')}>
          {copied === 'value' ? 'Copied' : 'Copy value'}
        </button>
        <button type="button" className={styles.action} onClick={() => copy('path')}>
          {copied === 'path' ? 'Copied' : 'Copy path'}
        </button>
        <button
          type="button"
          className={styles.action}
          onClick={() => setExpansion(expansion === 'all' ? 'none' : 'all')}
        >
          {expansion === 'all' ? 'Collapse all' : 'Expand all'}
        </button>
      </div>
      {/* Clicks and focus inside pick the node the toolbar acts on. */}
      <div
        ref={treeRef}
        className={styles.scroller}
        onClick={handleSelect}
        onFocus={handleSelect}
        onKeyDown={handleKeyDown}
        role="presentation"
      >
        <JsonView
          data={limited.value as object}
          style={TREE_STYLE}
          shouldExpandNode={shouldExpandNode}
          aria-label={label}
        />
      </div>
      {limited.isCut && (
        <p className={styles.cutNote}>
          Long lists and texts are cut.{' '}
          <button type="button" className={styles.action} onClick={() => setIsShowingAll(true)}>
            Show all
          </button>
        </p>
      )}
    </div>
  );
}

export default JsonViewer;
