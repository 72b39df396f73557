/**
 * `stats.jsonl`: one shard's sufficient statistics (written by the stats stage) or the sum of all
 * shards (written by the merge stage). One JSON object per line, told apart by `kind`, in this order:
 * a `header`, then `task`, `outcome`, `label`, `truth`, `cell`, `sequences`, `confusion` and `ids`
 * lines, each group sorted (docs/sharding.md).
 */
import { z } from 'zod';

/** The format tag of the header; bumped when the lines change meaning. */
export const STATS_FORMAT = 'passkt-stats/3';
/** The file name, in the stats stage's and the merge stage's folders. */
export const STATS_FILE = 'stats.jsonl';

const count = z.number().int().min(0);
const reasons = z.record(z.string(), count);
const budget = count.nullable();

/** What a shard read: hashes of its input files and its source stage (identical in every shard of one set). */
export const InputIdentitySchema = z.object({
  /** sha256 of every file ingest read directly (tasks, then trajectories). */
  files: z.array(z.string()),
  /** The source stage (simulate / import), its seed, parameters and input-file hashes; null without one. */
  source: z.object({ stage: z.string(), seed: z.number(), params: z.unknown(), files: z.array(z.string()) }).nullable(),
  /** Ingest's record limits (they decide which records are rejected): line length, nesting depth, invalid UTF-8. */
  max_line_bytes: z.number().int().positive(),
  max_depth: z.number().int().positive(),
  lenient_utf8: z.boolean(),
});

/** The first line. */
export const HeaderSchema = z.object({
  kind: z.literal('header'),
  format: z.literal(STATS_FORMAT),
  /** Which shard this is; null in a merged file. */
  shard: z.object({ index: count, count: z.number().int().min(1) }).nullable(),
  /** Number of shards summed (merged files only). */
  merged_from: z.number().int().min(1).optional(),
  inputs: InputIdentitySchema,
  /** The trajectory records this shard processed itself: these add up over shards. */
  records: z.object({ read: count, accepted: count, rejected: count, matched_by_question: count, reject_reasons: reasons }),
  /** What every shard reads whole, so it is counted once: the task file and a source stage's rejects. */
  shared: z.object({
    tasks: z.object({ read: count, accepted: count, rejected: count, derived: z.boolean() }),
    task_reject_reasons: reasons,
    rejected_by_source: count,
    source_reject_reasons: reasons,
  }),
  /** Tool results per (policy, family), and how many carried documents (retrieval's choice of definition). */
  documents: z.array(z.object({ policy: z.string(), family: z.string(), results: count, results_with_docs: count })),
  /** The labeler behind the `label` lines; null when the label stage did not run. */
  label: z.object({ labeler: z.string(), tool_roles: z.record(z.string(), z.string()) }).nullable(),
  /** Code version of the ingest stage that read the shard (a mismatch is warned about). */
  code_version: z.string(),
});

/** A task of the task table (TaskRow). */
export const TaskLineSchema = z.object({
  kind: z.literal('task'),
  task: z.string(),
  question: z.string(),
  answers: z.array(z.string()),
  family: z.string(),
  gold_docs: z.array(z.string()),
});

/** The outcome statistics of one (policy, task) (PairStats). */
export const OutcomeLineSchema = z
  .object({
    kind: z.literal('outcome'),
    policy: z.string(),
    task: z.string(),
    family: z.string(),
    /** Capped episodes: [budget T, n, c]. */
    capped: z.array(z.tuple([count, count, count])),
    uncapped: count,
    uncapped_correct: count,
    /** Correct uncapped episodes: [rounds, episodes]. */
    correct_rounds: z.array(z.tuple([count, count])),
  })
  .refine((line) => line.capped.every(([, n, c]) => c <= n && n > 0), { message: 'capped [budget, n, c] needs 0 < n and c ≤ n' })
  .refine((line) => line.uncapped_correct <= line.uncapped, { message: 'uncapped_correct exceeds uncapped' })
  // Correct episodes whose rounds are unknown (no trace) are in uncapped_correct only.
  .refine((line) => line.correct_rounds.reduce((sum, [, episodes]) => sum + episodes, 0) <= line.uncapped_correct, {
    message: 'correct_rounds must not add up to more than uncapped_correct',
  });

/** Episodes and successes of one label on one (policy, task, budget). */
export const LabelLineSchema = z
  .object({ kind: z.literal('label'), policy: z.string(), family: z.string(), task: z.string(), budget, label: z.string(), episodes: count, successes: count })
  .refine((line) => line.successes <= line.episodes, { message: 'successes exceed episodes' });

/** Episodes of one (policy, family, budget) whose planted strategy is `label`. */
export const TruthLineSchema = z.object({ kind: z.literal('truth'), policy: z.string(), family: z.string(), budget, label: z.string(), episodes: count });

const maybe = z.boolean().nullable();

/** Episodes alike in everything the mechanism analyses read (an EpisodeCell; `first` = input position of the first). */
export const CellLineSchema = z.object({
  kind: z.literal('cell'),
  policy: z.string(),
  family: z.string(),
  budget,
  task: z.string(),
  traced: z.boolean(),
  correct: z.boolean(),
  gold_docs: maybe,
  answer_in_results: maybe,
  label: z.string().nullable(),
  reading: z.string().nullable(),
  reads: z.boolean(),
  episodes: z.number().int().min(1),
  first: count,
});

/** The query sequences of one (policy, task, budget): [64-bit hash of the sequence, episodes], by hash. */
export const SequencesLineSchema = z.object({
  kind: z.literal('sequences'),
  policy: z.string(),
  family: z.string(),
  budget,
  task: z.string(),
  counts: z.array(z.tuple([z.string().regex(/^[0-9a-f]{16}$/), z.number().int().min(1)])).min(1),
});

/** Episodes of one policy with a planted strategy (`true_label`) that got `label`. */
export const ConfusionLineSchema = z.object({ kind: z.literal('confusion'), policy: z.string(), true_label: z.string(), label: z.string(), episodes: z.number().int().min(1) });

/** 64-bit hashes of accepted episode ids, 16 hex digits each, concatenated (sorted over all `ids` lines). */
export const IdsLineSchema = z.object({ kind: z.literal('ids'), hashes: z.string().regex(/^(?:[0-9a-f]{16})+$/) });

/** The header line. */
export type StatsHeader = z.infer<typeof HeaderSchema>;
/** A task line. */
export type TaskLine = z.infer<typeof TaskLineSchema>;
/** An outcome line. */
export type OutcomeLine = z.infer<typeof OutcomeLineSchema>;
/** A label line. */
export type LabelLine = z.infer<typeof LabelLineSchema>;
/** A truth line. */
export type TruthLine = z.infer<typeof TruthLineSchema>;
/** A cell line. */
export type CellLine = z.infer<typeof CellLineSchema>;
/** A sequences line. */
export type SequencesLine = z.infer<typeof SequencesLineSchema>;
/** A confusion line. */
export type ConfusionLine = z.infer<typeof ConfusionLineSchema>;
/** An ids line. */
export type IdsLine = z.infer<typeof IdsLineSchema>;
/** Any line after the header. */
export type BodyLine = TaskLine | OutcomeLine | LabelLine | TruthLine | CellLine | SequencesLine | ConfusionLine | IdsLine;

/** The order the groups of lines come in. */
export const BODY_KINDS = ['task', 'outcome', 'label', 'truth', 'cell', 'sequences', 'confusion', 'ids'] as const;

const BODY_SCHEMAS = {
  task: TaskLineSchema,
  outcome: OutcomeLineSchema,
  label: LabelLineSchema,
  truth: TruthLineSchema,
  cell: CellLineSchema,
  sequences: SequencesLineSchema,
  confusion: ConfusionLineSchema,
  ids: IdsLineSchema,
} as const;

/** The schema of a body line's kind, or undefined for an unknown kind. */
export function bodySchema(kind: unknown): z.ZodType<BodyLine> | undefined {
  return typeof kind === 'string' && kind in BODY_SCHEMAS ? (BODY_SCHEMAS[kind as keyof typeof BODY_SCHEMAS] as z.ZodType<BodyLine>) : undefined;
}
