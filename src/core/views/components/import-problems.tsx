/**
 * The table every import page shows of a file's problems (or warnings, or changes): each by line (CSV) or item
 * (JSON), column and message, only the first ones when there are many, with a note of how many were left out.
 */
import type { RowProblem } from '../../exchange/check.js';
import type { ImportFormat } from '../../exchange/records.js';
import { useView } from '../context.js';
import { DataTable, Inset } from './ui.js';

export interface ImportProblemsTableProps {
  /** A CSV file's rows are named by line, a JSON file's by item. */
  format: ImportFormat;
  problems: readonly RowProblem[];
  /** How many were found in all; more than listed adds the note `more`. */
  total: number;
  caption: string;
  /** Catalogue key of the note "the first {{shown}} of {{total}} are listed". */
  more: string;
}

export function ImportProblemsTable({ format, problems, total, caption, more }: ImportProblemsTableProps) {
  const { t } = useView();
  if (problems.length === 0) return null;
  return (
    <>
      <DataTable
        caption={caption}
        head={
          <tr>
            <th scope="col">{format === 'csv' ? t('common.imports.line') : t('common.imports.item')}</th>
            <th scope="col">{t('common.imports.column')}</th>
            <th scope="col">{t('common.imports.problem')}</th>
          </tr>
        }
      >
        {problems.map((problem, index) => (
          <tr key={index}>
            <td class="numeric">{problem.position}</td>
            <td>{problem.column ? <code>{problem.column}</code> : null}</td>
            <td>{t(problem.key, problem.values)}</td>
          </tr>
        ))}
      </DataTable>
      {total > problems.length ? (
        <Inset>
          <p>{t(more, { shown: problems.length, total })}</p>
        </Inset>
      ) : null}
    </>
  );
}
