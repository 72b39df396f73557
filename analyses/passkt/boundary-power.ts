/**
 * Planning what to collect: how large a boundary difference (tasks only a solves minus tasks only b
 * solves, at k = n) an experiment of m tasks and n samples per task detects with the wanted power at
 * the adjusted level, and how many tasks it would take to detect the difference observed.
 *
 * Model, from the observed per-task success rates of the reference policy b: a task that b solves in
 * a share p_b of its episodes is solved at least once in n episodes with probability
 * q = 1 − (1 − p_b)^n, by b and — with no difference — by a. A gain of size λ ∈ [0, 1] lets a solve a
 * share λ of what b misses (q_a = q + λ(1 − q)); a loss of size λ makes a miss a share λ of what b
 * solves (q_a = q(1 − λ)). Tasks are a sample from the population of tasks like these, so only_a and
 * only_b are multinomial with probabilities πa = mean q_a(1 − q_b) and πb = mean q_b(1 − q_a); the
 * expected difference is m · (πa − πb). The tasks the observed difference needs take the observed
 * shares only_a / m and only_b / m as those probabilities. The power of the exact McNemar test is
 * computed exactly (mcnemar-power.ts): no simulation, the same data give the same numbers.
 */
import { mcNemarPower } from './mcnemar-power';

/** One task's counts under both policies (b is the reference). */
export interface PairedCounts {
  nA: number;
  cA: number;
  nB: number;
  cB: number;
}

/** What the power analysis of one pair found. */
export interface BoundaryPower {
  tasks: number;
  /** Smallest expected only_a − only_b (in tasks) of a gain detected with the target power by the current m tasks; NaN when even λ = 1 is not. */
  detectableGain: number;
  /** The same for a loss (a negative number of tasks); NaN when not detectable. */
  detectableLoss: number;
  /** Observed only_a − only_b. */
  observed: number;
  /** Tasks needed to detect the observed split with the target power; NaN when observed = 0, Infinity beyond `maxTasks`. */
  tasksNeeded: number;
}

/** Settings of the analysis. */
export interface PowerSettings {
  /** Significance level of one test (the adjusted level, e.g. alpha / tests for Holm's first step). */
  alpha: number;
  /** Wanted power, e.g. 0.8. */
  target: number;
  /** Largest number of tasks searched for `tasksNeeded`. */
  maxTasks: number;
}

/** The direction of a planted difference. */
export type Direction = 'gain' | 'loss';

/** Discordance probabilities of the model at effect λ in a direction. */
export function discordance(tasks: readonly PairedCounts[], lambda: number, direction: Direction): { onlyA: number; onlyB: number } {
  let onlyA = 0;
  let onlyB = 0;
  for (const task of tasks) {
    const rate = task.cB / task.nB;
    const qb = 1 - (1 - rate) ** task.nB;
    const qa0 = 1 - (1 - rate) ** task.nA;
    const qa = direction === 'gain' ? qa0 + lambda * (1 - qa0) : qa0 * (1 - lambda);
    onlyA += qa * (1 - qb);
    onlyB += qb * (1 - qa);
  }
  return { onlyA: onlyA / tasks.length, onlyB: onlyB / tasks.length };
}

/** Power of m tasks at effect λ: rejections in the direction of the effect only. */
export function powerAt(tasks: readonly PairedCounts[], m: number, lambda: number, direction: Direction, alpha: number): number {
  const { onlyA, onlyB } = discordance(tasks, lambda, direction);
  return direction === 'gain' ? mcNemarPower(m, onlyA, onlyB, alpha) : mcNemarPower(m, onlyB, onlyA, alpha);
}

/** The smallest expected difference (tasks) detected with the target power, by bisection on λ (power rises with λ); NaN if none. */
function detectable(tasks: readonly PairedCounts[], direction: Direction, settings: PowerSettings): number {
  const m = tasks.length;
  if (powerAt(tasks, m, 1, direction, settings.alpha) < settings.target) return NaN;
  let low = 0;
  let high = 1;
  for (let i = 0; i < 40; i++) {
    const middle = (low + high) / 2;
    if (powerAt(tasks, m, middle, direction, settings.alpha) >= settings.target) high = middle;
    else low = middle;
  }
  const { onlyA, onlyB } = discordance(tasks, high, direction);
  return m * (onlyA - onlyB);
}

/** The smallest m (doubling, then bisection) at which a split with these shares is detected with the target power; Infinity beyond maxTasks. */
export function tasksNeeded(onlyA: number, onlyB: number, start: number, settings: PowerSettings): number {
  const power = (m: number) => mcNemarPower(m, onlyA, onlyB, settings.alpha);
  let high = Math.max(2, start);
  while (power(high) < settings.target) {
    if (high >= settings.maxTasks) return Infinity;
    high = Math.min(settings.maxTasks, high * 2);
  }
  let low = 1;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (power(middle) >= settings.target) high = middle;
    else low = middle;
  }
  return high;
}

/** The power analysis of one pair from its tasks' counts and its observed boundary split. */
export function boundaryPower(tasks: readonly PairedCounts[], observed: { onlyA: number; onlyB: number }, settings: PowerSettings): BoundaryPower {
  const m = tasks.length;
  const difference = observed.onlyA - observed.onlyB;
  const result: BoundaryPower = { tasks: m, detectableGain: NaN, detectableLoss: NaN, observed: difference, tasksNeeded: NaN };
  if (m === 0) return result;
  result.detectableGain = detectable(tasks, 'gain', settings);
  result.detectableLoss = detectable(tasks, 'loss', settings);
  if (difference > 0) result.tasksNeeded = tasksNeeded(observed.onlyA / m, observed.onlyB / m, m, settings);
  if (difference < 0) result.tasksNeeded = tasksNeeded(observed.onlyB / m, observed.onlyA / m, m, settings);
  return result;
}
