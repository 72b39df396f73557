/**
 * Accumulates retrieval outcomes per (policy, family, budget) under every definition at once, so one
 * pass over the episodes is enough and the definition is chosen per family at the end.
 */
import type { EpisodeRow } from '../episode';
import { type Budget, budgetKey, budgetValue, compareBudgetKeys } from '../budget';
import { type CategoryTotals, emptyTotals } from './category-totals';
import { MISSED, RETRIEVED, retrievalProfile } from './retrieval-integration';
import { compareText } from '../stats/compare-text';
import {
  chooseDefinition,
  type DefinitionChoice,
  type DefinitionCoverage,
  RETRIEVAL_DEFINITIONS,
  type RetrievalDefinition,
  retrievalSuccess,
} from './retrieval-success';

/** One row of `retrieval.csv` (FORMAT.md); a conditional accuracy over no episode is NaN (written blank, read back as null). */
export interface RetrievalRow {
  policy: string;
  family: string;
  budget: Budget;
  episodes: number;
  retrieval_rate: number;
  accuracy: number;
  acc_given_retrieved: number | null;
  acc_given_missed: number | null;
  definition: RetrievalDefinition;
}

/** The exact column order of `retrieval.csv`. */
export const RETRIEVAL_COLUMNS = [
  'policy',
  'family',
  'budget',
  'episodes',
  'retrieval_rate',
  'accuracy',
  'acc_given_retrieved',
  'acc_given_missed',
  'definition',
] as const;

interface Cell {
  policy: string;
  family: string;
  budget: string;
  episodes: number;
  byDefinition: Record<RetrievalDefinition, CategoryTotals>;
}

/** Per-(policy, family, budget) retrieval counts under each definition. */
export interface RetrievalTable {
  cells: Map<string, Cell>;
}

/** An empty table. */
export function createRetrievalTable(): RetrievalTable {
  return { cells: new Map() };
}

/** Adds one episode. */
export function addToRetrievalTable(table: RetrievalTable, row: EpisodeRow): void {
  const budget = budgetKey(row.budget);
  const key = JSON.stringify([row.policy, row.family, budget]);
  let cell = table.cells.get(key);
  if (!cell) {
    cell = {
      policy: row.policy,
      family: row.family,
      budget,
      episodes: 0,
      byDefinition: { gold_docs: emptyTotals(2), answer_in_results: emptyTotals(2) },
    };
    table.cells.set(key, cell);
  }
  cell.episodes += 1;
  for (const definition of RETRIEVAL_DEFINITIONS) {
    const success = retrievalSuccess(row, definition);
    if (success === null) continue;
    const totals = cell.byDefinition[definition];
    const category = success ? RETRIEVED : MISSED;
    totals.n[category]! += 1;
    if (row.correct) totals.correct[category]! += 1;
  }
}

/** The outcome of choosing a definition per family. */
export interface RetrievalSummary {
  rows: RetrievalRow[];
  /** The definition of each family that has one. */
  definitions: Map<string, RetrievalDefinition>;
  /** Episodes of each family the chosen definition could not be applied to (left out of the rows). */
  excluded: Map<string, number>;
  /** Families where no definition applies (no gold documents and no answers). */
  undefinedFamilies: string[];
}

/**
 * Chooses each family's definition and writes the rows, ordered by family, budget, policy. A definition
 * listed in `unusable` for a family is not chosen for it by `auto` (e.g. `gold_docs` when some policy's
 * tool results carry no documents, so its retrieval would read 0 whatever it found).
 */
export function summarizeRetrieval(table: RetrievalTable, choice: DefinitionChoice, unusable: ReadonlyMap<string, RetrievalDefinition> = new Map()): RetrievalSummary {
  const coverage = new Map<string, DefinitionCoverage>();
  for (const cell of table.cells.values()) {
    const c = coverage.get(cell.family) ?? { episodes: 0, gold_docs: 0, answer_in_results: 0 };
    c.episodes += cell.episodes;
    for (const definition of RETRIEVAL_DEFINITIONS) {
      const totals = cell.byDefinition[definition];
      c[definition] += totals.n[RETRIEVED]! + totals.n[MISSED]!;
    }
    coverage.set(cell.family, c);
  }
  const definitions = new Map<string, RetrievalDefinition>();
  const excluded = new Map<string, number>();
  const undefinedFamilies: string[] = [];
  for (const [family, c] of [...coverage].sort(([x], [y]) => compareText(x, y))) {
    const skip = choice === 'auto' ? unusable.get(family) : undefined;
    const definition = chooseDefinition(skip ? { ...c, [skip]: 0 } : c, choice);
    if (definition === null) {
      undefinedFamilies.push(family);
      excluded.set(family, c.episodes);
      continue;
    }
    definitions.set(family, definition);
    excluded.set(family, c.episodes - c[definition]);
  }
  const rows: RetrievalRow[] = [];
  const cells = [...table.cells.values()].sort(
    (x, y) => compareText(x.family, y.family) || compareBudgetKeys(x.budget, y.budget) || compareText(x.policy, y.policy),
  );
  for (const cell of cells) {
    const definition = definitions.get(cell.family);
    if (!definition) continue;
    const profile = retrievalProfile(cell.byDefinition[definition]);
    if (profile.episodes === 0) continue;
    rows.push({
      policy: cell.policy,
      family: cell.family,
      budget: budgetValue(cell.budget),
      episodes: profile.episodes,
      retrieval_rate: profile.retrieval_rate,
      accuracy: profile.accuracy,
      acc_given_retrieved: profile.acc_given_retrieved,
      acc_given_missed: profile.acc_given_missed,
      definition,
    });
  }
  return { rows, definitions, excluded, undefinedFamilies };
}

/** Per policy, the episodes the chosen definitions cover and those they leave out, and why. */
export interface RetrievalCoverage {
  policy: string;
  used: number;
  /** Episodes of families where no definition applies. */
  noDefinition: number;
  /** Episodes of tasks the family's definition cannot be applied to (no gold documents / no answers). */
  notApplicable: number;
}

/** How the chosen definitions cover each policy's episodes (sums to every episode of the table). */
export function retrievalCoverage(table: RetrievalTable, definitions: ReadonlyMap<string, RetrievalDefinition>): RetrievalCoverage[] {
  const byPolicy = new Map<string, RetrievalCoverage>();
  for (const cell of table.cells.values()) {
    let coverage = byPolicy.get(cell.policy);
    if (!coverage) byPolicy.set(cell.policy, (coverage = { policy: cell.policy, used: 0, noDefinition: 0, notApplicable: 0 }));
    const definition = definitions.get(cell.family);
    if (!definition) {
      coverage.noDefinition += cell.episodes;
      continue;
    }
    const totals = cell.byDefinition[definition];
    const applicable = totals.n[RETRIEVED]! + totals.n[MISSED]!;
    coverage.used += applicable;
    coverage.notApplicable += cell.episodes - applicable;
  }
  return [...byPolicy.values()];
}
