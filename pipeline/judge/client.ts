/**
 * The transport edge of the judge: an `openai` client for any OpenAI-compatible server, and one labeling
 * request. The client's own retries are off (retry.ts retries, so malformed output is retried too and the
 * attempts are counted); each request has its own timeout.
 */
import OpenAI from 'openai';
import type { ChatMessage } from './prompt';
import { MalformedOutputError } from './retry';
import { judgeJsonSchema, parseVerdict, type JudgeVerdict } from './schema';

/** Where and how to reach the judge. */
export interface JudgeEndpoint {
  baseURL: string;
  /** The API key; local servers need none (a placeholder is sent). */
  apiKey?: string | undefined;
  timeoutMs: number;
}

/** Creates the client. */
export function createJudgeClient(endpoint: JudgeEndpoint): OpenAI {
  return new OpenAI({
    baseURL: endpoint.baseURL,
    apiKey: endpoint.apiKey || 'none',
    timeout: endpoint.timeoutMs,
    maxRetries: 0,
  });
}

/** How the JSON answer is requested: a strict JSON schema, plain JSON mode, or only by the prompt (older servers). */
export type ResponseFormat = 'json_schema' | 'json_object' | 'prompt';

/** Asks the model for one verdict; throws MalformedOutputError on unusable output (validated in every format). */
export async function requestVerdict(client: OpenAI, model: string, messages: ChatMessage[], format: ResponseFormat = 'json_schema'): Promise<JudgeVerdict> {
  const completion = await client.chat.completions.create({
    model,
    messages,
    temperature: 0,
    ...(format === 'json_schema'
      ? { response_format: { type: 'json_schema' as const, json_schema: { name: 'strategy_label', strict: true, schema: judgeJsonSchema() } } }
      : format === 'json_object'
        ? { response_format: { type: 'json_object' as const } }
        : {}),
  });
  const content = completion.choices?.[0]?.message?.content;
  const parsed = parseVerdict(content);
  if (!parsed.ok) throw new MalformedOutputError(`judge output unusable: ${parsed.reason}`);
  return parsed.verdict;
}
