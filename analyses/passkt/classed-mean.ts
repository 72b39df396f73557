/**
 * The bootstrap's hot loop. A mean over tasks of per-task estimates depends only on how much weight
 * each distinct estimate row gets, so tasks are grouped into classes (same eligibility, same rows):
 * one resample costs one pass over the tasks to sum class weights, then k × classes multiply-adds —
 * with n = 64 at most 65 classes, whatever the number of tasks.
 */

/** One task of a statistic. */
export interface Member {
  /** The task's index in the resampled universe (the weight vector's index). */
  index: number;
  /** The task counts for k only while k <= eligibleN (fewer episodes than k: excluded, never padded). */
  eligibleN: number;
  /** One estimate row per output table (estimates for k = 1.., at least eligibleN long). */
  rows: readonly Float64Array[];
}

/** Something the bootstrap evaluates under a task-weight vector: `outputs` curves over k = 1..kMax. */
export interface Statistic {
  readonly kMax: number;
  readonly outputs: number;
  /** Writes the weighted curves (NaN where no eligible task has weight) into out[o][offset + k - 1]. */
  evaluate(weights: ArrayLike<number>, out: readonly Float64Array[], offset: number): void;
}

/** Weighted means over member tasks of their estimate rows, for every k at once. */
export class ClassedMean implements Statistic {
  readonly kMax: number;
  readonly outputs: number;
  /** Number of eligible tasks at each k (index k - 1). */
  readonly tasks: Int32Array;
  private readonly memberIndex: Int32Array;
  private readonly memberClass: Int32Array;
  private readonly classCount: number;
  /** Classes are sorted by eligibility, descending, so the classes eligible at k are a prefix. */
  private readonly eligiblePrefix: Int32Array;
  /** Per output: kMax × classCount values, k-major. */
  private readonly values: Float64Array[];
  private readonly classWeight: Float64Array;
  private readonly cumulativeWeight: Float64Array;

  /** Builds the classes of `members` for `outputs` estimate tables. */
  constructor(members: readonly Member[], outputs: number) {
    this.outputs = outputs;
    const rowIds = new Map<Float64Array, number>();
    const idOf = (row: Float64Array): number => {
      let id = rowIds.get(row);
      if (id === undefined) rowIds.set(row, (id = rowIds.size));
      return id;
    };
    const classes = new Map<string, { eligibleN: number; rows: readonly Float64Array[]; id: number }>();
    const memberKey: string[] = [];
    for (const member of members) {
      if (member.rows.length !== outputs) throw new RangeError(`member has ${member.rows.length} rows, expected ${outputs}`);
      for (const row of member.rows) if (row.length < member.eligibleN) throw new RangeError('estimate row shorter than eligibleN');
      const key = `${member.eligibleN}:${member.rows.map(idOf).join(',')}`;
      if (!classes.has(key)) classes.set(key, { eligibleN: member.eligibleN, rows: member.rows, id: 0 });
      memberKey.push(key);
    }
    const ordered = [...classes.values()].sort((x, y) => y.eligibleN - x.eligibleN);
    ordered.forEach((entry, id) => (entry.id = id));
    this.classCount = ordered.length;
    this.kMax = ordered.length > 0 ? (ordered[0] as { eligibleN: number }).eligibleN : 0;
    this.memberIndex = Int32Array.from(members, (member) => member.index);
    this.memberClass = Int32Array.from(memberKey, (key) => (classes.get(key) as { id: number }).id);
    this.eligiblePrefix = new Int32Array(this.kMax);
    this.tasks = new Int32Array(this.kMax);
    for (let k = 1; k <= this.kMax; k++) {
      let prefix = 0;
      while (prefix < ordered.length && (ordered[prefix] as { eligibleN: number }).eligibleN >= k) prefix += 1;
      this.eligiblePrefix[k - 1] = prefix;
    }
    for (const member of members) for (let k = 1; k <= member.eligibleN; k++) this.tasks[k - 1] = (this.tasks[k - 1] as number) + 1;
    this.values = [];
    for (let o = 0; o < outputs; o++) {
      const table = new Float64Array(this.kMax * this.classCount);
      for (const entry of ordered) {
        const row = entry.rows[o] as Float64Array;
        for (let k = 1; k <= entry.eligibleN; k++) table[(k - 1) * this.classCount + entry.id] = row[k - 1] as number;
      }
      this.values.push(table);
    }
    this.classWeight = new Float64Array(this.classCount);
    this.cumulativeWeight = new Float64Array(this.classCount + 1);
  }

  /** Weighted means with weights indexed by the members' universe index. */
  evaluate(weights: ArrayLike<number>, out: readonly Float64Array[], offset: number): void {
    const classWeight = this.classWeight;
    classWeight.fill(0);
    const memberIndex = this.memberIndex;
    const memberClass = this.memberClass;
    for (let j = 0; j < memberIndex.length; j++) {
      const c = memberClass[j] as number;
      classWeight[c] = (classWeight[c] as number) + (weights[memberIndex[j] as number] as number);
    }
    this.reduce(out, offset);
  }

  /** The plain mean over eligible tasks (every task weighted once). */
  pointEstimate(): Float64Array[] {
    this.classWeight.fill(0);
    for (let j = 0; j < this.memberClass.length; j++) {
      const c = this.memberClass[j] as number;
      this.classWeight[c] = (this.classWeight[c] as number) + 1;
    }
    const out = Array.from({ length: this.outputs }, () => new Float64Array(this.kMax));
    this.reduce(out, 0);
    return out;
  }

  private reduce(out: readonly Float64Array[], offset: number): void {
    const classCount = this.classCount;
    const classWeight = this.classWeight;
    const cumulative = this.cumulativeWeight;
    for (let c = 0; c < classCount; c++) cumulative[c + 1] = (cumulative[c] as number) + (classWeight[c] as number);
    for (let o = 0; o < this.outputs; o++) {
      const table = this.values[o] as Float64Array;
      const target = out[o] as Float64Array;
      for (let k = 0; k < this.kMax; k++) {
        const prefix = this.eligiblePrefix[k] as number;
        const denominator = cumulative[prefix] as number;
        const base = k * classCount;
        let sum = 0;
        for (let c = 0; c < prefix; c++) sum += (classWeight[c] as number) * (table[base + c] as number);
        target[offset + k] = denominator > 0 ? sum / denominator : NaN;
      }
    }
  }
}

/**
 * The paired difference mean_a − mean_b over the same tasks: by linearity it is the difference of
 * two class means with the same weights, which keeps both sides at ≤ 65 classes each.
 */
export class PairedDifference implements Statistic {
  readonly kMax: number;
  readonly outputs = 1;
  /** Number of eligible paired tasks at each k (index k - 1). */
  readonly tasks: Int32Array;
  private readonly scratchA: Float64Array[];
  private readonly scratchB: Float64Array[];

  /** Members of `a` and `b` must list the same tasks with the same eligibility (min of both n). */
  constructor(private readonly a: ClassedMean, private readonly b: ClassedMean) {
    if (a.kMax !== b.kMax || a.outputs !== 1 || b.outputs !== 1) throw new RangeError('paired sides must share tasks and have one output');
    this.kMax = a.kMax;
    this.tasks = a.tasks;
    this.scratchA = [new Float64Array(this.kMax)];
    this.scratchB = [new Float64Array(this.kMax)];
  }

  /** Writes mean_a − mean_b under the given weights. */
  evaluate(weights: ArrayLike<number>, out: readonly Float64Array[], offset: number): void {
    this.a.evaluate(weights, this.scratchA, 0);
    this.b.evaluate(weights, this.scratchB, 0);
    const target = out[0] as Float64Array;
    const left = this.scratchA[0] as Float64Array;
    const right = this.scratchB[0] as Float64Array;
    for (let k = 0; k < this.kMax; k++) target[offset + k] = (left[k] as number) - (right[k] as number);
  }

  /** The plain paired difference over every eligible task. */
  pointEstimate(): Float64Array {
    const [left, right] = this.sides();
    return left.map((value, k) => value - (right[k] as number));
  }

  /** The two means (a, b) over the paired tasks, whose difference `pointEstimate` is. */
  sides(): [Float64Array, Float64Array] {
    return [this.a.pointEstimate()[0] as Float64Array, this.b.pointEstimate()[0] as Float64Array];
  }
}
