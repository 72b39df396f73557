/** The chat templates the prompt scorer can render with, by name. */
import { chatmlTemplate } from './chatml';
import { simulatorTemplate } from './simulator';
import type { ChatTemplate } from './template';

/** The template names (`--score-template`). */
export const TEMPLATE_NAMES = ['simulator', 'chatml'] as const;
/** A template name. */
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** The template of a name. */
export function chatTemplate(name: TemplateName): ChatTemplate {
  return name === 'simulator' ? simulatorTemplate : chatmlTemplate;
}
