/** The plan as a Word document (.docx), written with the docx library from the same outline as the print page. */
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { PlanDocument } from './document.js';

function lines(text: string): Paragraph[] {
  return (text === '' ? ['–'] : text.split('\n')).map((line) => new Paragraph({ children: [new TextRun(line)] }));
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const borders = { top: thin, bottom: thin, left: thin, right: thin };

function cell(text: string, bold = false, width = 30): TableCell {
  return new TableCell({
    borders,
    width: { size: width, type: WidthType.PERCENTAGE },
    children: bold ? [new Paragraph({ children: [new TextRun({ text, bold: true })] })] : lines(text),
  });
}

export async function planDocx(outline: PlanDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(outline.title)] }),
    new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: outline.subtitle, italics: true })] }),
  ];
  for (const part of outline.parts) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(part.heading)] }));
    for (const section of part.sections) {
      if (section.heading) children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(section.heading)] }));
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: section.rows.map((row) => new TableRow({ children: [cell(row.label, true, 30), cell(row.value, false, 70)] })),
        }),
      );
      if (section.table) {
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(section.table.heading)] }));
        children.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ tableHeader: true, children: section.table.columns.map((column) => cell(column, true, 50)) }),
              ...section.table.rows.map((row) => new TableRow({ children: row.map((value) => cell(value, false, 50)) })),
            ],
          }),
        );
      }
    }
  }
  const document = new Document({
    creator: 'BETTER',
    title: outline.title,
    description: outline.subtitle,
    // The language of every run unless one says otherwise: Word checks spelling and screen readers speak in it.
    styles: { default: { document: { run: { language: { value: outline.language } } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
