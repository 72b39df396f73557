/**
 * Nesting depth of the free-form parts of a record. The schemas fix the depth of every other field, so
 * only `meta` and call `args` can nest without bound — and a value nested some 10,000 levels deep
 * exhausts the stack of JSON.stringify. Checked iteratively, so the check itself cannot.
 */

/** A record's fields that hold free-form JSON (tasks have `meta`, trajectories also `steps[].args`). */
export interface FreeFormFields {
  meta?: unknown;
  steps?: readonly { type: string; args?: unknown }[];
}

/** True when a JSON value nests more than `limit` levels (a scalar is level 0, `{}` or `[]` level 1). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

/**
 * Why a record nests too deeply, or null. Depth counts from the record itself (level 1), so `meta`
 * sits at level 2 and a call's `args` at level 4 (record → steps → step → args).
 */
export function nestingProblem(record: FreeFormFields, maxDepth: number): string | null {
  if (record.meta !== undefined && nestsDeeperThan(record.meta, maxDepth - 1)) return `field "meta" nests deeper than ${maxDepth} levels`;
  const steps = record.steps ?? [];
  for (let i = 0; i < steps.length; i += 1) {
    const step = steps[i]!;
    if (step.type === 'call' && nestsDeeperThan(step.args, maxDepth - 3)) return `field "steps[${i}].args" nests deeper than ${maxDepth} levels`;
  }
  return null;
}
