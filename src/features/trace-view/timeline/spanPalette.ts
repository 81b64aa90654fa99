import { SpanKind } from '../../../domain/trace/spanKind';

/** The canvases' colours (flame graph, overview), resolved from the design tokens for the current theme. */
export interface SpanPalette {
  /** Fill per `SpanKind` (the `--span-*` tokens, as the waterfall's bars). */
  kinds: string[];
  /** Label colour on each kind's fill: black or white, whichever reads better. */
  kindLabels: string[];
  error: string;
  background: string;
}

const KIND_TOKENS: Record<SpanKind, string> = {
  [SpanKind.Other]: '--span-other',
  [SpanKind.Llm]: '--span-llm',
  [SpanKind.Tool]: '--span-tool',
  [SpanKind.Agent]: '--span-agent',
  [SpanKind.Team]: '--span-team',
  [SpanKind.Workflow]: '--span-workflow',
};
const KIND_COUNT = Object.keys(KIND_TOKENS).length;

/**
 * Reads the tokens through `probe`'s computed `color`: a custom property's own computed value is
 * its text (`light-dark(#7c3aed, #a78bfa)`), which a canvas cannot use; as a colour it is
 * resolved for the theme in force.
 */
export function readSpanPalette(probe: HTMLElement): SpanPalette {
  const resolve = (token: string) => {
    probe.style.color = `var(${token})`;
    return getComputedStyle(probe).color;
  };
  const kinds = Array.from({ length: KIND_COUNT }, (_, kind) =>
    resolve(KIND_TOKENS[kind as SpanKind]),
  );
  const palette = {
    kinds,
    kindLabels: kinds.map(labelColor),
    error: resolve('--error'),
    background: resolve('--bg'),
  };
  probe.style.color = '';
  return palette;
}

/** Black or white text on a fill given as `rgb(r, g, b)` (what computed styles give). */
export function labelColor(fill: string): string {
  const rgb = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(fill);
  if (!rgb) return '#fff';
  const [r, g, b] = rgb.slice(1, 4).map((channel) => {
    const c = Number(channel) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast against white (1.05 / (L + 0.05)) beats black ((L + 0.05) / 0.05) below L ≈ 0.18.
  return luminance < 0.18 ? '#fff' : '#111';
}
