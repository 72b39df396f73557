import { parentPort, Worker, workerData } from 'node:worker_threads';
import { StageError } from '../errors';

const WORKER_HEAP_MB = 256;

/**
 * Items (lines) larger than this are never sent to a worker: parsing takes several times an item's size
 * in heap, and a batch plus one such item must fit a worker's heap with room to spare.
 */
export const WORKER_ITEM_BYTES = (WORKER_HEAP_MB * 1024 * 1024) / 32;

/**
 * A fixed pool of worker threads running one TypeScript module. Batches go out round-robin and their
 * results come back as promises, which callers await in submission order — so the output order never
 * depends on timing, only the speed does.
 */
export class WorkerPool<Batch, Result> {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (result: Result) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private closing = false;

  /** Starts `size` workers on `moduleUrl` (a module that calls {@link serveBatches}), each given `data`. */
  constructor(moduleUrl: string, size: number, data: unknown) {
    // Workers do not inherit tsx's loader: register it inside the worker before importing the module.
    const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(moduleUrl)}); })`;
    this.workers = Array.from({ length: size }, () => {
      // A worker holds one batch at a time: a small heap limit makes it collect early instead of growing
      // the process RSS (measured at 1M episodes: 1.6 GB without it).
      const worker = new Worker(bootstrap, { eval: true, workerData: data, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      worker.on('message', ({ id, result }: { id: number; result: Result }) => {
        this.waiting.get(id)?.resolve(result);
        this.waiting.delete(id);
      });
      worker.on('error', (error) => this.failAll(error));
      // A worker killed without an error event (out of memory, a loader exit) must not leave its caller waiting.
      worker.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.failAll(new StageError(`a worker thread stopped unexpectedly (exit code ${code}); re-run with --workers 0.`));
      });
      return worker;
    });
  }

  /** The number of worker threads. */
  get size(): number {
    return this.workers.length;
  }

  /** Sends one batch; resolves with the worker's result for it. */
  submit(batch: Batch): Promise<Result> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.workers[id % this.workers.length]!.postMessage({ id, batch });
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private failAll(error: Error): void {
    for (const pending of this.waiting.values()) pending.reject(error);
    this.waiting.clear();
  }
}

/** The worker side of a {@link WorkerPool}: answers every batch with `handle(batch, workerData)`. */
export function serveBatches<Data, Batch, Result>(setup: (data: Data) => (batch: Batch) => Result): void {
  const handle = setup(workerData as Data);
  parentPort!.on('message', ({ id, batch }: { id: number; batch: Batch }) => {
    parentPort!.postMessage({ id, result: handle(batch) });
  });
}
