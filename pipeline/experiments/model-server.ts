/**
 * The model servers of the model-access experiments: a `<url>#<model>` spec (the scorer), or a collect
 * config's policy (the swap's reasoning policies), opened as a transport (pipeline/llm) after checking
 * that the server serves the model. `sim` starts the simulator server in-process on 127.0.0.1 — the
 * embedded default, as in collect configs.
 */
import { ConfigError } from '../errors';
import { checkServedModel, type ModelCheck } from '../llm/models';
import { endpoint, PolicyTransport, type RequestBudget, type TransportSettings } from '../llm/transport';
import type { RunningServer } from '../serve/http';
import { startSimServer } from '../serve/server';
import type { ServedSetup } from '../serve/served-tasks';

/** The base URL that stands for the in-process simulator server. */
export const SIM_URL = 'sim';

/** A model at its server(s). */
export interface ModelSpec {
  /** Base URLs ending in /v1 (several: replicas used round-robin), or `sim`. */
  urls: string[];
  model: string;
  /** The environment variable holding the API key (never the key). */
  apiKeyEnv?: string;
}

/** Reads `<url>#<model>` (the model after the last `#`). */
export function parseModelSpec(flag: string, value: string): ModelSpec {
  const at = value.lastIndexOf('#');
  if (at <= 0 || at === value.length - 1) {
    throw new ConfigError(`${flag} needs <url>#<model>, got "${value}".`, `Examples: ${flag} http://127.0.0.1:8000/v1#Qwen/Qwen2.5-7B-Instruct, or ${flag} sim#base for the built-in simulator.`);
  }
  return { urls: [value.slice(0, at)], model: value.slice(at + 1) };
}

/** An opened model: its transport, what answered, and how to stop the in-process simulator (if one was started). */
export interface OpenModel {
  transport: PolicyTransport;
  /** `simulator` when every replica is the simulator. */
  kind: ModelCheck;
  /** The URLs as configured (`sim` for the simulator), for outputs. */
  label: string;
}

/** Starts in-process simulators on demand (one per setup) and stops them all at the end. */
export class ModelServers {
  private sim: RunningServer | undefined;

  constructor(
    private readonly simulator: () => ServedSetup,
    private readonly settings: TransportSettings,
    private readonly budget: RequestBudget,
    private readonly warn: (line: string) => void,
  ) {}

  /** Opens a model after checking every replica serves it (`who` names it in messages). */
  async open(spec: ModelSpec, who: string): Promise<OpenModel> {
    let key: string | undefined;
    if (spec.apiKeyEnv !== undefined) {
      key = process.env[spec.apiKeyEnv];
      if (!key) throw new ConfigError(`${who}: the environment variable ${spec.apiKeyEnv} is not set.`, `Export it before running: export ${spec.apiKeyEnv}=…`);
    }
    const endpoints = [];
    let kind: ModelCheck = 'simulator';
    for (const url of spec.urls) {
      if (url === SIM_URL) this.sim ??= await startSimServer(this.simulator(), 0, (error) => this.warn(`simulator error: ${(error as Error).stack ?? String(error)}`));
      const target = endpoint(url === SIM_URL ? this.sim!.url : url, key, this.settings.timeoutMs);
      const check = await checkServedModel(target, spec.model, who, this.warn);
      if (check !== 'simulator') kind = check;
      endpoints.push(target);
    }
    return { transport: new PolicyTransport(endpoints, false, this.settings, this.budget), kind, label: spec.urls.join(' ') };
  }

  /** Stops the in-process simulator, if one was started. */
  async close(): Promise<void> {
    await this.sim?.close();
    this.sim = undefined;
  }
}
