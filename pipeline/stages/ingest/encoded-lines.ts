/**
 * The rows and traces of a batch's episodes, UTF-8 encoded in the worker thread that serialized them:
 * one buffer per file and each episode's byte range. The main thread then writes runs of consecutive
 * accepted episodes as slices of those buffers, instead of receiving, encoding and writing two strings
 * per episode (a duplicate id or an unnumbered episode in between only splits a run).
 */
import type { RecordOutcome } from './process-record';

/** Where an episode's lines are in its batch's buffers. */
export interface EncodedLines {
  rows: Uint8Array;
  traces: Uint8Array;
  row: [number, number];
  trace: [number, number];
}

// Lines joined and encoded once into a buffer of their own (it is transferred); a string of n UTF-16
// units takes at most 3n bytes.
function encode(lines: readonly string[]): { bytes: Uint8Array; ranges: [number, number][] } {
  const buffer = Buffer.allocUnsafeSlow(lines.reduce((sum, line) => sum + (line === '' ? 0 : 3 * line.length + 1), 0));
  const ranges: [number, number][] = [];
  let offset = 0;
  for (const line of lines) {
    const start = offset;
    if (line !== '') {
      offset += buffer.write(line, offset);
      buffer[offset++] = 0x0a;
    }
    ranges.push([start, offset]);
  }
  return { bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, offset), ranges };
}

/** Moves the serialized lines of a batch's episodes into two encoded buffers (the outcomes' strings are emptied). */
export function encodeBatch(outcomes: RecordOutcome[]): RecordOutcome[] {
  const episodes = outcomes.filter((outcome) => outcome.kind === 'episode');
  if (episodes.length === 0) return outcomes;
  const rows = encode(episodes.map((outcome) => outcome.rowJson));
  const traces = encode(episodes.map((outcome) => outcome.traceJson));
  episodes.forEach((outcome, i) => {
    outcome.encoded = { rows: rows.bytes, traces: traces.bytes, row: rows.ranges[i]!, trace: traces.ranges[i]! };
    outcome.rowJson = '';
    outcome.traceJson = '';
  });
  return outcomes;
}

/** The buffers of a batch's outcomes, to transfer rather than copy. */
export function encodedBuffers(outcomes: RecordOutcome[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const outcome of outcomes) {
    if (outcome.kind !== 'episode' || !outcome.encoded) continue;
    buffers.add(outcome.encoded.rows.buffer as ArrayBuffer);
    buffers.add(outcome.encoded.traces.buffer as ArrayBuffer);
  }
  return [...buffers];
}

/** A JSONL writer that takes encoded slices, joining consecutive slices of one buffer into one write. */
export class CoalescedLines {
  private bytes: Uint8Array | undefined;
  private start = 0;
  private end = 0;

  constructor(private readonly writer: { writeLines(bytes: Uint8Array): Promise<void>; writeSerialized(json: string): Promise<void> }) {}

  /** Appends the lines at `range` of `bytes`. */
  async add(bytes: Uint8Array, range: readonly [number, number]): Promise<void> {
    if (bytes === this.bytes && range[0] === this.end) {
      this.end = range[1];
      return;
    }
    await this.flush();
    this.bytes = bytes;
    [this.start, this.end] = range;
  }

  /** Appends one line serialized on this thread. */
  async addSerialized(json: string): Promise<void> {
    await this.flush();
    await this.writer.writeSerialized(json);
  }

  /** Writes what is pending. */
  async flush(): Promise<void> {
    if (this.bytes && this.end > this.start) await this.writer.writeLines(this.bytes.subarray(this.start, this.end));
    this.bytes = undefined;
  }
}
