import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  type ITableCellOptions,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { ReportModel } from './model.js';
import { PAGE } from './page.js';

/** Font sizes in half-points (docx's unit): 14 pt body, 13 pt header, 12/11 pt recipients. */
const PT = (points: number) => points * 2;

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};

interface Line {
  text: string;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size?: number;
}

function centred(lines: Line[]): Paragraph[] {
  return lines.map(
    (line) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            text: line.text,
            bold: line.bold ?? false,
            italics: line.italics ?? false,
            size: PT(line.size ?? 13),
            ...(line.underline ? { underline: {} } : {}),
          }),
        ],
      }),
  );
}

function plainCell(children: Paragraph[], width: number, extra: Partial<ITableCellOptions> = {}) {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.PERCENTAGE },
    borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
    ...extra,
  });
}

function body(text: string, options: { bold?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: convertMillimetersToTwip(10) },
    spacing: { before: 120 },
    children: [new TextRun({ text, bold: options.bold ?? false, size: PT(14) })],
  });
}

function resultsTable(model: ReportModel): Table {
  const widths = [6, 40, 18, 14, 9, 13];
  const cell = (text: string, i: number, bold: boolean) =>
    new TableCell({
      width: { size: widths[i] ?? 10, type: WidthType.PERCENTAGE },
      verticalAlign: VerticalAlign.CENTER,
      children: [
        new Paragraph({
          alignment: i === 1 || i === 2 ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: [new TextRun({ text, bold, size: PT(12) })],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: model.table.headers.map((h, i) => cell(h, i, true)),
      }),
      ...model.table.rows.map(
        (row) => new TableRow({ children: row.map((text, i) => cell(text, i, false)) }),
      ),
    ],
  });
}

/**
 * The report as a Word document laid out as Decree 30/2020/NĐ-CP asks: issuing body and
 * number top left; quốc hiệu and the underlined tiêu ngữ top right, place and date in
 * italics under them; "BÁO CÁO" and its summary line centred; the body with the results
 * table and the log's checkpoint; "Nơi nhận:" bottom left, the signature block bottom right.
 */
export async function renderReportDocx(model: ReportModel): Promise<Buffer> {
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          plainCell(
            centred([
              { text: model.issuer, bold: true, size: 13 },
              { text: '________', size: 13 },
              { text: model.numberLine, size: 13 },
            ]),
            40,
          ),
          plainCell(
            centred([
              { text: model.nation, bold: true, size: 12 },
              { text: model.motto, bold: true, underline: true, size: 13 },
              { text: '' },
              { text: model.placeDate, italics: true, size: 14 },
            ]),
            60,
          ),
        ],
      }),
    ],
  });
  const signature = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          plainCell(
            [
              new Paragraph({
                children: [
                  new TextRun({
                    text: model.recipientsTitle,
                    bold: true,
                    italics: true,
                    size: PT(12),
                  }),
                ],
              }),
              ...model.recipients.map(
                (text) => new Paragraph({ children: [new TextRun({ text, size: PT(11) })] }),
              ),
            ],
            50,
          ),
          plainCell(
            centred([
              ...model.signer.authority.map((text) => ({ text, bold: true, size: 14 })),
              { text: model.signer.space, italics: true, size: 14 },
              { text: '' },
              { text: '' },
              { text: model.signer.name, bold: true, size: 14 },
            ]),
            50,
          ),
        ],
      }),
    ],
  });
  const children = [
    header,
    new Paragraph({ text: '' }),
    ...centred([
      { text: model.kind, bold: true, size: 14 },
      { text: model.summary, bold: true, size: 14 },
      { text: '________', size: 14 },
    ]),
    body(model.intro),
    body(model.dataWindow),
    body(model.resultsHeading, { bold: true }),
    resultsTable(model),
    body(model.completion),
    ...model.units.map((line) => body(line)),
    body(model.focusHeading, { bold: true }),
    ...model.focus.map((line) => body(line)),
    body(model.evidenceHeading, { bold: true }),
    body(model.checkpoint),
    ...model.sources.map((line) => body(line)),
    new Paragraph({ text: '' }),
    signature,
  ];
  const document = new Document({
    creator: 'loa',
    title: `${model.kind} ${model.summary}`,
    styles: { default: { document: { run: { font: PAGE.font, size: PT(14) } } } },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: convertMillimetersToTwip(PAGE.widthMm),
              height: convertMillimetersToTwip(PAGE.heightMm),
            },
            margin: {
              top: convertMillimetersToTwip(PAGE.marginMm.top),
              bottom: convertMillimetersToTwip(PAGE.marginMm.bottom),
              left: convertMillimetersToTwip(PAGE.marginMm.left),
              right: convertMillimetersToTwip(PAGE.marginMm.right),
            },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
