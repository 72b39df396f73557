import { ConfigError } from '../errors';
import type { StageDefinition } from './stage';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyStage = StageDefinition<any>;

/** Stages by name, in their canonical order (which numbers the run folders: `01-simulate`, …). */
export class StageRegistry {
  private readonly byName = new Map<string, { stage: AnyStage; index: number }>();

  /**
   * Registers the stages (in canonical order). A stage whose required input is not registered is an
   * error here, at start-up; `complete` also checks optional inputs (a test may register a subset).
   */
  constructor(stages: readonly AnyStage[], options: { complete?: boolean } = {}) {
    stages.forEach((stage, index) => {
      if (this.byName.has(stage.name)) throw new Error(`two stages are named "${stage.name}"`);
      this.byName.set(stage.name, { stage, index });
    });
    for (const stage of stages) {
      const named = [...stage.inputs, ...(options.complete ? (stage.optionalInputs ?? []) : [])];
      const unknown = named.filter((input: string) => !this.byName.has(input));
      if (unknown.length > 0) throw new Error(`stage "${stage.name}" reads stage(s) ${unknown.join(', ')}, which are not registered`);
    }
  }

  /** The stage with this name; a ConfigError listing the known names otherwise. */
  get(name: string): AnyStage {
    const entry = this.byName.get(name);
    if (!entry) {
      throw new ConfigError(
        `unknown stage "${name}".`,
        `Known stages: ${this.names().join(', ')}.`,
      );
    }
    return entry.stage;
  }

  /** True when a stage of that name is registered. */
  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** Every stage name in canonical order. */
  names(): string[] {
    return [...this.byName.keys()];
  }

  /** Every stage in canonical order. */
  all(): AnyStage[] {
    return [...this.byName.values()].map((entry) => entry.stage);
  }

  /** The run-folder name of a stage: its own `folder`, or its canonical position and name, e.g. `02-ingest`. */
  folder(name: string): string {
    const entry = this.byName.get(name);
    if (!entry) throw new ConfigError(`unknown stage "${name}".`, `Known stages: ${this.names().join(', ')}.`);
    return entry.stage.folder ?? `${String(entry.index + 1).padStart(2, '0')}-${name}`;
  }
}
