import { escapeHtml } from '../text/html.js';
import type { ReportModel } from './model.js';
import { PAGE } from './page.js';

const { top, right, bottom, left } = PAGE.marginMm;
const STYLE = `@page { size: A4; margin: ${top}mm ${right}mm ${bottom}mm ${left}mm; }
body { font-family: "${PAGE.font}", Times, serif; font-size: 14pt; line-height: 1.3; margin: 0; }
.head, .foot { width: 100%; border-collapse: collapse; }
.head td, .foot td { vertical-align: top; text-align: center; border: none; }
.issuer, .nation, .kind, .summary, .signer, .heading { font-weight: bold; }
.issuer { font-size: 13pt; }
.nation { font-size: 12pt; }
.motto { font-weight: bold; font-size: 13pt; text-decoration: underline; }
.date { font-style: italic; }
.kind, .summary { text-align: center; }
p.body { text-align: justify; text-indent: 10mm; margin: 6pt 0; }
table.results { width: 100%; border-collapse: collapse; font-size: 12pt; }
table.results th, table.results td { border: 1px solid #000; padding: 2pt 4pt; }
.recipients { text-align: left !important; font-size: 11pt; }
.recipients b { font-size: 12pt; font-style: italic; }
.checkpoint { word-break: break-all; }`;

/** The report as one printable HTML page: A4 `@page`, Times New Roman, Decree 30 layout. */
export function renderReportHtml(model: ReportModel): string {
  const cells = (row: string[], tag: 'td' | 'th') =>
    `<tr>${row.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join('')}</tr>`;
  const p = (text: string, cls = 'body') => `<p class="${cls}">${escapeHtml(text)}</p>`;
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${model.kind} ${model.summary}`)}</title>
<style>
${STYLE}
</style>
</head>
<body>
<table class="head"><tr>
<td style="width:40%"><div class="issuer">${escapeHtml(model.issuer)}</div><div>________</div><div>${escapeHtml(model.numberLine)}</div></td>
<td style="width:60%"><div class="nation">${escapeHtml(model.nation)}</div><div class="motto">${escapeHtml(model.motto)}</div><div class="date">${escapeHtml(model.placeDate)}</div></td>
</tr></table>
<p class="kind">${escapeHtml(model.kind)}</p>
<p class="summary">${escapeHtml(model.summary)}</p>
${p(model.intro)}
${p(model.dataWindow)}
${p(model.resultsHeading, 'body heading')}
<table class="results">
<thead>${cells(model.table.headers, 'th')}</thead>
<tbody>
${model.table.rows.map((r) => cells(r, 'td')).join('\n')}
</tbody>
</table>
${p(model.completion)}
${model.units.map((line) => p(line)).join('\n')}
${p(model.focusHeading, 'body heading')}
${model.focus.map((line) => p(line)).join('\n')}
${p(model.evidenceHeading, 'body heading')}
${p(model.checkpoint, 'body checkpoint')}
${model.sources.map((line) => p(line, 'body checkpoint')).join('\n')}
<table class="foot"><tr>
<td class="recipients" style="width:50%"><b>${escapeHtml(model.recipientsTitle)}</b><br>${model.recipients.map(escapeHtml).join('<br>')}</td>
<td style="width:50%">${model.signer.authority.map((a) => `<div class="signer">${escapeHtml(a)}</div>`).join('')}<div class="date">${escapeHtml(model.signer.space)}</div><br><br><div class="signer">${escapeHtml(model.signer.name)}</div></td>
</tr></table>
</body>
</html>
`;
}
