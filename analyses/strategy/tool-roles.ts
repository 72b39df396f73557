/**
 * Tool roles (TAXONOMY.md "Agents with more than a search tool"): what each tool of an agent does —
 * `search` returns candidates for a query, `read` opens one document found earlier, `answer` submits
 * the final answer, `other` is anything else. Roles come from the tool's name by the default patterns
 * below, unless the user maps the name (`--tool-role name=role`).
 */

/** The roles, in the order the default patterns are tried. */
export const TOOL_ROLES = ['search', 'read', 'answer', 'other'] as const;

/** One tool role. */
export type ToolRole = (typeof TOOL_ROLES)[number];

/** TAXONOMY.md's default name patterns per role (case-insensitive; `*` matches any run of characters). */
export const DEFAULT_ROLE_PATTERNS: Readonly<Record<Exclude<ToolRole, 'other'>, readonly string[]>> = {
  search: ['search', '*search*', 'retrieve*', 'query*', 'bm25', 'wiki*search*'],
  read: ['read*', 'view*', 'open*', 'browse*', 'fetch*', 'click*', 'lookup*', 'get_page*', 'scroll*'],
  answer: ['answer', 'finish', 'submit*', 'final*'],
};

/** Tells the role of a tool name. */
export type RoleOf = (tool: string) => ToolRole;

/**
 * The role of a tool: the user's mapping first (a name or a pattern with `*`, case-insensitive), then
 * the default patterns in role order (search before read: `open_search` searches), else `other`.
 */
export function toolRoleMatcher(overrides: Readonly<Record<string, ToolRole>> = {}): RoleOf {
  const rules: [RegExp, ToolRole][] = [
    ...Object.entries(overrides).map(([pattern, role]): [RegExp, ToolRole] => [globPattern(pattern), role]),
    ...(['search', 'read', 'answer'] as const).flatMap((role) => DEFAULT_ROLE_PATTERNS[role].map((pattern): [RegExp, ToolRole] => [globPattern(pattern), role])),
  ];
  const known = new Map<string, ToolRole>();
  return (tool) => {
    let role = known.get(tool);
    if (role === undefined) {
      role = rules.find(([pattern]) => pattern.test(tool))?.[1] ?? 'other';
      // Agents use a handful of tools; the cap only bounds memory on a file of made-up names.
      if (known.size < MAX_CACHED_TOOLS) known.set(tool, role);
    }
    return role;
  };
}

const MAX_CACHED_TOOLS = 10_000;

function globPattern(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'i');
}

/** Reading depth of an episode from its number of distinct read targets: `none` 0, `brief` 1–2, `deep` 3+. */
export type Reading = 'none' | 'brief' | 'deep';

/** The reading label of TAXONOMY.md for a number of distinct read targets. */
export function readingOf(targets: number): Reading {
  return targets === 0 ? 'none' : targets <= 2 ? 'brief' : 'deep';
}
