/** The data provenance: input files with hashes, counts, reject reasons, and every stage's fingerprint. */
import { html, type SafeHtml } from '../escape';
import type { Provenance } from '../../data/tables';

const count = (value: number | null) => (value === null ? 'unknown' : String(value));

/** Renders the provenance section. */
export function provenanceSection(p: Provenance, shortened: readonly { short: string; full: string }[] = []): SafeHtml {
  const inputs =
    p.inputs.length === 0
      ? html`<p class="notes">No external input files are recorded (the data was generated inside the run).</p>`
      : html`<table class="inputs"><thead><tr><th>input file</th><th class="num">bytes</th><th>sha256</th></tr></thead><tbody>${p.inputs.map(
          (file) => html`<tr><td class="mono">${file.path}</td><td class="num">${count(file.bytes)}</td><td class="mono">${file.sha256 ?? 'unknown'}</td></tr>`,
        )}</tbody></table>`;
  const rejects =
    p.rejectReasons.length === 0
      ? html``
      : html`<table class="rejects"><thead><tr><th>reject reason</th><th class="num">records</th></tr></thead><tbody>${p.rejectReasons.map(
          (r) => html`<tr><td>${r.reason}</td><td class="num">${r.count}</td></tr>`,
        )}</tbody></table>`;
  const stages = html`<table class="stages"><thead><tr><th>stage</th><th>fingerprint</th><th>parameters</th></tr></thead><tbody>${p.stages.map(
    (s) => html`<tr><td>${s.stage}</td><td class="mono">${s.fingerprint.slice(0, 16)}</td><td class="mono wrap">${JSON.stringify(s.params)}</td></tr>`,
  )}</tbody></table>`;
  const names =
    shortened.length === 0
      ? html``
      : html`<h3>Names shortened for display</h3><p class="notes">Figures and tables show these names shortened in the middle; the stages' CSV outputs keep them whole.</p><table class="names"><thead><tr><th>shown as</th><th>full name</th></tr></thead><tbody>${shortened.map(
          (n) => html`<tr><td class="mono">${n.short}</td><td class="mono wrap">${n.full}</td></tr>`,
        )}</tbody></table>`;
  return html`<section id="provenance"><h2>Data provenance</h2>
<p>Source: <strong>${p.kind}</strong>${p.sourceStage ? html` (stage <code>${p.sourceStage}</code>)` : ''}. ${p.basis}</p>
<p>Episodes read: ${count(p.counts.read)}, accepted: ${count(p.counts.accepted)}, rejected: ${count(p.counts.rejected)}.</p>
${inputs}${rejects}<h3>Stages of this run</h3>${stages}${names}</section>`;
}
