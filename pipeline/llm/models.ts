/**
 * The check made before the first request to a server: does it answer, accept the key, and serve the
 * model? `GET /v1/models` answers all three at once, so a wrong URL, key or model name stops a run with
 * one clear message instead of thousands of failed requests. The simulator lists its models as owned by
 * `passkt-simulator`, which is how a client knows it talks to the simulator.
 */
import { APIConnectionError, APIError } from 'openai';
import { ConfigError, UserError } from '../errors';
import type { Endpoint } from './transport';

/** What `owned_by` the simulator server gives its models (and `system_fingerprint` of its responses). */
export const SIMULATOR_OWNER = 'passkt-simulator';

/** The result of checking one (server, model): served by the simulator, or unknown when the server lists no models. */
export type ModelCheck = 'simulator' | 'server' | 'unlisted';

/**
 * Checks that `target` serves `model` (`who` names what it is for in messages). A server that does not
 * implement the listing is let through with a warning; an unreachable one or a refused key is a user error.
 */
export async function checkServedModel(target: Endpoint, model: string, who: string, warn: (line: string) => void): Promise<ModelCheck> {
  let models: { id: string; owned_by: string }[];
  try {
    models = (await target.client.models.list()).data;
  } catch (error) {
    if (error instanceof APIConnectionError) {
      throw new UserError(`cannot reach ${target.baseURL} (${who}): ${error.message}.`, 'Start the server (e.g. vllm serve <model> --port 8000) or fix the URL; it must end in /v1.');
    }
    if (error instanceof APIError && (error.status === 401 || error.status === 403)) {
      throw new UserError(`${target.baseURL} refused the API key of ${who} (${error.status}).`, 'Set the environment variable that holds a valid key.');
    }
    warn(`${target.baseURL} does not list its models (${(error as Error).message}); going on without checking "${model}".`);
    return 'unlisted';
  }
  const found = models.find((entry) => entry.id === model);
  if (!found) throw new ConfigError(`${target.baseURL} does not serve the model "${model}" (${who}).`, `It serves: ${models.map((m) => m.id).join(', ') || '(nothing)'}.`);
  return found.owned_by === SIMULATOR_OWNER ? 'simulator' : 'server';
}
