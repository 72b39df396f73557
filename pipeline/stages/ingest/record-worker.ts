/**
 * Worker thread of the ingest stage: parses, validates and resolves batches of lines, so JSON parsing
 * and serialization use every core while the main thread reads, orders and writes.
 */
import type { TaskInput } from '../../formats/task';
import type { SourceLine } from '../../io/lines';
import { serveBatches } from '../../runner/worker-pool';
import { processRecord, type ProcessorSettings, type RecordOutcome } from './process-record';
import { encodeBatch, encodedBuffers } from './encoded-lines';
import { TaskIndex } from './task-index';

serveBatches<{ tasks: TaskInput[]; settings: ProcessorSettings }, SourceLine[], RecordOutcome[]>(({ tasks, settings }) => {
  const index = new TaskIndex();
  for (const task of tasks) index.add(task);
  return (lines) => encodeBatch(lines.map((line) => processRecord(line, index, settings)));
}, encodedBuffers);
