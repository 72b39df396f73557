/**
 * The servers of a collection: the in-process simulator server when a policy's baseURL is "sim", and one
 * transport per policy over its replicas. Before the first episode each (server, model) is checked with
 * GET /v1/models, so a wrong URL, key or model name stops the run with one clear message instead of
 * thousands of failed requests.
 */
import { ConfigError } from '../errors';
import type { LoadedTasks } from '../task-source/task-source';
import type { SimulatorConfig } from '../simulate/simulator-config';
import { startSimServer } from '../serve/server';
import type { RunningServer } from '../serve/http';
import { checkServedModel } from '../llm/models';
import { endpoint, PolicyTransport, type Endpoint, type RequestBudget, type TransportSettings } from '../llm/transport';
import { SIM_BASE_URL, type CollectConfig, type PolicySettings } from './config';

/** The replicas of a policy as configured. */
export function baseURLs(policy: PolicySettings): string[] {
  return Array.isArray(policy.baseURL) ? policy.baseURL : [policy.baseURL];
}

/** True when any policy is served by the built-in simulator. */
export function usesSimulator(config: CollectConfig): boolean {
  return config.policies.some((policy) => baseURLs(policy).includes(SIM_BASE_URL));
}

/** True when every policy is served by the built-in simulator only. */
export function onlySimulator(config: CollectConfig): boolean {
  return config.policies.every((policy) => baseURLs(policy).every((url) => url === SIM_BASE_URL));
}

/** Refuses "sim" policies whose model is not a simulated policy. */
export function checkSimulatorModels(config: CollectConfig, simulator: SimulatorConfig): void {
  for (const policy of config.policies) {
    if (baseURLs(policy).includes(SIM_BASE_URL) && !(policy.model in simulator.policies)) {
      throw new ConfigError(`policy ${policy.name}: the simulator has no model "${policy.model}".`, `With "baseURL": "sim" the model is a simulated policy: ${Object.keys(simulator.policies).join(', ')}.`);
    }
  }
}

/** Starts the simulator server in-process on a free port, serving the collection's tasks. */
export function startInProcessSimulator(tasks: LoadedTasks, simulator: SimulatorConfig, onError: (error: unknown) => void): Promise<RunningServer> {
  return startSimServer({ tasks: tasks.tasks, world: tasks.world, policies: simulator.policies }, 0, onError);
}

/** One transport per policy, in config order. */
export function policyTransports(config: CollectConfig, simURL: string | undefined, settings: TransportSettings, budget: RequestBudget): { transports: PolicyTransport[]; endpoints: Endpoint[][] } {
  const endpoints = config.policies.map((policy) => {
    let key: string | undefined;
    if (policy.apiKeyEnv !== undefined) {
      key = process.env[policy.apiKeyEnv];
      if (!key) throw new ConfigError(`policy ${policy.name}: the environment variable ${policy.apiKeyEnv} (apiKeyEnv) is not set.`, `Export it before running: export ${policy.apiKeyEnv}=…`);
    }
    return baseURLs(policy).map((url) => endpoint(url === SIM_BASE_URL ? simURL! : url, key, settings.timeoutMs));
  });
  return { transports: endpoints.map((list, p) => new PolicyTransport(list, config.policies[p]!.stream, settings, budget)), endpoints };
}

/**
 * Checks every (replica, model) once (pipeline/llm/models.ts). Returns whether every server is the simulator.
 */
export async function checkModels(config: CollectConfig, endpoints: readonly Endpoint[][], warn: (line: string) => void): Promise<boolean> {
  let allSimulated = true;
  const checked = new Set<string>();
  for (const [p, policy] of config.policies.entries()) {
    for (const target of endpoints[p]!) {
      if (checked.has(`${target.baseURL}|${policy.model}`)) continue;
      checked.add(`${target.baseURL}|${policy.model}`);
      if ((await checkServedModel(target, policy.model, `policy ${policy.name}`, warn)) !== 'simulator') allSimulated = false;
    }
  }
  return allSimulated;
}
