/**
 * The house style of every figure: one font stack that exists on a fresh Debian machine (DejaVu Sans,
 * from fonts-dejavu-core) and in browsers, sizes chosen so a figure stays readable when a journal
 * scales it to one column (~3.3 in), and no chart border.
 */
import type { Config } from 'vega-lite';

/** Font stack used by the specs; the PNG renderer loads DejaVu Sans explicitly for identical bytes. */
export const FONT_FAMILY = 'DejaVu Sans, Helvetica, Arial, sans-serif';

/** Width and height (px) of one small-multiple panel. */
export const PANEL = { width: 100, height: 110 } as const;

/** Smaller panels for grids with many cells (e.g. family × budget). */
export const SMALL_PANEL = { width: 110, height: 90 } as const;

/** The Vega-Lite config shared by every figure. */
export const THEME: Config = {
  font: FONT_FAMILY,
  background: 'white',
  padding: 6,
  view: { stroke: null },
  axis: {
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: 'normal',
    labelColor: '#222',
    titleColor: '#111',
    domainColor: '#555',
    tickColor: '#555',
    gridColor: '#e6e6e6',
  },
  legend: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal', symbolSize: 70, labelLimit: 260 },
  header: { labelFontSize: 11.5, titleFontSize: 11, labelFontWeight: 'bold', titleFontWeight: 'normal' },
  title: { fontSize: 11.5, fontWeight: 'bold', anchor: 'start', subtitleFontSize: 10, subtitleColor: '#444' },
  text: { fontSize: 10 },
  line: { strokeWidth: 1.6 },
  point: { size: 22, filled: true },
};
