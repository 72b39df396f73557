/**
 * JSON and JSON Lines outputs declared once: the file name and the type of what it holds (and, for
 * files read on a hot path, a cheap check of each record). Writers and readers use the declaration,
 * so neither names the file nor restates its type.
 */
import { UserError } from '../errors';
import type { StageInput, StageOutput } from '../runner/stage';

/** A JSONL writer of one record type. */
export interface TypedJsonlWriter<T> {
  write(record: T): Promise<void>;
  /** Writes a record serialized elsewhere (a worker thread): one line of JSON of a T. */
  writeSerialized(json: string): Promise<void>;
  close(): Promise<void>;
}

/** A declared JSON Lines output. */
export interface JsonlFile<T> {
  readonly file: string;
  /** Streams the records, checking each: a bad one is an error naming the stage, file and line. */
  stream(input: StageInput): AsyncIterable<T>;
  /** Opens the file for writing in a stage's output folder. */
  open(out: StageOutput): TypedJsonlWriter<T>;
}

/** Declares a JSONL output; `problem` says why a parsed line is not a record (null when it is). */
export function defineJsonlFile<T>(file: string, problem: (value: unknown) => string | null = () => null): JsonlFile<T> {
  return {
    file,
    stream: (input) => ({
      async *[Symbol.asyncIterator]() {
        let line = 0;
        for await (const record of input.jsonl<unknown>(file)) {
          line += 1;
          const why = problem(record);
          if (why !== null) throw outputError(input, `line ${line}: ${why}`, file);
          yield record as T;
        }
      },
    }),
    open: (out) => out.jsonl(file),
  };
}

/** A declared JSON output (one document). */
export interface JsonFile<T> {
  readonly file: string;
  read(input: StageInput): Promise<T>;
  write(out: StageOutput, data: T): Promise<void>;
}

/** Declares a JSON output. */
export function defineJsonFile<T>(file: string): JsonFile<T> {
  return {
    file,
    read: (input) => input.json<T>(file),
    write: (out, data) => out.json(file, data),
  };
}

/** An upstream output that does not hold what its declaration says: re-running its stage fixes it. */
export function outputError(input: StageInput, what: string, file: string): UserError {
  return new UserError(
    `${input.stage}/${file} ${what}.`,
    `The file is written by the ${input.stage} stage; re-run it with \`npm run pipeline -- --from ${input.stage}\`.`,
  );
}
