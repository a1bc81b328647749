/**
 * What a cell of a CSV file holds, written and read the same way by every table the platform exchanges: cells a
 * spreadsheet would run as a formula are neutralised on the way out and restored on the way in, and lists inside one
 * cell are joined so that an item holding a separator comes back whole.
 */

/**
 * A cell beginning with one of these is a formula to Excel, LibreOffice and Google Sheets (OWASP's list); apostrophes
 * before one are the neutralised form, which gets one more so that it too comes back as it was.
 */
const formulaStart = /^'*[=+\-@\t\r]/;
const neutralisedStart = /^'+[=+\-@\t\r]/;
/** A plain number is read as a number, never as a formula, so numeric columns stay numeric. */
const plainNumber = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The cell as written to a file: a value a spreadsheet would evaluate (`=HYPERLINK(…)`, `@SUM(…)`, `-1+1`) gets an
 * apostrophe in front, which spreadsheets show as text; a value already starting with apostrophes before such a
 * character gets one more, so restoreCell gives back exactly what was written.
 */
export function neutraliseCell(value: string): string {
  return formulaStart.test(value) && !plainNumber.test(value) ? `'${value}` : value;
}

/** The cell as the platform stores it: the apostrophe neutraliseCell added (or a person typed to protect a formula) is removed. */
export function restoreCell(value: string): string {
  return neutralisedStart.test(value) ? value.slice(1) : value;
}

/** How one kind of list is held in a cell: the characters it is split at, and what joins its items when written. */
export interface ListFormat {
  join(items: readonly string[]): string;
  split(cell: string): string[];
}

const escapeFor = (characters: string) => new RegExp(`[${(characters + '\\').replace(/[\\\]^-]/g, '\\$&')}]`, 'g');

/**
 * A list read at any of `separators` (human-made files use `;` or `,`, one link a line…) and written with `joiner`.
 * A separator inside an item is escaped with a backslash when written (`e-government\, open government`) and kept
 * when read, so the platform's own files come back whole; any other backslash is kept as typed. Items are trimmed
 * and empty ones dropped.
 */
export function listFormat(separators: string, joiner = separators[0] ?? ';'): ListFormat {
  const escaped = escapeFor(separators);
  return {
    join: (items) => items.map((item) => item.replace(escaped, (character) => `\\${character}`)).join(joiner),
    split(cell) {
      const items: string[] = [];
      let current = '';
      for (let index = 0; index < cell.length; index += 1) {
        const character = cell[index] as string;
        const next = cell[index + 1];
        if (character === '\\' && next !== undefined && (next === '\\' || separators.includes(next))) {
          current += next;
          index += 1;
        } else if (separators.includes(character)) {
          items.push(current);
          current = '';
        } else current += character;
      }
      items.push(current);
      return items.map((item) => item.trim()).filter((item) => item !== '');
    },
  };
}
