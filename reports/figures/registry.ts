/**
 * Figures are registered by name (the name is also the file stem of `<name>.vl.json/.svg/.png`), so a
 * run can select them with `--figures a,b` and its manifest can say exactly which ones it drew.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { PaperReference } from '../reference/paper';
import type { ReportData } from '../data/tables';

/** What a figure builder sees. */
export interface FigureContext {
  data: ReportData;
  /** The study's published values, when `--paper-reference` asked for the overlay. */
  paperReference: PaperReference | null;
}

/** A built figure: its Vega-Lite spec (data inline) and a one-paragraph reading of it. */
export interface BuiltFigure {
  kind: 'figure';
  spec: TopLevelSpec;
  caption: string;
  /** Notes about what was left out (e.g. a sampled scatter), shown under the caption. */
  notes: string[];
}

/** A figure that cannot be drawn from this run's data, and why. */
export interface SkippedFigure {
  kind: 'skipped';
  reason: string;
}

/** The result of a builder. */
export type FigureOutcome = BuiltFigure | SkippedFigure;

/** A registered figure. */
export interface FigureBuilder {
  /** File stem and CLI name, e.g. `pass-vs-k`. */
  name: string;
  /** Its number in the report, e.g. `1` or `2b`. */
  number: string;
  title: string;
  build(context: FigureContext): FigureOutcome;
}

/** Name → builder, in registration (page) order; duplicate names are refused. */
export class FigureRegistry {
  private readonly byName = new Map<string, FigureBuilder>();

  /** Adds a builder; throws when the name is taken. */
  register(builder: FigureBuilder): this {
    if (this.byName.has(builder.name)) throw new Error(`two figures are named "${builder.name}"`);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(builder.name)) throw new Error(`figure name "${builder.name}" is not a file-safe slug`);
    this.byName.set(builder.name, builder);
    return this;
  }

  /** The builder of that name, or undefined. */
  get(name: string): FigureBuilder | undefined {
    return this.byName.get(name);
  }

  /** Every registered name, in page order. */
  names(): string[] {
    return [...this.byName.keys()];
  }

  /** Every builder, in page order. */
  list(): FigureBuilder[] {
    return [...this.byName.values()];
  }
}

/** A skip outcome. */
export function skip(reason: string): SkippedFigure {
  return { kind: 'skipped', reason };
}
