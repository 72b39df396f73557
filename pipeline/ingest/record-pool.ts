import { Worker } from 'node:worker_threads';
import { StageError } from '../errors';
import type { TaskInput } from '../formats/task';
import type { SourceLine } from '../io/lines';
import type { ProcessorSettings, RecordOutcome } from './process-record';

/** Lines sent to a worker in one message (columns, so the structured clone stays cheap). */
export interface LineBatch {
  id: number;
  texts: string[];
  lines: number[];
  tooLong: boolean[];
  bytes: number[];
}

const WORKER_URL = new URL('./record-worker.ts', import.meta.url).href;
// Workers do not inherit tsx's loader: register it inside the worker before importing the TypeScript module.
const BOOTSTRAP = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL)}); })`;

/**
 * A fixed pool of record workers. Batches are handed out round-robin and their results come back as
 * promises, which the caller awaits in submission order — so output order never depends on timing.
 */
export class RecordPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (outcomes: RecordOutcome[]) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private closing = false;

  constructor(size: number, tasks: TaskInput[], settings: ProcessorSettings) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { tasks, settings } });
      worker.on('message', ({ id, outcomes }: { id: number; outcomes: RecordOutcome[] }) => {
        this.waiting.get(id)?.resolve(outcomes);
        this.waiting.delete(id);
      });
      worker.on('error', (error) => this.failAll(error));
      // A worker killed without an error event (out of memory, a loader exit) must not leave ingest waiting forever.
      worker.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.failAll(new StageError(`an ingest worker thread stopped unexpectedly (exit code ${code}); re-run with --workers 0 to parse on the main thread.`));
      });
      return worker;
    });
  }

  /** Sends a batch of lines; resolves with one outcome per line, in order. */
  submit(batch: readonly SourceLine[]): Promise<RecordOutcome[]> {
    const id = this.nextId++;
    const message: LineBatch = {
      id,
      texts: batch.map((l) => l.text),
      lines: batch.map((l) => l.line),
      tooLong: batch.map((l) => l.tooLong),
      bytes: batch.map((l) => l.bytes),
    };
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.workers[id % this.workers.length]!.postMessage(message);
    });
  }

  private failAll(error: Error): void {
    for (const pending of this.waiting.values()) pending.reject(error);
    this.waiting.clear();
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
