import { useEffect, useState, type RefObject } from 'react';
import { SpanTooltip } from '../timeline/SpanTooltip';
import { useSelectedIndex, useTraceViewContext } from '../traceViewContext';
import { rowId } from './WaterfallRow';

export interface BarTooltipProps {
  /** The waterfall's scroll element (the treegrid), whose bars it describes. */
  gridRef: RefObject<HTMLDivElement | null>;
  /** The positioned element the tooltip is placed in. */
  frameRef: RefObject<HTMLDivElement | null>;
}

interface Tip {
  index: number;
  x: number;
  y: number;
}

const TOOLTIP_ID = 'waterfall-bar-tooltip';
const ROW_ID_PREFIX = rowId(0).slice(0, -1);

/**
 * One tooltip for every bar of the waterfall (not one per row: nothing to mount per row, and at
 * 100,000 spans nothing to pay): beside the pointer over a row's bar, or beside the selected
 * row's bar while the reader moves through the grid with the keyboard. It floats over the rows,
 * so showing it moves nothing.
 */
export function BarTooltip({ gridRef, frameRef }: BarTooltipProps) {
  const { tree } = useTraceViewContext();
  const selectedIndex = useSelectedIndex();
  const [hover, setHover] = useState<Tip | null>(null);
  const [isKeyboard, setKeyboard] = useState(false);
  const [focusTip, setFocusTip] = useState<Tip | null>(null);
  const [frameSize, setFrameSize] = useState({ width: 0, height: 0 });

  useEffect(() => {
    const grid = gridRef.current;
    const frame = frameRef.current;
    if (!grid || !frame) return;
    /** Shows the tooltip of `row` at a viewport point; false when `row` is not a span's row. */
    const showTipFor = (row: Element | null | undefined, clientX: number, clientY: number) => {
      if (!row?.id.startsWith(ROW_ID_PREFIX)) return false;
      const box = frame.getBoundingClientRect();
      setFrameSize({ width: box.width, height: box.height });
      setHover({
        index: Number(row.id.slice(ROW_ID_PREFIX.length)),
        x: clientX - box.left,
        y: clientY - box.top,
      });
      return true;
    };
    const handleMove = (event: PointerEvent) => {
      const target = event.target as Element | null;
      const row = target?.closest('.waterfall-bar-cell')?.closest('[role="row"]');
      if (!showTipFor(row, event.clientX, event.clientY)) setHover(null);
    };
    const handleLeave = () => setHover(null);
    const handleKeyDown = () => setKeyboard(true);
    const handlePointerDown = () => setKeyboard(false);
    // This code arrives after the first paint: a pointer already resting on a bar by then gets
    // its tooltip, beside the bar, without having to move.
    const restingRow = grid.querySelector('.waterfall-bar-cell:hover')?.closest('[role="row"]');
    const restingBar = restingRow?.querySelector('.span-bar, .bar-arrow');
    if (restingBar) {
      const barBox = restingBar.getBoundingClientRect();
      showTipFor(restingRow, barBox.left, barBox.bottom);
    }
    grid.addEventListener('pointermove', handleMove);
    grid.addEventListener('pointerleave', handleLeave);
    grid.addEventListener('scroll', handleLeave, { passive: true });
    grid.addEventListener('keydown', handleKeyDown);
    grid.addEventListener('pointerdown', handlePointerDown);
    grid.addEventListener('focusout', handlePointerDown);
    return () => {
      grid.removeEventListener('pointermove', handleMove);
      grid.removeEventListener('pointerleave', handleLeave);
      grid.removeEventListener('scroll', handleLeave);
      grid.removeEventListener('keydown', handleKeyDown);
      grid.removeEventListener('pointerdown', handlePointerDown);
      grid.removeEventListener('focusout', handlePointerDown);
    };
  }, [gridRef, frameRef]);

  // By keyboard: beside the selected row's bar, once the row is scrolled into view and drawn.
  useEffect(() => {
    if (!isKeyboard || selectedIndex === null) return;
    const frame = frameRef.current;
    const grid = gridRef.current;
    const place = () => {
      const bar = document
        .getElementById(rowId(selectedIndex))
        ?.querySelector('.span-bar, .bar-arrow');
      if (!frame || !grid || !bar) {
        setFocusTip(null);
        return;
      }
      const box = frame.getBoundingClientRect();
      const barBox = bar.getBoundingClientRect();
      if (barBox.width === 0 && barBox.height === 0) {
        setFocusTip(null); // no bars drawn (the tree of names beside a maximised panel)
        return;
      }
      setFrameSize({ width: box.width, height: box.height });
      setFocusTip({ index: selectedIndex, x: barBox.left - box.left, y: barBox.bottom - box.top });
    };
    // The selection scrolls into view in an effect: place the tooltip in the frame after it.
    const frameId = requestAnimationFrame(place);
    grid?.addEventListener('scroll', place, { passive: true });
    return () => {
      cancelAnimationFrame(frameId);
      grid?.removeEventListener('scroll', place);
    };
  }, [isKeyboard, selectedIndex, gridRef, frameRef]);

  const keyTip = isKeyboard && focusTip?.index === selectedIndex ? focusTip : null;
  const tip = hover ?? keyTip;
  if (!tip || tip.index >= tree.count) return null;
  return (
    <SpanTooltip
      id={TOOLTIP_ID}
      tree={tree}
      index={tip.index}
      x={tip.x}
      y={tip.y}
      boundsWidth={frameSize.width}
      boundsHeight={frameSize.height}
    />
  );
}
