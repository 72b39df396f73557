/**
 * What the model-access stages take from the run: the collect config the collection ran with (its
 * servers, protocols, topK and tasks), and the simulator config behind `sim` (the collect config's, the
 * simulate stage's, else the shipped one).
 */
import type { CollectConfig } from '../collect/config';
import type { StageContext } from '../runner/stage';
import { DEFAULT_SIMULATOR_CONFIG } from '../simulate/simulator-config';
import { collectConfigFile } from '../tables/collect-config';

type Context = Pick<StageContext<unknown>, 'hasInput' | 'input'>;

/** The collect config of the run's collect stage, when the run's source is a collection. */
export async function runCollectConfig(ctx: Context): Promise<CollectConfig | undefined> {
  if (!ctx.hasInput('collect')) return undefined;
  const input = ctx.input('collect');
  return input.has(collectConfigFile.file) ? collectConfigFile.read(input) : undefined;
}

/** The simulator config file the run used. */
export function runSimulatorConfig(ctx: Context, collect: CollectConfig | undefined): string {
  if (collect?.simulatorConfig) return collect.simulatorConfig;
  if (ctx.hasInput('simulate')) {
    const config = (ctx.input('simulate').manifest.params as { config?: string }).config;
    if (config) return config;
  }
  return DEFAULT_SIMULATOR_CONFIG;
}
