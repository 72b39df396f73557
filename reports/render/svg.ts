/**
 * Headless rendering of a Vega-Lite spec to SVG: vega-lite compile → vega View (renderer 'none', no
 * DOM) → toSVG(). The SVG definition ids are reset before every render, so the same spec gives the same
 * bytes whatever was rendered before it in the process.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** An SVG document and the warnings vega-lite and vega raised while producing it. */
export interface RenderedSvg {
  svg: string;
  warnings: string[];
}

/** Collects log calls instead of printing them (stdout carries results only). */
function collectingLogger(warnings: string[]) {
  let level = vega.Warn;
  const text = (args: unknown[]) => args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' ');
  const logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error: (...args: unknown[]) => (warnings.push(`error: ${text(args)}`), logger),
    warn: (...args: unknown[]) => (warnings.push(text(args)), logger),
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

/** Compiles a Vega-Lite spec to a Vega spec, collecting compiler warnings. */
export function compileSpec(spec: TopLevelSpec, warnings: string[] = []): vega.Spec {
  return compile(spec, { logger: collectingLogger(warnings) as never }).spec as vega.Spec;
}

/** Renders a Vega-Lite spec to an SVG string without a browser. */
export async function renderSvg(spec: TopLevelSpec): Promise<RenderedSvg> {
  const warnings: string[] = [];
  const runtime = vega.parse(compileSpec(spec, warnings));
  vega.resetSVGDefIds();
  const view = new vega.View(runtime, { renderer: 'none', logger: collectingLogger(warnings) as never });
  try {
    const svg = await view.toSVG();
    return { svg, warnings };
  } finally {
    view.finalize();
  }
}
