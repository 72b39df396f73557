import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** A readable reason and a category for the first problems zod found in a record. */
export function describeZodError(error: z.ZodError): { reason: string; category: string } {
  const issues = error.issues.slice(0, 3);
  const parts = issues.map((issue) => {
    const field = formatPath(issue.path);
    if (isMissing(issue)) return `missing field "${field}"`;
    return field ? `field "${field}": ${issue.message}` : issue.message;
  });
  const more = error.issues.length > issues.length ? ` (and ${error.issues.length - issues.length} more)` : '';
  const first = error.issues[0];
  return { reason: parts.join('; ') + more, category: first && isMissing(first) ? 'missing field' : 'wrong type or value' };
}

// A union whose every branch failed on `undefined` (e.g. a call without `args`) is a missing field too.
function isMissing(issue: Issue): boolean {
  if (issue.code === 'invalid_type') return /received undefined/.test(issue.message);
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    return issue.errors.every((branch) => branch.length > 0 && branch.every((inner) => isMissing(inner)));
  }
  return false;
}

function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : text ? `.${String(part)}` : String(part);
  return text;
}
