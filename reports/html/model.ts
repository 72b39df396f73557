/** What the HTML page is built from (everything already computed; the template only lays it out). */
import type { Provenance, SequenceCount } from '../data/tables';

/** A figure as the page shows it. */
export type PageFigure =
  | {
      status: 'drawn';
      name: string;
      number: string;
      title: string;
      caption: string;
      notes: string[];
      /** The compiled Vega spec, drawn live by the page. */
      vegaSpec: unknown;
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
  /** The vega build inlined for live figures. */
  vegaSource: string;
}
