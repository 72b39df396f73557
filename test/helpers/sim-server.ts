/** The simulator served over HTTP for the tests of one file, with an OpenAI client pointed at it. */
import OpenAI from 'openai';
import { afterAll, beforeAll } from 'vitest';
import type { RunningServer } from '../../pipeline/serve/http';
import { startSimServer } from '../../pipeline/serve/server';
import type { SimulationSetup } from '../../pipeline/simulate/simulate-episodes';

/** Starts the simulator server on the setup's tasks before the file's tests and closes it after them. */
export function useSimServer(setup: SimulationSetup): { readonly server: RunningServer; readonly client: OpenAI } {
  const handle = {} as { server: RunningServer; client: OpenAI };
  beforeAll(async () => {
    handle.server = await startSimServer({ tasks: setup.tasks, world: setup.world, policies: setup.policies });
    handle.client = new OpenAI({ baseURL: handle.server.url, apiKey: 'none', maxRetries: 0 });
  });
  afterAll(() => handle.server.close());
  return handle;
}
