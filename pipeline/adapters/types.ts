/**
 * The contract every input adapter fulfils: read one source file and yield, for every record it
 * holds, either a canonical trajectory (spec/FORMAT.md) or a reject with a reason — never nothing.
 */
import type { TaskInput } from '../formats/task';
import type { Trajectory } from '../formats/trajectory';

/** Names of the registered adapters (the `format` of `--import format:path`). */
export type AdapterName = 'openai-chat' | 'search-r1' | 'r1-searcher' | 'react-text' | 'fireact' | 'inspect';

/** Where a record sits in its file: a 1-based line number, or a record key such as `[3]`, `6238`, `samples[2]`. */
export type RecordLocation = number | string;

/** The canonical fields whose source an import reports, per file. */
export const MAPPED_FIELDS = ['task', 'sample', 'budget', 'correct', 'policy'] as const;

/** One of {@link MAPPED_FIELDS}. */
export type MappedField = (typeof MAPPED_FIELDS)[number];

/** Which source field (or rule) gave each canonical field of one record; an absent field was not given (a default applies). */
export type FieldSources = Partial<Record<MappedField, string>>;

/** A record converted into a canonical trajectory; `task` is the task the source itself defines, when it does. */
export interface TrajectoryItem {
  kind: 'trajectory';
  location: RecordLocation;
  trajectory: Trajectory;
  task?: TaskInput;
  /** Where the record's task, sample, budget, verdict and policy came from. */
  fields: FieldSources;
}

/** A record the adapter could not map, with the reason. */
export interface RejectItem {
  kind: 'reject';
  location: RecordLocation;
  reason: string;
}

/** A record that repeats one already converted (e.g. a ReAct agent listed in two sections); counted, not copied. */
export interface MergedItem {
  kind: 'merged';
  location: RecordLocation;
  note: string;
}

/** A fact about the source worth keeping in the manifest (e.g. the per-trial summary a log prints). */
export interface InfoItem {
  kind: 'info';
  key: string;
  value: unknown;
}

/** What an adapter yields. */
export type AdapterItem = TrajectoryItem | RejectItem | MergedItem | InfoItem;

/** What an adapter is given for one file. */
export interface AdapterContext {
  /** Absolute path of the source file. */
  file: string;
  /** Adapter options (`--import-option key=value`); unknown keys were rejected before. */
  options: Readonly<Record<string, string>>;
  /** Policy name forced by the user (per import or `--policy`); empty when none. */
  policy: string;
  /** Policy used when neither the user nor the source names one (the file's base name). */
  defaultPolicy: string;
  /** Size limit for sources read as one whole JSON document. */
  maxJsonBytes: number;
  /** Accept invalid UTF-8 (replaced by U+FFFD) instead of rejecting the line or file that holds it. */
  lenientUtf8: boolean;
}

/** One option an adapter understands. */
export interface AdapterOption {
  key: string;
  description: string;
  /** The default, as the user would write it. */
  default: string;
}

/** The first bytes of a file, for format detection. */
export interface FileHead {
  /** Up to 64 KiB of the (decompressed) file as text. */
  text: string;
  /** True when the file is a zip archive (e.g. an Inspect `.eval` log). */
  zip: boolean;
}

/** An input adapter, registered by name. */
export interface Adapter {
  name: AdapterName;
  description: string;
  options: readonly AdapterOption[];
  /** True when the file head looks like this adapter's format (used by `auto:`). */
  sniff(head: FileHead): boolean;
  /** Reads the file and yields one item per record. */
  read(context: AdapterContext): AsyncIterable<AdapterItem>;
}
