/**
 * Chat templates: how a conversation becomes the one text a model reads. The simulator server renders
 * its requests with its own template; the prompt scorer renders a conversation itself when it asks a
 * server for the log-probabilities of a plain text (`/v1/completions` with `echo`). A template reports
 * where each message's content and each tool call's arguments lie in the text, so the scorer can tell
 * which characters the policy generated.
 */

/** A message as a template reads it: its text and its tool calls (arguments as a JSON string). */
export interface TemplateMessage {
  role: string;
  content: string;
  toolCalls: readonly { name: string; arguments: string }[];
}

/** Where one field of one message lies in the rendered text: its content, or the arguments of tool call `field`. */
export interface FieldSpan {
  message: number;
  field: 'content' | number;
  start: number;
  end: number;
}

/** A rendered conversation. */
export interface RenderedChat {
  text: string;
  fields: FieldSpan[];
}

/** A chat template by name. */
export interface ChatTemplate {
  name: string;
  /** Renders the messages (and the tools offered), then the header of the assistant turn to be generated. */
  render(messages: readonly TemplateMessage[], tools: readonly unknown[]): RenderedChat;
}

/** Builds a text chunk by chunk, recording the span of every field it is given. */
export class TextBuilder {
  private text = '';
  readonly fields: FieldSpan[] = [];

  /** Appends template markup. */
  markup(text: string): this {
    this.text += text;
    return this;
  }

  /** Appends a field's text and records its span. */
  field(message: number, field: FieldSpan['field'], text: string): this {
    this.fields.push({ message, field, start: this.text.length, end: this.text.length + text.length });
    this.text += text;
    return this;
  }

  /** The text and its field spans. */
  done(): RenderedChat {
    return { text: this.text, fields: this.fields };
  }
}
