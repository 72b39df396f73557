/** What the HTML page is built from (everything already computed; the template only lays it out). */
import type { Provenance, SequenceCount } from '../data/tables';
import type { FamilyHeadline } from '../summary/headline';

/** A figure as the page shows it. */
export type PageFigure =
  | {
      status: 'drawn';
      name: string;
      number: string;
      title: string;
      caption: string;
      notes: string[];
      /** The Vega-Lite spec (data inline), drawn live by the page. */
      spec: unknown;
      /** The static rendering, shown when scripts are off. */
      svg: string;
    }
  | { status: 'skipped'; name: string; number: string; title: string; reason: string };

/** One row of the key-numbers table. */
export interface KeyNumberRow {
  family: string;
  budget: string;
  policy: string;
  passAt1: string;
  passAtN: string;
  n: number;
  tasks: number;
}

/** One line on the capability boundary (a policy pair in a family). */
export interface BoundaryLine {
  family: string;
  text: string;
}

/** The whole page. */
export interface PageModel {
  title: string;
  /** Shown first: whether the data is simulated, imported or collected. */
  dataKindLine: string;
  /** The answer in words, per family (shown first). */
  headline: FamilyHeadline[];
  keyNumbers: KeyNumberRow[];
  boundaryLines: BoundaryLine[];
  /** Verdict sentences per family and policy pair (from the boundary stage), when present. */
  verdicts: string[];
  /** The symmetric shift-share decomposition per comparison at the headline budgets (from the compare stage). */
  decompositions: string[];
  figures: PageFigure[];
  sequences: SequenceCount[];
  methods: string[];
  provenance: Provenance;
  /** Names shortened for display, with their full text. */
  shortenedNames: { short: string; full: string }[];
  /** The script builds inlined for live figures (vega, vega-lite, vega-embed), in load order. */
  libraries: string[];
}
