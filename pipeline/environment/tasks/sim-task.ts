/**
 * A task as the simulator sees it: the FORMAT.md task it writes, the words policies build queries
 * from, and (for generated tasks) the hidden truth the simulated reader uses to read paragraphs.
 */
import type { TaskDoc, TaskInput } from '../../formats/task';
import type { BridgeTemplate, ComparisonTemplate } from './templates';

/** The generated task families (and the plan families policies know). */
export const FAMILIES = ['bridge', 'comparison', 'closed-book'] as const;
/** A task family of the simulator. */
export type Family = (typeof FAMILIES)[number];

/** How hard a closed-book question is to answer from memory. */
export type Difficulty = 'easy' | 'medium' | 'hard';

/** The words of a task that queries are built from (all taken from the question). */
export interface QueryTerms {
  question: string;
  /** The question without stop words and punctuation ("nationality director Silent Harbor"). */
  keywords: string;
  /** The entities the question names, in order. */
  entities: string[];
  /** The relation to follow ("director"); empty when the question has none. */
  relation: string;
  /** Words that tell the bridge entity from its namesakes ("film director"); empty when unknown. */
  role: string;
  /** The attribute asked ("nationality", "released"). */
  attribute: string;
  /** Words naming the kind of thing compared ("film"). */
  type: string;
}

/** The hidden truth of a generated task. */
export type WorldTruth =
  | { family: 'bridge'; template: BridgeTemplate; hop1: number; bridge: number }
  | { family: 'comparison'; template: ComparisonTemplate; a: number; b: number }
  | { family: 'closed-book'; template: string; difficulty: Difficulty };

/** A FORMAT.md task with every optional field the simulator fills. */
export type FullTask = TaskInput & { answers: string[]; family: string; gold_docs: string[]; docs: TaskDoc[] };

/** A task ready for simulation. */
export interface SimTask {
  row: FullTask;
  /** Which family's plans policies use on it (HotpotQA types map to bridge/comparison). */
  plans: Family;
  terms: QueryTerms;
  /** World entity behind each paragraph (generated tasks only). */
  docEntities?: readonly number[];
  truth?: WorldTruth;
}
