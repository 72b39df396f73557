/**
 * The servers of a collection: the in-process simulator server when a policy's baseURL is "sim", and one
 * transport per policy over its replicas. Before the first episode each (server, model) is checked with
 * GET /v1/models, so a wrong URL, key or model name stops the run with one clear message instead of
 * thousands of failed requests.
 */
import { APIConnectionError, APIError } from 'openai';
import { ConfigError, UserError } from '../errors';
import type { LoadedTasks } from '../task-source/task-source';
import type { SimulatorConfig } from '../simulate/simulator-config';
import { startSimServer } from '../serve/server';
import type { RunningServer } from '../serve/http';
import { SIMULATOR_FINGERPRINT } from '../serve/wire';
import { endpoint, PolicyTransport, type Endpoint, type RequestBudget, type TransportSettings } from './chat-client';
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
 * Checks every (replica, model) once. A server that lists its models must list the policy's; one that
 * does not implement the listing is let through with a warning. Returns whether every server is the simulator.
 */
export async function checkModels(config: CollectConfig, endpoints: readonly Endpoint[][], warn: (line: string) => void): Promise<boolean> {
  let allSimulated = true;
  const checked = new Set<string>();
  for (const [p, policy] of config.policies.entries()) {
    for (const target of endpoints[p]!) {
      if (checked.has(`${target.baseURL}|${policy.model}`)) continue;
      checked.add(`${target.baseURL}|${policy.model}`);
      let models: { id: string; owned_by: string }[];
      try {
        models = (await target.client.models.list()).data;
      } catch (error) {
        if (error instanceof APIConnectionError) {
          throw new UserError(`cannot reach ${target.baseURL} (policy ${policy.name}): ${error.message}.`, 'Start the server (e.g. vllm serve <model> --port 8000) or fix "baseURL"; it must end in /v1.');
        }
        if (error instanceof APIError && (error.status === 401 || error.status === 403)) {
          throw new UserError(`${target.baseURL} refused the API key of policy ${policy.name} (${error.status}).`, 'Set "apiKeyEnv" to the variable holding a valid key.');
        }
        warn(`${target.baseURL} does not list its models (${(error as Error).message}); going on without checking "${policy.model}".`);
        allSimulated = false;
        continue;
      }
      const found = models.find((model) => model.id === policy.model);
      if (!found) {
        throw new ConfigError(`${target.baseURL} does not serve the model "${policy.model}" (policy ${policy.name}).`, `It serves: ${models.map((m) => m.id).join(', ') || '(nothing)'}.`);
      }
      if (found.owned_by !== SIMULATOR_FINGERPRINT) allSimulated = false;
    }
  }
  return allSimulated;
}
