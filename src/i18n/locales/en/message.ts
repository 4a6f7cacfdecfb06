import { messageBaskets } from './messageBaskets';
import { messageRecommend } from './messageRecommend';
import { messageClassify } from './messageClassify';
import { messageColumns } from './messageColumns';
import { messageValue } from './messageValue';
import { messageWorkbooks } from './messageWorkbooks';
import { messageModel } from './messageModel';
import { messageReport } from './messageReport';
import { messageExports } from './messageExports';
import { messageCleaning } from './messageCleaning';
import { messageProfiles } from './messageProfiles';
import { messageClusterQuality } from './messageClusterQuality';

/** What the core says: errors, notes, reasons, labels (a code and its values). */
export const message = {
  // Reading a file
  readEmptyFile: 'This file is empty: choose a CSV file with a header row and rows of data.',
  readNoText: 'This file has no text in it: choose a CSV file with a header row and rows of data.',
  readNoRows:
    'This file has a header but no rows of data: add rows below the header and try again.',
  readTooLarge:
    'This file is {size}, more than the {limit} this page can hold: use the command line (npx segmentlens analyze FILE) for files this large.',
  readTooManyColumns:
    'This file has {count, number} columns (line {line}); SegmentLens reads at most {most, number}: choose the columns you need and save them as a smaller file.',
  readRecordTooLong:
    'Line {line} is longer than {most} without ending: this is not a table of rows (check the delimiter and line endings, or save the file again as CSV).',
  readHeaderQuotes:
    'The header (line {line}) has unbalanced quotes: fix the first line of the file and try again.',
  readFileChanged:
    'The file changed or moved after it was read, so its rows cannot be read again: choose the file again, then repeat this.',
  readWorkbook:
    'This file is {what}, not a CSV: save it as CSV first (File > Save As > CSV UTF-8 in Excel), then choose the CSV.',
  readBinaryKind: 'This file is {what}, not a CSV: choose a CSV file instead.',
  readBinary: 'This file is not text (it contains binary data): choose a CSV file instead.',
  fileXlsx: 'an Excel workbook (.xlsx)',
  fileXls: 'an Excel workbook (.xls)',
  filePng: 'a PNG image',
  fileJpeg: 'a JPEG image',
  fileGif: 'a GIF image',
  filePdf: 'a PDF document',
  fileGzip: 'a gzip archive',
  noColumn: 'There is no column named "{name}": choose among {names}.',
  // How the encoding was decided: each a whole sentence (the page shows it under the encoding)
  encodingChosen: 'Read in the encoding you chose.',
  encodingRfmTable: 'Computed here from the RFM figures, not read from a file.',
  encodingBom: 'Read as the byte-order mark at the start of the file says.',
  encodingUtf16: 'Read as UTF-16: the file has zero bytes between its characters.',
  encodingValidUtf8: 'The file is valid UTF-8.',
  encodingNotUtf8:
    'The file is not valid UTF-8; it was read as {codePage, select, gb18030 {GB18030} other {Windows-1252}}.',
  encodingNotUtf8After:
    'The file is not valid UTF-8 after its first {size}; it was read as {codePage, select, gb18030 {GB18030} other {Windows-1252}}.',
  // Rows that cannot be read
  rowNul: 'holds a NUL byte, which text never holds (the row is damaged)',
  rowQuotes: 'unbalanced or stray quotes',
  rowStrayQuote: 'a quote inside an unquoted field, read as written',
  rowFieldCount: '{count, plural, one {# field} other {# fields}} where the header has {expected}',
  rowFieldCountShort: 'wrong number of fields',
  // Notes on reading
  noteUnnamedColumns:
    '{count, plural, one {# column has} other {# columns have}} no name and got one (column_N).',
  noteRenamedColumns:
    '{count, plural, one {# repeated column name was} other {# repeated column names were}} made unique (name_2, name_3, ...).',
  noteDroppedEmptyColumns:
    'Dropped {count, plural, one {# empty column} other {# empty columns}} without a name at the end of each row.',
  noteExtraEmptyFields:
    '{count, plural, one {# row ends} other {# rows end}} with extra empty fields; they were ignored.',
  noteBlankLines: 'Skipped {count, plural, one {# blank line} other {# blank lines}}.',
  noteStrayQuotes:
    '{count, plural, one {# row has} other {# rows have}} a quote inside an unquoted field (line {lines}); {count, plural, one {it was} other {they were}} read as written.',
  noteManyIssues: '{count} rows could not be read; the first {listed} are listed.',
  noteNumericHeader:
    'The first row holds numbers, not names: the columns are named column_1, column_2, ...',
  // Column kinds
  kindMixedDecimals:
    'Numbers here are written with both a decimal point and a decimal comma (such as "{example}"), so neither reading is right: the file is read with a decimal {separator, select, point {point} other {comma}}; correct the file, or choose the decimal separator.',
  kindAllMissing: 'Every cell is missing: left out of the features.',
  kindNotNumbers:
    '{count, plural, one {# cell is} other {# cells are}} not a number (e.g. "{example}") and {count, plural, one {counts} other {count}} as missing.',
  kindIdentifierName: 'Named like an identifier: not used as a feature.',
  kindRowNumber: 'Counts 1, 2, 3, ... once per row: an identifier, not a feature.',
  kindConstant: 'Every row has the same value: left out of the features.',
  kindAmbiguousDates:
    'No day or month is above 12: check whether the dates are day-first or month-first.',
  kindUnique: 'A different value on every row: an identifier, not a feature.',
  kindSameCategory: 'Every row has the same value.',
  kindTooManyValues: '{count} distinct values: too many to use as categories.',
  kindMostlyNumbers:
    '{numbers, plural, one {# cell is a number} other {# cells are numbers}}, but {texts, plural, one {# is} other {# are}} not (such as "{example}"), so {name} is read as text: make it numeric to use it, and those cells count as missing.',
  // Features and cleaning
  featureCategorical:
    '"{name}" is a categorical column, not a numeric one: choose numeric features, or one-hot encode it.',
  featureAlsoOneHot:
    '"{name}" is a categorical column, one-hot encoded already: leave it out of the numeric features.',
  featureWrongKind:
    '"{name}" is {kind, select, identifier {an identifier} datetime {a date} text {a text} other {a {kind}}} column, not a numeric one: choose numeric features, or change its kind to numeric.',
  featureNoneChosen: 'No feature is chosen: tick "use as feature" for at least one numeric column.',
  featureOneRow:
    'This file has only one row of data: segments need at least two customers, one per row.',
  featureAllConstant:
    'Every numeric column has the same value on every row, so nothing tells the customers apart: choose a file with varied numbers.',
  featureNoNumeric:
    'This file has no numeric column to cluster on: it needs at least one column of numbers (such as spend or visits).',
  featureChosenConstant:
    'Every chosen feature has the same value on every row, so there is nothing to cluster on: choose other features.',
  featureNoNumbers:
    'The chosen features have no numbers in them: choose at least one numeric column as a feature.',
  featureUnusedNote: '{column}: {note}',
  featureLeftOut: '{column} was left out of the features: {reason}.',
  featureNoNumbersReason: 'it has no numbers',
  log1pNotFeature: '{name} is not among the chosen features, so log(1 + x) was not applied to it.',
  log1pNotNumeric: '{name} is not a numeric feature, so log(1 + x) was not applied to it.',
  log1pNegative: '{name} has negative values, so log(1 + x) was not applied to it.',
  scaleConstant: '{name} has the same value on every row, so it was left out of the features.',
  scaleNoSpread:
    '{name} has an interquartile range of 0, so it was centred on its median but not divided.',
  cleanNoRowsMissing:
    'Every row has a missing value in some feature ({count} rows): fill missing values instead of dropping rows, or choose other features.',
  cleanNoRowsMalformed:
    'No row could be read ({count} malformed rows): check the delimiter and quotes, or allow short rows to be padded.',
  cleanNoRows:
    'No rows are left after cleaning: relax the cleaning options (duplicates, missing values, outliers).',
  featureNotFinite:
    'The value of {column} on line {line} could not be scaled to a finite number: correct that cell, or leave {column} out of the features.',
  oneHotGrouped:
    '{column} has {count, number} categories: the {kept, number} most frequent have a 0/1 feature each, the other {other, number} ({rows, plural, one {# row} other {# rows}}) share "{label}".',
  featuresTooMany:
    'The features would be {rows, number} rows by {features, number} columns ({size}), more than can be held: choose fewer features (or one-hot fewer categorical columns).',
  detailNotANumber: 'not a number: "{cell}" in {column}',
  detailOutOfRange:
    '"{cell}" in {column} is beyond the magnitudes analysed (numbers from 1e-100 to 1e100 in size, or 0)',
  detailMissing: 'no value for {column}',
  detailRepeats: 'repeats line {line}',
  detailBelow: '{column} below {limit, number, precise}',
  detailAbove: '{column} above {limit, number, precise}',
  detailBelowLog: '{column} below {limit, number, precise} (after log1p)',
  detailAboveLog: '{column} above {limit, number, precise} (after log1p)',
  // Clustering
  tooFewRowsForK:
    'There are {rows, number} usable rows, fewer than the {k, number} segments asked for: choose at most {rows, number} segments.',
  kNotWhole: 'The number of segments must be a whole number of at least 1, not {k}.',
  clusteredOnComponents:
    '{auto, select, yes {With {features, number} features, the} other {The}} clustering measured distances on the first {count, number} principal components ({share, number, ::percent .0} of the variance){auto, select, yes {: on so many features, distances are slow and mostly noise. Choose "every feature" under PCA to cluster on all of them.} other {.}}',
  kRangeShrank:
    'Only {rows, number} rows are left to analyse, so k runs from 1 to {kMax}: add rows or ask for fewer segments.',
  noRowsToCluster: 'There are no rows to cluster.',
  wardEuclideanOnly:
    'Ward linkage works with Euclidean distances only: choose Euclidean, or another linkage.',
  wardNote:
    'Ward linkage builds its tree with Euclidean distances only; the distance chosen measures the silhouette.',
  cutTooLow:
    'Cutting the tree at height {height} gives {count} segments: choose a height of at least {least} for at most {most}.',
  hierarchySampled:
    'Hierarchical clustering ran on a seeded sample of {rows, number} of the {total, number} rows (the tree needs every pairwise distance, so it is built on at most {most, number} rows; you may choose up to {ceiling, number}); every other row joined the segment whose centre is nearest.',
  treeRowsRange:
    'The rows in the tree must be a whole number from {fewest, number} to {most, number}, not {rows}.',
  treeOutOfMemory:
    'There is not enough memory for the {megabytes, number} MB that a tree on {rows, number} rows needs: choose fewer rows in the tree, or close other tabs or programs and try again.',
  epsNotPositive: 'eps must be a number above 0, not {eps}.',
  minPtsNotWhole: 'minPts must be a whole number of at least 1, not {minPts}.',
  epsIdentical:
    'Most rows are identical, so no neighbourhood size can be suggested: enter an eps above 0.',
  dbscanAllNoise:
    'At eps {eps} with {minPts} minimum points every row is noise: raise eps (the k-distance plot suggests {suggested}) or lower the minimum points.',
  dbscanSampled:
    'DBSCAN ran on a seeded sample of {rows, number} of the {total, number} rows (it takes up to {most, number} rows in reasonable time); every other row joined the segment of a core row within eps of it, or noise when none was that close.',
  // Choosing k
  reasonTooFewRows: 'There are too few rows to compare numbers of segments.',
  reasonNoBend:
    'The elbow curve has no clear bend; the silhouette is highest at k = {silhouetteK} ({best}).',
  reasonBend: 'The elbow curve bends at k = {elbowK}.',
  reasonAgree:
    'The elbow curve bends at k = {elbowK} and the silhouette is highest there too ({best}): both agree.',
  reasonNearlyAgree:
    'The elbow curve bends at k = {elbowK} and the silhouette peaks next to it, at k = {silhouetteK} ({best}): they nearly agree; k = {k} is recommended.',
  reasonElbowGoodEnough:
    "The elbow curve bends at k = {elbowK}; the silhouette is highest at k = {silhouetteK} ({best}) but nearly as good at k = {elbowK} ({atElbow}), so the elbow's k is recommended.",
  reasonSilhouetteWins:
    'The elbow curve bends at k = {elbowK}, but the silhouette there ({atElbow}) is clearly lower than at k = {silhouetteK} ({best}), so k = {silhouetteK} is recommended.',
  reasonHeightCut:
    '{reason} The tree cut at height {height} gives {count, plural, one {# segment} other {# segments}}.',
  reasonDbscan:
    'DBSCAN found {clusters, plural, one {# segment} other {# segments}} at eps {eps} with {minPts} minimum points; {noise, number} rows ({share, number, share}) are noise.',
  metricEuclidean: 'Euclidean',
  metricManhattan: 'Manhattan',
  metricChebyshev: 'Chebyshev',
  metricCosine: 'cosine',
  // The comparison's settings
  compareKmeans: 'k = {k}, best of {nInit}',
  compareHierarchy:
    '{linkage, select, ward {Ward} complete {complete} average {average} single {single} other {{linkage}}} linkage, {metric}, k = {k}',
  compareHierarchyWard:
    '{linkage, select, ward {Ward} complete {complete} average {average} single {single} other {{linkage}}} linkage, {metric} (Ward is Euclidean only), k = {k}',
  compareHierarchySampled: '{settings}, tree on {rows, number} rows',
  compareDbscan: 'eps {eps}, {minPts} minimum points, {metric}',
  compareDbscanSuggested: 'eps {eps} (suggested), {minPts} minimum points, {metric}',
  // Segment labels
  labelHigh: 'High {feature}',
  labelLow: 'Low {feature}',
  labelAboveAverage: 'Above-average {feature}',
  labelBelowAverage: 'Below-average {feature}',
  labelMostly: 'Mostly {value}',
  labelTypical: 'Typical customers',
  labelNoise: 'Noise',
  labelJoin: '{first}, {second}',
  labelRepeat: '{label} ({count})',
  rfmLapsed: 'Lapsed',
  rfmRecent: 'Recent',
  rfmFairlyLapsed: 'Fairly lapsed',
  rfmFairlyRecent: 'Fairly recent',
  rfmFrequent: 'Frequent',
  rfmRare: 'Rare',
  rfmFairlyFrequent: 'Fairly frequent',
  rfmFairlyRare: 'Fairly rare',
  rfmHighSpend: 'High spend',
  rfmLowSpend: 'Low spend',
  rfmAboveAverageSpend: 'Above-average spend',
  rfmBelowAverageSpend: 'Below-average spend',
  // Order lines and RFM
  mappingNeedsCustomer: 'Choose the column that identifies the customer.',
  mappingNeedsDate: 'Choose the column that holds the order date.',
  mappingNeedsQuantity:
    'Choose a quantity column to go with the unit price, or an amount column instead.',
  mappingNeedsPrice:
    'Choose a unit price column to go with the quantity, or an amount column instead.',
  mappingTwice: '"{name}" is chosen for two roles: give each role its own column.',
  mappingLooksLikeLines:
    'Each customer ({customer}) appears on several rows, with dates ({date}) and amounts ({amount}): this looks like one row per order line.',
  mappingLooksLikeLinesPrice:
    'Each customer ({customer}) appears on several rows, with dates ({date}) and quantities and prices ({quantity} x {price}): this looks like one row per order line.',
  mappingLooksLikeLinesNoMoney:
    'Each customer ({customer}) appears on several rows, with dates ({date}) but no money: this looks like one row per purchase, and RFM will use recency and frequency only.',
  mappingNotLinesCustomer:
    'No customer column that repeats was recognised, so this reads as one row per customer.',
  mappingNotLinesDate: 'No date column was recognised, so this reads as one row per customer.',
  mappingNotLinesBoth:
    'No customer column that repeats and no date column were recognised, so this reads as one row per customer.',
  cliMappingMissing:
    '{count, plural, one {A column was} other {# columns were}} not recognised or not complete: add {flags} (--help lists every column flag).',
  rfmNoteNoMoney:
    'No money column is chosen, so this is RFM without M: customers are scored and segmented on recency (R) and frequency (F) only, and spend is left out everywhere.',
  rfmNoteOrdersByDay:
    'No order column is chosen, so each customer’s purchases on one day count as one order.',
  rfmMeanSchemeNeedsMoney:
    'The eight segments of R, F and M above or below their means need a money column: choose one, or use the segments of the R-by-F grid.',
  valueNeedsMoney:
    'Spend and lifetime value (Gamma-Gamma) need a money column: choose an amount (or quantity and unit price) column. Who is still a customer and expected purchases need no money and are shown.',
  rfmModelNeedsMoney:
    'An RFM model is saved with its money cut points, so it needs a money column: choose an amount (or quantity and unit price) column to save one.',
  linesNoneUsable:
    'No order line could be used (most were left out because: {reason}): check the column choices.',
  linesDatesAreNumbers:
    '"{column}" holds numbers, not dates: choose the column with the order dates, written like 2010-12-01 08:26, 12/1/2010 or 01.12.2010.',
  linesNoDates:
    '"{column}" holds no values: choose the column with the order dates, written like 2010-12-01 08:26, 12/1/2010 or 01.12.2010.',
  linesUnreadableDates:
    '"{column}" does not hold dates that can be read (such as {example}, which is not a date): choose the column with the order dates, written like 2010-12-01 08:26, 12/1/2010 or 01.12.2010.',
  linesAmbiguousDates:
    'The dates in "{column}" (such as {example}) could be day-first or month-first: say which.',
  dropUnreadableRow: 'the row could not be read into the columns',
  dropNoCustomer: 'no customer id',
  dropCancellation: 'cancelled order (order id C followed by the digits of an invoice)',
  dropUnreadableDate: 'date missing or not readable',
  dropMissingAmount: 'quantity, price or amount missing, not a number or out of range',
  dropNotPositive: 'quantity, price or amount zero or negative (returns, adjustments, free items)',
  applySnapshotBeforeLastOrder:
    'This model counts recency to its saved snapshot, {snapshot, date, day}, but these order lines go on to {last, date, minute}: apply it to orders up to its snapshot, or save the model again with a later snapshot or with none (recency then counts to the day after the last order).',
  sqlSnapshotBeforeLastOrder:
    'SegmentLens: this model counts recency to its saved snapshot, {snapshot, date, day}, but the table has orders after it: score orders up to that day, or save the model again with a later snapshot or with none.',
  snapshotBeforeLastOrder:
    'The snapshot date is before the last order ({last, date, minute}): choose a date after it, or leave it empty for the day after the last order.',
  rfmNoteOneValue:
    'Every customer has the same {which, select, recency {recency ({value, plural, one {# day} other {# days}})} frequency {frequency ({value, plural, one {# order} other {# orders}})} other {spend ({value, number})}}, so the {which, select, recency {R} frequency {F} other {M}} score cannot tell them apart: every customer gets the middle score, 3 of 5.',
  rfmNoteSharedOrderIds:
    '{count, plural, one {# order id was} other {# order ids were}} used by several customers or on several days (ids that restart, such as every day), so an order is counted as one order id of one customer on one day.',
  rfmNoteCancellations:
    '{count, plural, one {# line was} other {# lines were}} taken as cancellations and left out: order ids such as {examples}, a C followed by the digits of an invoice. If these are ordinary orders, untick Recognise cancellations.',
  rfmOneCustomer:
    'Only one customer has usable orders, so there is nothing to cluster: check the column choices.',
  segmentMapCells: 'The grid needs {count} cells.',
  segmentMapBlank: 'Every segment needs a name: type one in.',
  segmentMapTwice: 'Two segments are called "{name}": give each its own name.',
  segmentMapUnassigned: 'Every cell of the grid must belong to a segment.',
  rfmChampions: 'Champions',
  rfmLoyalCustomers: 'Loyal Customers',
  rfmPotentialLoyalists: 'Potential Loyalists',
  rfmNewCustomers: 'New Customers',
  rfmPromising: 'Promising',
  rfmNeedAttention: 'Need Attention',
  rfmAboutToSleep: 'About to Sleep',
  rfmAtRisk: 'At Risk',
  rfmCantLoseThem: "Can't Lose Them",
  rfmHibernating: 'Hibernating',
  rfmImportantValue: 'Important value customers',
  rfmImportantDevelopment: 'Important development customers',
  rfmImportantRetention: 'Important retention customers',
  rfmImportantWinBack: 'Important win-back customers',
  rfmGeneralValue: 'General value customers',
  rfmGeneralDevelopment: 'General development customers',
  rfmGeneralRetention: 'General retention customers',
  rfmGeneralWinBack: 'General win-back customers',
  // Exports
  exportNoSegmentation: 'There is no segmentation into {k} segments to export.',
  exportNoClusters: 'Cluster the customers before exporting one cluster.',
  exportAllSegments: 'all segments (k={k})',
  exportAllSegmentsOf:
    'all segments ({algorithm, select, dbscan {DBSCAN} hierarchical {Hierarchical} other {{algorithm}}}, k={k})',
  exportSegment: 'segment {id} - {label}',
  exportCleaningReport: 'cleaning report (rows set aside)',
  exportRfmTable: 'RFM table',
  exportRfmSegment: 'RFM - {segment}',
  exportRfmCluster: 'RFM - cluster {cluster} of {k}',
  exportRfmSetAside: 'order lines left out of RFM',
  noSession: 'The file is not open in the analysis worker.',
  // The page's own sentences (status, progress, problems)
  pageFileNotRead: '{name} was not read, and the page still shows the file before it. {reason}',
  pageUnexpected:
    'Something went wrong while {activity} ({detail}): try again, and if it keeps happening, use the command line.',
  activityAnalysing: 'analysing the file',
  activityComparing: 'comparing the algorithms',
  activityDownload: 'preparing the download',
  activityCleaningReport: 'preparing the cleaning report',
  activitySample: 'loading the sample',
  activityReading: 'reading {name}',
  activityCustomerTable: 'showing the customer table',
  workerCannotStart:
    'The analysis could not start in this browser ({detail}): try another browser.',
  workerStopped:
    'The analysis stopped unexpectedly: try again, or use the command line for very large files.',
  workerStoppedBecause:
    'The analysis stopped unexpectedly ({detail}): try again, or use the command line for very large files.',
  workerNotStarted: 'The analysis did not start: reload the page and try again.',
  sampleNotLoaded: 'the sample {name} could not be loaded ({status})',
  statusAnalysing: 'Analysing…',
  statusRfmDone: 'RFM done for {customers, number} customers; clustering them…',
  statusDoneDbscan: 'Analysis done: DBSCAN found {k, plural, one {# segment} other {# segments}}.',
  statusDoneRecommended: 'Analysis done: {k} segments recommended.',
  statusCancelledKeeping: 'Cancelled: the page shows the last finished results.',
  statusCancelled: 'Cancelled.',
  statusAnalysisCancelled: 'Analysis cancelled.',
  statusComparing: 'Comparing algorithms…',
  statusCompared: 'Comparison done.',
  statusComparisonCancelled: 'Comparison cancelled.',
  statusDownloaded: 'Downloaded {file}.',
  statusRereadForDownload:
    'The analysis was cancelled, so the file is read again to prepare the download…',
  statusReading: 'Reading {name}…',
  statusRead: 'Read {rows, number} rows.',
  rfmSayDateOrder: 'Say how the dates in {column} are written: day first or month first.',
  // The command line's own refusals
  cliOneFile:
    'Give exactly one file (CSV, Excel workbook or Parquet): segmentlens {command} FILE [options].',
  cliBadArguments: '{problem}: see segmentlens --help.',
  cliUnknownOption: 'There is no option {option}: see segmentlens --help.',
  cliOptionNeedsValue: '{option} needs a value: give it right after the option ({option} VALUE).',
  cliOptionValueIsOption:
    '{option} needs a value, but {value} follows it: give the value right after {option}, or write {option}={value} if that is the value.',
  cliOptionTakesNoValue: '{option} takes no value: write {option} alone.',
  cliStrayNumber:
    '{value} is not an option, nor the value of one: put it right after the option it is for (--OPTION {value}).',
  cliWholeNumberAtLeast: '--{name} must be a whole number of at least {min}, not "{value}".',
  cliWholeNumberRange: '--{name} must be a whole number from {min} to {max}, not "{value}".',
  cliNumberAtLeast: '--{name} must be a number of at least {min}, not "{value}".',
  cliChoice: '--{name} must be one of {choices}, not "{value}".',
  cliNoSuchFile: 'Cannot read {path}: there is no such file; check the path.',
  cliFolder: 'Cannot read {path}: it is a folder; give the path of a file.',
  cliCannotOpen: 'Cannot read {path}: it cannot be opened; check the path.',
  // Writing what a flag names (--out DIR, --report FILE, --save-model FILE, sql --out FILE)
  cliWriteNotFolder:
    '{path} is a file, not a folder: give {flag} {what, select, folder {a folder to write into} other {a file in a folder}}.',
  cliWriteDenied:
    'You cannot write in the folder {path}: give {flag} {what, select, folder {a folder} other {a file in a folder}} you can write to.',
  cliWriteCannotCreate:
    'The folder {path} cannot be created: give {flag} a folder you can write to.',
  cliWriteNoFolder:
    'There is no folder {path}: create it, or give {flag} a file in a folder that exists.',
  cliWriteIsFolder:
    '{path} is a folder, not a file: {what, select, folder {move it away, or give {flag} another folder} other {give {flag} the path of a file}}.',
  cliWriteFailed:
    '{path} could not be written: check that you can write there and that the disk has room, or give {flag} another {what, select, folder {folder} other {file}}.',
  cliSheetNotWorkbook:
    '--sheet picks a sheet of an Excel workbook, and {path} is a {format, select, parquet {Parquet} other {CSV}} file: leave --sheet out.',
  cliStaleSegmentFile:
    '{path} is a segment file of an earlier run that could not be removed: remove it, or give --out another folder, so the folder does not mix two segmentations.',
  cliDayAndMonth: 'Give --day-first or --month-first, not both.',
  cliSnapshot: '--snapshot must be a date such as 2011-12-10 or "2011-12-10 12:50", not "{value}".',
  cliDbscanK:
    'DBSCAN finds the number of segments itself: leave out --k, or choose --algorithm kmeans or hierarchical.',
  cliMisplacedDbscan: '{flag} applies to DBSCAN: add --algorithm dbscan.',
  cliMisplacedHierarchy: '{flag} applies to hierarchical clustering: add --algorithm hierarchical.',
  cliEps: '--eps must be a number above 0, such as 0.5.',
  cliFillValue: '--fill-value must be a number, such as 0 or -1, not "{value}".',
  cliFillValueUnused:
    '--fill-value is the number missing values are filled with: add --missing constant, or --missing-by COL=constant.',
  ...messageBaskets,
  ...messageRecommend,
  ...messageValue,
  ...messageClassify,
  ...messageWorkbooks,
  ...messageModel,
  ...messageColumns,
  ...messageReport,
  ...messageExports,
  ...messageCleaning,
  ...messageProfiles,
  ...messageClusterQuality,
} as const;
