/**
 * The contract between the runner and a stage. A stage is a typed function plus a declaration:
 * name, upstream stages, zod parameters and a run function. The runner owns every file: a stage reads
 * upstream outputs through `ctx.input(name)` and writes through `ctx.out`, never by path.
 */
import type { z } from 'zod';
import type { StageName } from '../stages/names';

export type { StageName };

/** Read access to the outputs of one upstream stage. */
export interface StageInput {
  /** The upstream stage's name. */
  readonly stage: string;
  /** The upstream manifest (parameters, counts, summary…). */
  readonly manifest: StageManifest;
  /** True when the upstream stage wrote this file. */
  has(file: string): boolean;
  /** Reads a JSON file written by the upstream stage. */
  json<T>(file: string): Promise<T>;
  /** Streams a JSONL file written by the upstream stage, one parsed object per line. */
  jsonl<T>(file: string): AsyncIterable<T>;
  /** Reads a CSV file written by the upstream stage into objects of strings (small tables). */
  csv(file: string): Promise<Record<string, string>[]>;
  /** Streams a CSV file row by row as objects of strings (per-episode tables). */
  csvRows(file: string): AsyncIterable<Record<string, string>>;
  /** Streams the non-empty lines of a text file, unparsed (for stages that parse in worker threads). */
  lines(file: string): AsyncIterable<string>;
  /** Reads a text file written by the upstream stage. */
  text(file: string): Promise<string>;
  /** Absolute path of a file, for streaming readers that need one (e.g. gzip readers); never for writing. */
  path(file: string): string;
}

/** A JSONL writer that streams records to disk with back-pressure. */
export interface JsonlWriter {
  write(record: unknown): Promise<void>;
  /** Writes a record that is already serialized as one line of JSON (no newline inside). */
  writeSerialized(json: string): Promise<void>;
  /** Writes records already serialized and UTF-8 encoded elsewhere (a worker thread): whole lines, each ending in a newline. */
  writeLines(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** A CSV writer that streams rows to disk. */
export interface CsvWriter {
  write(row: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

/** Write access to the stage's (temporary) output folder. */
export interface StageOutput {
  /** Absolute path of the temporary output folder (renamed into place when the stage succeeds). */
  readonly dir: string;
  json(file: string, data: unknown): Promise<void>;
  text(file: string, data: string | Uint8Array): Promise<void>;
  /** Writes a CSV with exactly these columns, in this order (numbers written with full precision). */
  csv(file: string, columns: readonly string[], rows: Iterable<Record<string, unknown>>): Promise<void>;
  /** Opens a CSV for writing row by row (per-episode tables): the bytes `csv` would write, without holding the rows. */
  csvWriter(file: string, columns: readonly string[]): CsvWriter;
  jsonl(file: string): JsonlWriter;
}

/** A progress reporter on stderr (silent when stderr is not a TTY or CI is set). */
export interface Progress {
  tick(n?: number): void;
  setTotal(total: number): void;
  stop(): void;
}

/** Logging on stderr; results go to stdout only through the CLI. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/** Run-wide settings every stage can see (they are part of every stage's fingerprint). */
export interface RunSettings {
  /** Base seed; a stage derives its own seed from it and its name. */
  seed: number;
  /** Reject on the first bad record instead of continuing. */
  strict: boolean;
}

/** What the runner hands a stage. */
export interface StageContext<P> {
  readonly name: string;
  readonly params: P;
  readonly settings: RunSettings;
  /** The stage's own seed (derived from the run seed and the stage name). */
  readonly seed: number;
  input(stage: string): StageInput;
  /** True when the named upstream stage (an input or optional input) is part of this run. */
  hasInput(stage: string): boolean;
  readonly out: StageOutput;
  readonly log: Logger;
  progress(label: string, total?: number): Progress;
  /** The external files this stage declared (absolute paths), already checked to exist. */
  readonly externalFiles: readonly string[];
}

/** What a stage returns: counts and summary lines for the manifest and the terminal. */
export interface StageResult {
  counts?: Record<string, number>;
  /** Human-readable lines printed after the stage (results: stdout). */
  summary?: string[];
  /** Anything else worth keeping in the manifest (small). */
  details?: Record<string, unknown>;
}

/**
 * The kinds of run (docs/architecture.md): `analysis` (every analysis of one data set), `shard` (one
 * slice of the records reduced to statistics, `--shard i/N`) and `merge` (shard statistics summed, `--merge`).
 */
export type RunMode = 'analysis' | 'shard' | 'merge';

/** What makes a stage a source of trajectories; a run plans at most one source. */
export interface SourceDeclaration {
  /** True when the (raw) parameters ask for this source, e.g. `--import` was given. */
  requested(params: Record<string, unknown>): boolean;
  /** The source of a run that asks for none and names no trajectory files (the simulator). */
  fallback?: boolean;
}

/**
 * A stage declaration. The runner is generic over stage names (its tests use stages of their own);
 * the pipeline's stages are declared with `defineStage`, which types every name by the StageName union.
 */
export interface StageDefinition<S extends z.ZodType = z.ZodType, N extends string = string> {
  name: N;
  /** The run-folder name, when it is not the numbered default `NN-name` (the report lives in `report/`). */
  folder?: string;
  description: string;
  /** Upstream stages whose outputs this stage reads. */
  inputs: readonly N[];
  /**
   * Upstream stages read only when they are part of the run (e.g. the report reads `cluster` if it ran).
   * When present they are ordered before this stage and fingerprinted like inputs.
   */
  optionalInputs?: readonly N[];
  /** The kinds of run the stage takes part in (a source stage only when it is the run's source). */
  modes: readonly RunMode[];
  /** Set on the stages that produce trajectories. */
  source?: SourceDeclaration;
  /** The kind of run this stage's (raw) parameters ask for, e.g. `--shard` asks for a shard run. */
  requestsMode?(params: Record<string, unknown>): RunMode | undefined;
  /** Fills (raw) parameters that depend on which other stages the run plans, e.g. outputs no planned stage reads. */
  withPlan?(params: Record<string, unknown>, planned: ReadonlySet<string>): Record<string, unknown>;
  /**
   * Set on stages that run only when asked for (the model-access experiments: `--score`, `--swap`):
   * true when the (raw) parameters ask for the stage. Stages without it run in every run of their modes.
   */
  requested?(params: Record<string, unknown>): boolean;
  /** Parameters, validated with zod; defaults live here. */
  params: S;
  /** External files this stage reads (from its parameters), hashed and fingerprinted by the runner. */
  externalFiles?(params: z.infer<S>): string[];
  run(ctx: StageContext<z.infer<S>>): Promise<StageResult>;
  /** Command-line flags that set this stage's parameters (collected by the CLI). */
  cli?: readonly CliFlag[];
  /** The `--help` group of this stage's flags, unless a flag names its own (default `analysis`). */
  cliGroup?: FlagGroup;
  /** A readable summary of this stage's outputs for `npm run inspect -- <stage>` (printed to stdout). */
  inspect?(output: StageInput): Promise<string>;
  /** Further readings of this stage's outputs, each `npm run inspect -- <view>` (e.g. `power` of the boundary stage). */
  views?: Readonly<Record<string, StageView>>;
}

/** A named reading of one stage's outputs for `npm run inspect -- <view>`. */
export interface StageView {
  description: string;
  inspect(output: StageInput): Promise<string>;
}

/**
 * Where a flag is listed in `--help`. A source group (`simulate`, `import`, `collect`) also says when the
 * flag applies: given with another source, it is an error (pipeline/cli/flag-groups.ts).
 */
export type FlagGroup = 'input' | 'simulate' | 'import' | 'collect' | 'analysis' | 'experiments' | 'report' | 'performance';

/**
 * A CLI flag that sets one parameter. Several stages may declare the same flag (e.g. `--base`):
 * the CLI sets it on each of them.
 */
export interface CliFlag {
  /** Commander syntax, e.g. `--base <policy>` or `--quick`. */
  flags: string;
  description: string;
  /** The parameter it sets. */
  param: string;
  /** Converts the raw option value (string, string[] for variadic/repeatable, or true for a boolean flag). */
  parse?: (value: string | boolean | string[]) => unknown;
  /** The flag may be given several times; the values are collected into an array. */
  repeatable?: boolean;
  /** Its `--help` group, when it differs from its stage's `cliGroup`. */
  group?: FlagGroup;
}

/** `manifest.json` of one stage. */
export interface StageManifest {
  stage: string;
  fingerprint: string;
  code_version: string;
  package_version: string;
  started_at: string;
  finished_at: string;
  duration_ms: number;
  params: unknown;
  seed: number;
  settings: RunSettings;
  inputs: { stage: string; fingerprint: string }[];
  /** External files read; freshness uses size and mtime, the sha256 records exactly what was read. */
  external_files: { path: string; bytes: number; mtime_ms: number; sha256: string }[];
  versions: Record<string, string>;
  counts: Record<string, number>;
  summary: string[];
  details: Record<string, unknown>;
  outputs: { file: string; bytes: number }[];
}

/** Declares one of the pipeline's stages, its parameter types inferred from the zod schema and its names checked. */
export function defineStage<S extends z.ZodType, const N extends StageName>(
  definition: StageDefinition<S, StageName> & { name: N },
): StageDefinition<S, StageName> & { name: N } {
  return definition;
}
