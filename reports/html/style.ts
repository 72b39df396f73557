/** The report's stylesheet: a readable single column, print-friendly, no web fonts (offline). */
export const REPORT_CSS = `
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: #1a1a1a; background: #fff;
  max-width: 980px; margin: 0 auto; padding: 18px 28px 60px; line-height: 1.45; font-size: 15px; }
.data-kind { margin: 0 0 10px; padding: 8px 12px; border-left: 4px solid #D55E00; background: #fff4ec; font-size: 14px; }
.data-kind.kind-imported, .data-kind.kind-collected, .data-kind.kind-user-supplied { border-color: #009E73; background: #eefaf5; }
h1 { font-size: 24px; margin: 14px 0 4px; }
h2 { font-size: 19px; margin: 34px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 3px; }
h3 { font-size: 16px; margin: 18px 0 6px; }
.subtitle { color: #555; margin: 0 0 18px; }
table { border-collapse: collapse; margin: 6px 0 14px; font-size: 13.5px; }
th, td { border-bottom: 1px solid #e3e3e3; padding: 3px 10px 3px 0; text-align: left; vertical-align: top; }
th { font-weight: 600; border-bottom: 1px solid #999; }
td.num { text-align: right; font-variant-numeric: tabular-nums; padding-left: 10px; }
.wrap { overflow-wrap: anywhere; word-break: break-word; }
table.stages, table.inputs, table.names { table-layout: fixed; width: 100%; }
table.stages td:first-child, table.stages th:first-child { width: 7em; }
table.stages td:nth-child(2), table.stages th:nth-child(2) { width: 11em; }
table.inputs td, table.names td { overflow-wrap: anywhere; }
.lead { font-size: 15px; }
.family-headline { margin: 6px 0 10px; }
a.term { color: inherit; text-decoration: underline dotted; }
dl dt { font-weight: 600; margin-top: 8px; }
dl dd { margin: 2px 0 0 18px; }
code, .mono { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
figure { margin: 26px 0 30px; }
figure .chart { overflow-x: auto; min-height: 40px; }
figure .chart svg { max-width: 100%; height: auto; }
figcaption { font-size: 14px; margin-top: 6px; }
figcaption .fig-number { font-weight: 700; }
.notes { font-size: 13px; color: #555; margin: 4px 0; }
.downloads { font-size: 12.5px; color: #555; }
.downloads a { color: #0072B2; margin-right: 10px; }
figure.skipped { border: 1px dashed #bbb; padding: 8px 12px; color: #555; }
.toc { columns: 2; font-size: 13.5px; padding-left: 18px; }
.sequence { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; white-space: pre-wrap; word-break: break-word; }
@media print { body { max-width: none; } figure { break-inside: avoid; } }
`;
