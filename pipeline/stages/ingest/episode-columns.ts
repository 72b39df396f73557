import { bool, dictionary, float64, int32, tableFromArrays, tableToIPC, utf8 } from '@uwdata/flechette';
import type { EpisodeRow } from '../../../analyses/episode';
import { TRACE_KINDS } from '../../formats/trajectory';

const INITIAL_CAPACITY = 1 << 14;

/**
 * The accepted episodes as compact columns (typed arrays, strings interned), so a million rows cost
 * tens of MB; written as Arrow IPC (`episodes.arrow`) for DuckDB, Spark, pandas or arquero.
 */
export class EpisodeColumns {
  private size = 0;
  private capacity = INITIAL_CAPACITY;
  private readonly ids: string[] = [];
  private readonly dictionaries = { policy: new Interner(), task: new Interner(), family: new Interner() };
  private codes = { policy: new Int32Array(this.capacity), task: new Int32Array(this.capacity), family: new Int32Array(this.capacity) };
  private numbers = {
    budget: new Float64Array(this.capacity),
    sample: new Float64Array(this.capacity),
    rounds: new Int32Array(this.capacity),
    calls: new Int32Array(this.capacity),
    score: new Float64Array(this.capacity),
    gold_total: new Int32Array(this.capacity),
    gold_retrieved: new Int32Array(this.capacity),
  };
  // 0 = false, 1 = true, 2 = null
  private flags = { answered: new Uint8Array(this.capacity), correct: new Uint8Array(this.capacity), answer_in_results: new Uint8Array(this.capacity) };
  // Index into TRACE_KINDS (a complete trace is written out in Arrow, unlike in the JSONL rows).
  private traces = new Uint8Array(this.capacity);

  /** Appends one row. */
  add(row: EpisodeRow): void {
    if (this.size === this.capacity) this.grow();
    const i = this.size++;
    this.ids.push(row.id);
    this.codes.policy[i] = this.dictionaries.policy.code(row.policy);
    this.codes.task[i] = this.dictionaries.task.code(row.task);
    this.codes.family[i] = this.dictionaries.family.code(row.family);
    this.numbers.budget[i] = row.budget ?? Number.NaN;
    this.numbers.sample[i] = row.sample ?? Number.NaN;
    this.numbers.rounds[i] = row.rounds;
    this.numbers.calls[i] = row.calls;
    this.numbers.score[i] = row.score ?? Number.NaN;
    this.numbers.gold_total[i] = row.gold_total;
    this.numbers.gold_retrieved[i] = row.gold_retrieved;
    this.flags.answered[i] = row.answered ? 1 : 0;
    this.flags.correct[i] = row.correct ? 1 : 0;
    this.flags.answer_in_results[i] = row.answer_in_results === null ? 2 : row.answer_in_results ? 1 : 0;
    this.traces[i] = TRACE_KINDS.indexOf(row.trace ?? 'complete');
  }

  /** Number of rows. */
  get length(): number {
    return this.size;
  }

  /** Arrow IPC file bytes of every row (nullable columns use Arrow nulls). */
  toArrow(): Uint8Array {
    const n = this.size;
    const nullable = (values: Float64Array) => Array.from(values.subarray(0, n), (v) => (Number.isNaN(v) ? null : v));
    const decode = (codes: Int32Array, interner: Interner) => Array.from(codes.subarray(0, n), (code) => interner.values[code]!);
    const booleans = (flags: Uint8Array) => Array.from(flags.subarray(0, n), (v) => (v === 2 ? null : v === 1));
    const columns = tableFromArrays(
      {
        id: this.ids,
        policy: decode(this.codes.policy, this.dictionaries.policy),
        task: decode(this.codes.task, this.dictionaries.task),
        family: decode(this.codes.family, this.dictionaries.family),
        budget: nullable(this.numbers.budget),
        sample: nullable(this.numbers.sample),
        rounds: this.numbers.rounds.slice(0, n),
        calls: this.numbers.calls.slice(0, n),
        answered: booleans(this.flags.answered),
        correct: booleans(this.flags.correct),
        score: nullable(this.numbers.score),
        gold_total: this.numbers.gold_total.slice(0, n),
        gold_retrieved: this.numbers.gold_retrieved.slice(0, n),
        answer_in_results: booleans(this.flags.answer_in_results),
        trace: Array.from(this.traces.subarray(0, n), (code) => TRACE_KINDS[code]!),
      },
      {
        // Explicit types: inference fails on an empty table and would guess per batch otherwise.
        types: {
          id: utf8(),
          policy: dictionary(utf8()),
          task: dictionary(utf8()),
          family: dictionary(utf8()),
          budget: float64(),
          sample: float64(),
          rounds: int32(),
          calls: int32(),
          answered: bool(),
          correct: bool(),
          score: float64(),
          gold_total: int32(),
          gold_retrieved: int32(),
          answer_in_results: bool(),
          trace: dictionary(utf8()),
        },
      },
    );
    return tableToIPC(columns, { format: 'file' })!;
  }

  private grow(): void {
    this.capacity *= 2;
    const grown = <T extends Int32Array | Float64Array | Uint8Array>(array: T): T => {
      const next = new (array.constructor as new (n: number) => T)(this.capacity);
      next.set(array);
      return next;
    };
    this.codes = { policy: grown(this.codes.policy), task: grown(this.codes.task), family: grown(this.codes.family) };
    this.numbers = {
      budget: grown(this.numbers.budget),
      sample: grown(this.numbers.sample),
      rounds: grown(this.numbers.rounds),
      calls: grown(this.numbers.calls),
      score: grown(this.numbers.score),
      gold_total: grown(this.numbers.gold_total),
      gold_retrieved: grown(this.numbers.gold_retrieved),
    };
    this.flags = { answered: grown(this.flags.answered), correct: grown(this.flags.correct), answer_in_results: grown(this.flags.answer_in_results) };
    this.traces = grown(this.traces);
  }
}

/** Maps repeated strings to small integer codes. */
class Interner {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();
  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }
}
