import type { ReportModel } from './model.js';

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/** The report as Markdown, for a quick read or a pull request; same content, plain layout. */
export function renderReportMd(model: ReportModel): string {
  const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [
    `**${model.issuer}**  `,
    model.numberLine,
    '',
    `**${model.nation}**  `,
    `**<u>${model.motto}</u>**`,
    '',
    `*${model.placeDate}*`,
    '',
    `# ${model.kind}`,
    '',
    `**${model.summary}**`,
    '',
    model.intro,
    '',
    model.dataWindow,
    '',
    `## ${model.resultsHeading}`,
    '',
    row(model.table.headers),
    row(model.table.headers.map(() => '---')),
    ...model.table.rows.map(row),
    '',
    model.completion,
    '',
    ...model.units.flatMap((line) => [line, '']),
    `## ${model.focusHeading}`,
    '',
    ...model.focus,
    '',
    `## ${model.evidenceHeading}`,
    '',
    model.checkpoint,
    '',
    ...model.sources.flatMap((line) => [line, '']),
    `***${model.recipientsTitle}***`,
    '',
    ...model.recipients.map((r) => `${r}  `),
    '',
    ...model.signer.authority.map((a) => `**${a}**  `),
    `*${model.signer.space}*  `,
    `**${model.signer.name}**`,
    '',
  ].join('\n');
}
