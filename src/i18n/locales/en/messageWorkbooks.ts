/** What the workbook and Parquet readers say (part of `message`). */
export const messageWorkbooks = {
  // What a file is (the {what} of a refusal)
  fileOds: 'an OpenDocument spreadsheet (.ods)',
  fileOdt: 'an OpenDocument text document (.odt)',
  fileOdp: 'an OpenDocument presentation (.odp)',
  fileOpenDocument: 'an OpenDocument document',
  fileXlsb: 'an Excel binary workbook (.xlsb)',
  fileDocx: 'a Word document (.docx)',
  filePptx: 'a PowerPoint presentation (.pptx)',
  fileDoc: 'a Word document (.doc)',
  filePpt: 'a PowerPoint presentation (.ppt)',
  fileZip: 'a zip archive',
  fileDamagedZip: 'a damaged zip archive',
  fileLockedWorkbook: 'a password-protected workbook',
  fileDamagedXls: 'a damaged Excel workbook (.xls)',
  fileOfficeOther: 'an Office compound file that is not a workbook',
  // What to do instead (the {action} of a refusal)
  actionSaveAsXlsx:
    'open it in Excel or LibreOffice and save it as .xlsx or CSV, then choose that file',
  actionChooseTable: 'choose a CSV, .xlsx or Parquet file',
  actionUnzip: 'unzip it and choose the CSV, .xlsx or Parquet file inside',
  actionUnzipFile: 'unzip it and choose the file inside ({file})',
  actionRemovePassword:
    'open it in Excel or LibreOffice, save it without a password, and try again',
  // Refusals
  readRefused: 'This file is {what}, not a CSV, Excel workbook or Parquet file: {action}.',
  readOpenDocumentSpreadsheet:
    'This file is {what}, not a CSV: save it as CSV first (File > Save As > Text CSV in LibreOffice), then choose the CSV.',
  workbookLocked:
    'This workbook is password-protected: open it in Excel or LibreOffice, save it without a password, and try again.',
  workbookDamaged:
    'This workbook is damaged (its zip data cannot be read): open it in Excel or LibreOffice, save it again, and try again.',
  workbookZipMethod:
    'This workbook is compressed in a way SegmentLens cannot read (zip method {method}): open it in Excel or LibreOffice, save it again as .xlsx, and try again.',
  workbookTooLarge:
    'This workbook is too large: {part, select, strings {its text cells} other {this sheet}} would take more than {size} once expanded; save the sheet as CSV and read the CSV with the command line (npx segmentlens analyze FILE).',
  workbookNoSheetList:
    'This file looks like an Excel workbook but has no list of sheets: open it in Excel or LibreOffice, save it again as .xlsx, and try again.',
  workbookNoWorksheets:
    'This workbook has no worksheets with cells (only charts or macros): choose a workbook with a table in a sheet.',
  workbookNoValues:
    'This workbook was saved without calculated values, so its formula cells are empty: open it in Excel or LibreOffice, save it again, and try again.',
  xlsUnreadable:
    'This .xls workbook cannot be read ({detail}): open it in Excel or LibreOffice, save it as .xlsx, and try again.',
  sheetNotFound: 'There is no sheet named "{sheet}": choose among {names}.',
  sheetMissing:
    'Sheet "{sheet}" is missing from this workbook (it is damaged): open it in Excel or LibreOffice, save it again, and try again.',
  sheetEmpty: 'Sheet "{sheet}" is empty: choose the sheet that holds your table ({others}).',
  sheetEmptyOnly: 'Sheet "{sheet}" is empty: choose a workbook with a header row and rows of data.',
  sheetNoRows:
    'Sheet "{sheet}" has a header but no rows of data: choose the sheet that holds your table.',
  sheetTooManyCells:
    'This sheet has {cells, number} cells, more than the {most, number} that can be analysed at once: save it as CSV and read the CSV with the command line (npx segmentlens analyze FILE).',
  sheetSpansTooManyCells:
    'This sheet spans up to {cells, number} cells, more than the {most, number} that can be analysed at once: save it as CSV and read the CSV with the command line (npx segmentlens analyze FILE).',
  sheetRowTooLong:
    'This sheet has a row too long to be read (over 64 million characters of XML): open the workbook in Excel or LibreOffice, save it again, and try again.',
  parquetNoRows:
    'This Parquet file has a header but no rows of data: choose the file that holds your table.',
  parquetNoFlatColumns:
    'This Parquet file has no flat columns (only lists, maps or structs): flatten it (one value per cell) and try again.',
  parquetTooManyCells:
    'This Parquet file has {cells, number} cells, more than the {most, number} that can be analysed at once: save a part of it as CSV, or fewer columns.',
  parquetIncomplete:
    'This Parquet file is incomplete (it ends before its last part, as a copy or download cut short does): copy or download it again, then try again.',
  parquetUnreadable:
    'This Parquet file cannot be read ({detail}): save it again with pandas or pyarrow (snappy, gzip or zstd compression), or as CSV, and try again.',
  // Where the table came from (the page says "detected from ...")
  encodingSheet: '{file}, sheet "{sheet}"',
  encodingParquet: 'a Parquet file ({codecs})',
  // Notes on reading a workbook or Parquet file
  noteSheets:
    'This workbook has {count, plural, one {# sheet} other {# sheets}} ({names}); this is sheet "{sheet}".',
  noteTitleRow:
    'The title above the header ("{title}") was skipped: the row below it names the columns.',
  noteCellsLeftOfHeader:
    "{count, plural, one {# cell left of the header's first column was} other {# cells left of the header's first column were}} left out.",
  noteUncachedFormulas:
    '{count, plural, one {# formula cell has no saved value and was} other {# formula cells have no saved value and were}} read as missing: save the workbook again in Excel or LibreOffice to keep their values.',
  noteSpreadsheetErrors:
    '{count, plural, one {# cell held a spreadsheet error ({codes}) and was} other {# cells held spreadsheet errors ({codes}) and were}} read as missing.',
  noteEmptyRows:
    'Skipped {count, plural, one {# empty row} other {# empty rows}} between rows of data.',
  noteParquetNested:
    'Left out {count, plural, one {# nested column} other {# nested columns}} ({names}): SegmentLens reads columns of one value per cell.',
  noteParquetRounded:
    '{names} {count, plural, one {holds} other {hold}} integers too large to compute with exactly; calculations round them (exports keep every digit).',
  // A row kept with something odd about it
  rowSpreadsheetErrors:
    '{count, plural, one {a cell held a spreadsheet error ({code})} other {# cells held spreadsheet errors ({code}, ...)}}, read as missing',
} as const;
