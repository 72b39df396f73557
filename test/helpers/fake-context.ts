/**
 * A fake StageContext for unit-testing a stage's `run` (and `inspect`) without the runner or the disk:
 * upstream outputs come from memory (stage name → file name → content) and everything the stage
 * writes is captured, serialized exactly as the runner would write it (same CSV and JSON formatting),
 * so a captured output can be fed to a downstream stage or to `inspect` as its StageInput.
 *
 *   const { ctx, output } = fakeContext({ params: MyParams.parse({}), inputs: { ingest: { 'episodes.jsonl': rows } } });
 *   const result = await myStage.run(ctx);
 *   output.csvRows('passkt.csv');                       // rows as a downstream stage reads them
 *   await myStage.inspect!(output.asInput('mystage')); // inspect sees the captured files
 *
 * Or in one call: `await runWithFakeContext(myStage, { params: {}, inputs })`.
 */
import { parseCsv, formatCsv } from '../../pipeline/io/csv';
import type {
  JsonlWriter,
  Progress,
  RunSettings,
  StageContext,
  StageDefinition,
  StageInput,
  StageManifest,
  StageOutput,
  StageResult,
} from '../../pipeline/runner/stage';

/**
 * Content of a fake upstream file. A string (or bytes) is the file's text, used as is. Otherwise the
 * file name decides: `.jsonl` takes an array of records (one JSON line each); `.csv` takes an array of
 * row objects (columns from the first row's keys) or `{ columns, rows }`; anything else is JSON.
 */
export type FakeFileContent = string | Uint8Array | unknown;

/** Upstream outputs: stage name → file name → content. */
export type FakeInputs = Record<string, Record<string, FakeFileContent>>;

/** Options of a fake context. Everything but `params` has a neutral default. */
export interface FakeContextOptions<P> {
  /** The stage's name (default `test-stage`). */
  name?: string;
  /** The stage's parameters, already parsed (e.g. `MyParams.parse({ resamples: 50 })`). */
  params: P;
  /** The stage's own seed (default 1). */
  seed?: number;
  settings?: Partial<RunSettings>;
  inputs?: FakeInputs;
  /** Upstream manifests; unspecified fields take neutral defaults. */
  manifests?: Record<string, Partial<StageManifest>>;
  externalFiles?: string[];
}

/** A file the stage wrote, as text exactly as the runner would write it, plus its structured form. */
export type CapturedFile =
  | { kind: 'csv'; text: string; columns: string[]; rows: Record<string, unknown>[] }
  | { kind: 'json'; text: string; data: unknown }
  | { kind: 'jsonl'; text: string; records: unknown[]; closed: boolean }
  | { kind: 'text'; text: string; bytes: Uint8Array };

/** What the fake context recorded besides files. */
export interface FakeRecord {
  info: string[];
  warn: string[];
  /** Progress bars opened, with their label, total and ticks. */
  progress: { label: string; total: number | undefined; ticks: number; stopped: boolean }[];
  /** Upstream stages the stage asked for. */
  inputsRead: string[];
}

/** A fake context, the captured output and the log. */
export interface FakeContext<P> {
  ctx: StageContext<P>;
  output: CapturedOutput;
  record: FakeRecord;
}

/** A complete manifest with neutral values, for fake upstream stages. */
export function fakeManifest(stage: string, overrides: Partial<StageManifest> = {}): StageManifest {
  return {
    stage,
    fingerprint: `fake-${stage}`,
    code_version: 'test',
    package_version: '0.0.0',
    started_at: '1970-01-01T00:00:00.000Z',
    finished_at: '1970-01-01T00:00:00.000Z',
    duration_ms: 0,
    params: {},
    seed: 0,
    settings: { seed: 0, strict: false },
    inputs: [],
    external_files: [],
    versions: {},
    counts: {},
    summary: [],
    details: {},
    outputs: [],
    ...overrides,
  };
}

// A real upstream manifest says how many episodes it passed on (ingest: `accepted`, label: `episodes_in`),
// and stages check their accounting against it: unless a test says otherwise, count the fake file's lines.
function withEpisodeCount(manifest: StageManifest, texts: Map<string, string>): StageManifest {
  if (manifest.counts['accepted'] !== undefined || manifest.counts['episodes_in'] !== undefined) return manifest;
  const file = ['episodes.jsonl', 'traces.jsonl', 'features.jsonl'].find((name) => texts.has(name));
  if (!file) return manifest;
  const episodes = texts.get(file)!.split('\n').filter((line) => line.trim() !== '').length;
  return { ...manifest, counts: { ...manifest.counts, [file === 'features.jsonl' ? 'episodes_in' : 'accepted']: episodes } };
}

function serializeFake(file: string, content: FakeFileContent): string {
  if (typeof content === 'string') return content;
  if (content instanceof Uint8Array) return new TextDecoder().decode(content);
  if (file.endsWith('.jsonl')) {
    if (!Array.isArray(content)) throw new TypeError(`fake input ${file}: a .jsonl file takes an array of records or a string`);
    return content.map((record) => `${JSON.stringify(record)}\n`).join('');
  }
  if (file.endsWith('.csv')) {
    if (Array.isArray(content)) {
      const rows = content as Record<string, unknown>[];
      return formatCsv(rows.length > 0 ? Object.keys(rows[0] as object) : [], rows);
    }
    const table = content as { columns?: string[]; rows?: Record<string, unknown>[] };
    if (!table || !Array.isArray(table.columns) || !Array.isArray(table.rows)) throw new TypeError(`fake input ${file}: a .csv file takes rows or { columns, rows }`);
    return formatCsv(table.columns, table.rows);
  }
  return `${JSON.stringify(content, null, 2)}\n`;
}

/** A StageInput over in-memory files (file name → content, see FakeFileContent). */
export function fakeStageInput(stage: string, files: Record<string, FakeFileContent>, given: StageManifest = fakeManifest(stage)): StageInput {
  const texts = new Map(Object.entries(files).map(([file, content]) => [file, serializeFake(file, content)]));
  const manifest = withEpisodeCount(given, texts);
  const read = (file: string): string => {
    const text = texts.get(file);
    if (text === undefined) throw new Error(`fake stage "${stage}" has no output "${file}" (it has: ${[...texts.keys()].join(', ') || 'none'})`);
    return text;
  };
  return {
    stage,
    manifest,
    has: (file) => texts.has(file),
    json: async <T>(file: string) => JSON.parse(read(file)) as T,
    csv: async (file) => parseCsv(read(file)),
    csvRows: (file) => (async function* () {
      yield* parseCsv(read(file));
    })(),
    text: async (file) => read(file),
    lines: (file) => (async function* () {
      yield* read(file).split(/\r?\n/).filter((line) => line !== '');
    })(),
    // a virtual path: nothing exists there, so a stage that reads by path fails loudly in tests
    path: (file) => {
      read(file);
      return `/fake-run/${stage}/${file}`;
    },
    jsonl: <T>(file: string): AsyncIterable<T> => ({
      async *[Symbol.asyncIterator]() {
        const lines = read(file).split(/\r?\n/);
        for (let i = 0; i < lines.length; i++) {
          const line = lines[i] as string;
          if (line === '') continue;
          try {
            yield JSON.parse(line) as T;
          } catch (error) {
            throw new Error(`${stage}/${file}:${i + 1} is not valid JSON (${(error as Error).message})`);
          }
        }
      },
    }),
  };
}

/** A StageOutput that keeps every written file in memory. */
export class CapturedOutput implements StageOutput {
  readonly dir: string;
  readonly files = new Map<string, CapturedFile>();

  /** An empty capture for a stage. */
  constructor(stage = 'test-stage') {
    this.dir = `/fake-run/${stage}.tmp`;
  }

  /** Captures a JSON file (pretty-printed, as the runner writes it). */
  async json(file: string, data: unknown): Promise<void> {
    this.files.set(file, { kind: 'json', text: `${JSON.stringify(data, null, 2)}\n`, data: JSON.parse(JSON.stringify(data)) });
  }

  /** Captures a text or binary file. */
  async text(file: string, data: string | Uint8Array): Promise<void> {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    this.files.set(file, { kind: 'text', text: typeof data === 'string' ? data : new TextDecoder().decode(data), bytes });
  }

  /** Captures a CSV file (formatted by the runner's own CSV writer). */
  async csv(file: string, columns: readonly string[], rows: Iterable<Record<string, unknown>>): Promise<void> {
    const materialized = [...rows];
    this.files.set(file, { kind: 'csv', text: formatCsv(columns, materialized), columns: [...columns], rows: materialized });
  }

  /** Opens a captured JSONL writer; writing after close throws, as on disk. */
  jsonl(file: string): JsonlWriter {
    const entry: CapturedFile & { kind: 'jsonl' } = { kind: 'jsonl', text: '', records: [], closed: false };
    this.files.set(file, entry);
    return {
      write: async (record: unknown) => {
        if (entry.closed) throw new Error(`write to ${file} after close`);
        const line = JSON.stringify(record);
        entry.text += `${line}\n`;
        entry.records.push(JSON.parse(line));
      },
      writeSerialized: async (line: string) => {
        if (entry.closed) throw new Error(`write to ${file} after close`);
        entry.text += `${line}\n`;
        entry.records.push(JSON.parse(line));
      },
      close: async () => {
        entry.closed = true;
      },
    };
  }

  /** The names of the written files, sorted. */
  names(): string[] {
    return [...this.files.keys()].sort();
  }

  /** The file's text exactly as the runner would have written it. */
  content(file: string): string {
    return this.get(file).text;
  }

  /** A CSV file read back as a downstream stage sees it (objects of strings). */
  csvRows(file: string): Record<string, string>[] {
    return parseCsv(this.content(file));
  }

  /** The header of a CSV file. */
  csvColumns(file: string): string[] {
    const entry = this.get(file);
    if (entry.kind !== 'csv') throw new Error(`${file} was not written as CSV`);
    return entry.columns;
  }

  /** The records of a JSONL file (as parsed JSON). */
  jsonlRecords<T = unknown>(file: string): T[] {
    const entry = this.get(file);
    if (entry.kind !== 'jsonl') throw new Error(`${file} was not written as JSONL`);
    return entry.records as T[];
  }

  /** A JSON file's data (as parsed JSON). */
  jsonData<T = unknown>(file: string): T {
    return JSON.parse(this.content(file)) as T;
  }

  /** JSONL files opened and never closed (a stage must close its writers). */
  unclosed(): string[] {
    return [...this.files].filter(([, entry]) => entry.kind === 'jsonl' && !entry.closed).map(([file]) => file);
  }

  /** Every captured file's text by name: pass it as a downstream stage's fake input (`inputs: { mystage: output.fileTexts() }`). */
  fileTexts(): Record<string, string> {
    const files: Record<string, string> = {};
    for (const [file, entry] of this.files) files[file] = entry.text;
    return files;
  }

  /** The captured files as the StageInput of `stage` (for a downstream stage or `inspect`). */
  asInput(stage: string, manifest?: Partial<StageManifest>): StageInput {
    return fakeStageInput(stage, this.fileTexts(), fakeManifest(stage, manifest));
  }

  private get(file: string): CapturedFile {
    const entry = this.files.get(file);
    if (!entry) throw new Error(`the stage wrote no "${file}" (it wrote: ${this.names().join(', ') || 'nothing'})`);
    return entry;
  }
}

/** A fake StageContext over in-memory upstream outputs, capturing what the stage writes and logs. */
export function fakeContext<P>(options: FakeContextOptions<P>): FakeContext<P> {
  const name = options.name ?? 'test-stage';
  const output = new CapturedOutput(name);
  const record: FakeRecord = { info: [], warn: [], progress: [], inputsRead: [] };
  const inputs = new Map(
    Object.entries(options.inputs ?? {}).map(([stage, files]) => [stage, fakeStageInput(stage, files, fakeManifest(stage, options.manifests?.[stage]))]),
  );
  const ctx: StageContext<P> = {
    name,
    params: options.params,
    settings: { seed: 0, strict: false, ...options.settings },
    seed: options.seed ?? 1,
    externalFiles: options.externalFiles ?? [],
    out: output,
    log: {
      info: (message) => record.info.push(message),
      warn: (message) => record.warn.push(message),
    },
    progress: (label, total): Progress => {
      const bar = { label, total, ticks: 0, stopped: false };
      record.progress.push(bar);
      return {
        tick: (n = 1) => {
          bar.ticks += n;
        },
        setTotal: (value) => {
          bar.total = value;
        },
        stop: () => {
          bar.stopped = true;
        },
      };
    },
    hasInput: (stage) => inputs.has(stage),
    input: (stage) => {
      const input = inputs.get(stage);
      if (!input) throw new Error(`stage "${name}" asked for the outputs of "${stage}", which the fake context was not given`);
      record.inputsRead.push(stage);
      return input;
    },
  };
  return { ctx, output, record };
}

/**
 * Runs a stage definition in a fake context: parses raw parameters with the stage's own schema (so
 * defaults apply, as in the runner), runs it, and returns its result with the captured output.
 */
export async function runWithFakeContext(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  stage: StageDefinition<any>,
  options: Omit<FakeContextOptions<unknown>, 'params' | 'name'> & { params?: Record<string, unknown> },
): Promise<FakeContext<unknown> & { result: StageResult }> {
  const params: unknown = stage.params.parse(options.params ?? {});
  const fake = fakeContext({ ...options, name: stage.name, params });
  const result = await stage.run(fake.ctx);
  return { ...fake, result };
}
