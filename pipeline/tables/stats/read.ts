/**
 * Reading `stats.jsonl` back, line by line (a merged file of a large run can hold millions of
 * (policy, task) lines): every line is checked, and the groups must come in the written order.
 */
import { UserError } from '../../errors';
import { readLines } from '../../io/lines';
import { BODY_KINDS, HeaderSchema, bodySchema, type BodyLine, type StatsHeader } from './format';

const HINT = 'The file is written by the stats stage (a run with --shard i/N) or the merge stage; re-run that run rather than editing it.';

function problem(label: string, line: number, reason: string): UserError {
  return new UserError(`${label} line ${line}: ${reason}.`, HINT);
}

function parseJson(text: string, label: string, line: number): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw problem(label, line, `not valid JSON (${(error as Error).message})`);
  }
}

function describeIssue(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const issue = issues[0];
  if (!issue) return 'invalid';
  return issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}

function parseHeader(text: string, label: string, line: number): StatsHeader {
  const parsed = HeaderSchema.safeParse(parseJson(text, label, line));
  if (!parsed.success) {
    throw problem(label, line, `not a statistics header (${describeIssue(parsed.error.issues)})`);
  }
  return parsed.data;
}

/** The header of a statistics file (its first line). */
export async function readStatsHeader(path: string, label: string): Promise<StatsHeader> {
  for await (const { text, line } of readLines(path)) {
    if (text.trim() === '') continue;
    return parseHeader(text, label, line);
  }
  throw new UserError(`${label} is empty: it holds no statistics header.`, HINT);
}

/** Streams the body lines of a statistics file (after its header), each checked against its kind's schema. */
export async function* readStatsBody(path: string, label: string): AsyncGenerator<BodyLine> {
  let headerSeen = false;
  let group = 0;
  for await (const { text, line } of readLines(path)) {
    if (text.trim() === '') continue;
    if (!headerSeen) {
      parseHeader(text, label, line);
      headerSeen = true;
      continue;
    }
    const value = parseJson(text, label, line);
    const kind = (value as { kind?: unknown } | null)?.kind;
    const schema = bodySchema(kind);
    if (!schema) throw problem(label, line, `unknown kind ${JSON.stringify(kind)} (expected ${BODY_KINDS.join(', ')})`);
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      throw problem(label, line, `not a valid ${String(kind)} line (${describeIssue(parsed.error.issues)})`);
    }
    const position = BODY_KINDS.indexOf(parsed.data.kind);
    if (position < group) throw problem(label, line, `a ${parsed.data.kind} line after the ${BODY_KINDS[group]} lines`);
    group = position;
    yield parsed.data;
  }
  if (!headerSeen) throw new UserError(`${label} is empty: it holds no statistics header.`, HINT);
}
