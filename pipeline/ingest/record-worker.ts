/**
 * Worker thread of the ingest stage: parses, validates and resolves batches of lines, so JSON parsing
 * and serialization use every core while the main thread reads, orders and writes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { TaskInput } from '../formats/task';
import { processRecord, type ProcessorSettings } from './process-record';
import { TaskIndex } from './task-index';
import type { LineBatch } from './record-pool';

const { tasks, settings } = workerData as { tasks: TaskInput[]; settings: ProcessorSettings };
const index = new TaskIndex();
for (const task of tasks) index.add(task);

parentPort!.on('message', (batch: LineBatch) => {
  const outcomes = batch.texts.map((text, i) =>
    processRecord({ text, line: batch.lines[i]!, tooLong: batch.tooLong[i]!, bytes: batch.bytes[i]! }, index, settings),
  );
  parentPort!.postMessage({ id: batch.id, outcomes });
});
