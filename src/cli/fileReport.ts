import type { FileRead } from '../core/session/datasetSummary';
import type { Voice } from './voice';

/** What `--json` says about the file read: its format and, for a workbook, its sheets. */
export function fileReadJson(read: FileRead): {
  format: FileRead['format'];
  sheet: string | null;
  sheets: string[] | null;
} {
  return { format: read.format, sheet: read.sheet, sheets: read.sheets };
}

/**
 * The text report's first line when a workbook has several sheets: which one was read and how
 * to read another (as the page's sheet picker shows it). Empty otherwise.
 */
export function sheetLine(read: FileRead, voice: Voice): string {
  if (read.sheet === null || read.sheets === null || read.sheets.length < 2) return '';
  return (
    voice.text('sheetRead', {
      sheet: read.sheet,
      count: read.sheets.length,
      names: voice.list(read.sheets.map((name) => `"${name}"`)),
    }) + '\n'
  );
}

/**
 * The file the command read last (null before any): a refusal about what is in it (no numeric
 * column, one row) is followed by the sheet line, since another sheet may hold the table.
 */
let lastRead: FileRead | null = null;

export function rememberFileRead(read: FileRead | null): void {
  lastRead = read;
}

/** The sheet line of the file read last, for after a refusal; empty when it has one sheet. */
export function lastSheetLine(voice: Voice): string {
  return lastRead === null ? '' : sheetLine(lastRead, voice);
}
