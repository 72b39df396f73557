/**
 * Which tools the labeled episodes called and the role each got, for the label stage's manifest and
 * summary: a reader sees at once whether `view_sections` counted as reading or fell into `other`.
 */
import { TOOL_ROLES, type RoleOf, type ToolRole } from '../../../analyses/strategy/tool-roles';

/** Calls per tool name, with each tool's role. */
export class ToolRoleTally {
  private readonly calls = new Map<string, number>();

  constructor(private readonly roleOf: RoleOf) {}

  /** Counts the calls of one episode (tool names in call order). */
  add(tools: readonly string[]): void {
    for (const tool of tools) this.calls.set(tool, (this.calls.get(tool) ?? 0) + 1);
  }

  /** True when some call was a read. */
  get hasReads(): boolean {
    return [...this.calls.keys()].some((tool) => this.roleOf(tool) === 'read');
  }

  /** Tools per role, most called first: role → [tool, calls][]. */
  private byRole(): Map<ToolRole, [string, number][]> {
    const roles = new Map<ToolRole, [string, number][]>(TOOL_ROLES.map((role) => [role, []]));
    for (const [tool, calls] of this.calls) roles.get(this.roleOf(tool))!.push([tool, calls]);
    for (const list of roles.values()) list.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return roles;
  }

  /** `tool roles: search search_pages (312 calls); read view_sections (120), read_section (201); other none`. */
  describe(): string {
    const parts = [...this.byRole()]
      .filter(([role, tools]) => tools.length > 0 || role === 'other')
      .map(([role, tools]) => `${role} ${tools.length === 0 ? 'none' : tools.slice(0, 8).map(([tool, calls]) => `${tool} (${calls} call${calls === 1 ? '' : 's'})`).join(', ')}${tools.length > 8 ? `, … ${tools.length - 8} more` : ''}`);
    return `tool roles: ${parts.join('; ')}${this.calls.size === 0 ? ' (no tool calls)' : ''}`;
  }

  /** The manifest record: roles in use with their tools and calls, the tools that fell into `other`, the user's mapping. */
  toJSON(overrides: Readonly<Record<string, ToolRole>>): { roles: Record<string, Record<string, number>>; other_tools: string[]; overrides: Record<string, ToolRole> } {
    const roles: Record<string, Record<string, number>> = {};
    for (const [role, tools] of this.byRole()) if (tools.length > 0) roles[role] = Object.fromEntries(tools);
    return { roles, other_tools: (this.byRole().get('other') ?? []).map(([tool]) => tool), overrides: { ...overrides } };
  }
}
