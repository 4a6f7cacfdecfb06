import { rowSourceText, type Table } from '../../src/core/read/table';

/** Everything a table tells its user, row texts included (not how they are stored). */
export function seen(table: Table) {
  return {
    rowCount: table.rowCount,
    columns: table.columns.map((column) => ({
      ...column,
      numbers: Array.from(column.numbers),
      codes: column.codes === null ? null : Array.from(column.codes),
    })),
    rowStatus: Array.from(table.rowStatus),
    issues: table.issues,
    warnings: table.warnings,
    notes: table.notes,
    blankLines: table.blankLines,
    dialect: table.dialect,
    lines: Array.from(table.rowText.line),
    texts: Array.from({ length: table.rowCount }, (_, row) => rowSourceText(table.rowText, row)),
  };
}
