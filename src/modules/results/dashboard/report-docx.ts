/**
 * The semester progress report (report.ts) written as a Word document. A module of its own so that docx is loaded at
 * the first download rather than with every start (docs/performance/start.md).
 */
import { BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { SemesterReport } from './report.js';

const thin = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const borders = { top: thin, bottom: thin, left: thin, right: thin };

function cell(text: string, bold = false): TableCell {
  return new TableCell({ borders, children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
}

/** The report as a .docx: a title, headings of two levels, paragraphs and tables with a repeated header row. */
export async function semesterReportDocx(report: SemesterReport): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(report.title)] }),
    new Paragraph({ children: [new TextRun({ text: report.subtitle, italics: true })] }),
  ];
  for (const section of report.sections) {
    children.push(new Paragraph({ heading: section.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: [new TextRun(section.heading)] }));
    for (const text of section.paragraphs) children.push(new Paragraph({ children: [new TextRun(text)] }));
    if (section.table && section.table.rows.length > 0) {
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: section.table.columns.map((column) => cell(column, true)) }),
            ...section.table.rows.map((row) => new TableRow({ children: row.map((text) => cell(text)) })),
          ],
        }),
      );
      children.push(new Paragraph(''));
    }
  }
  return Packer.toBuffer(new Document({ creator: 'BETTER', title: report.title, description: report.subtitle, sections: [{ children }] }));
}
