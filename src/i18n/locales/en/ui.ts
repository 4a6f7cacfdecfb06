import { uiBaskets } from './uiBaskets';
import { uiRecommend } from './uiRecommend';
import { uiValue } from './uiValue';
import { uiProfiles } from './uiProfiles';
import { uiClassify } from './uiClassify';
import { uiModel } from './uiModel';
import { uiReport } from './uiReport';
import { uiExports } from './uiExports';
import { uiCleaning } from './uiCleaning';
import { uiClustering } from './uiClustering';
import { uiRfm } from './uiRfm';
/**
 * The page's own words: headings, controls, accessible names, charts, hints. One key per
 * sentence, ICU MessageFormat for its values ({count, plural, one {# row} other {# rows}}); user
 * data (column names, cell values, file names) only ever comes in as a value.
 */
export const ui = {
  common: {
    comma: ', ',
    semicolon: '; ',
    /** Between two sentences of one paragraph. */
    sentenceGap: ' ',
  },
  format: {
    bytes: '{count, plural, one {# byte} other {# bytes}}',
    size: '{value} {unit}',
    z: '{value} SD',
  },
  page: {
    title: 'SegmentLens — customer segments from a CSV, in your browser',
    tagline:
      'Customer segments from a CSV, Excel or Parquet file, in your browser. Your file never leaves this device: there is no server.',
    privacyHeading: 'Privacy:',
    privacy:
      'SegmentLens is a static page. Your file is read and analysed by this browser tab alone and is never uploaded; the page makes no request to any other site. Downloads are made in memory.',
  },
  section: {
    load: 'Load a file',
    columns: 'Columns',
    cleaning: 'Cleaning and scaling',
    segments: 'Segments',
    compare: 'Compare algorithms',
    export: 'Export',
    orderLines: 'Order lines',
    rfmSegments: 'RFM segments',
    rfmClusters: 'Clusters on RFM',
    rfmClustersHint:
      'k-means on recency, log(1 + frequency) and log(1 + monetary), each standardised.',
  },
  alert: {
    dismiss: 'Dismiss',
  },
  stale: {
    older: 'These results are from before your last change.',
    none: 'No results yet.',
    run: 'Run the analysis',
  },
  progress: {
    label: 'Analysis progress',
    stageShown: '{stage}…',
    valueText: '{stage}: {percent}%',
    cancel: 'Cancel',
    stage: {
      read: 'Reading the file',
      infer: 'Detecting column kinds',
      clean: 'Cleaning',
      scale: 'Scaling',
      pca: 'Principal components',
      silhouette: 'Preparing the silhouette sample',
      cluster: 'Clustering',
      profile: 'Describing segments',
      rfm: 'Computing RFM',
    },
  },
  update: {
    label: 'New version',
    ready:
      'A new version of SegmentLens is ready. Reloading keeps nothing of the analysis on show, so finish or download first.',
    reload: 'Reload to update',
  },
  drop: {
    title: 'Drop a CSV, Excel or Parquet file here or choose one',
    choose: 'Choose a CSV, Excel or Parquet file',
    hint: 'One row per customer, with numbers such as spend or visits; or one row per order line (customer, date, amount) for RFM. Comma, semicolon, tab or pipe separated. Excel workbooks (.xlsx, .xls) are read a sheet at a time; Parquet files too.',
    sampleCustomers: 'Try sample customers',
    sampleTransactions: 'Try sample transactions',
  },
  file: {
    format: 'Format',
    formatName: {
      csv: 'CSV',
      xlsx: 'Excel workbook (.xlsx)',
      xls: 'Excel 97-2003 workbook (.xls)',
      parquet: 'Parquet',
    },
    sheet: 'Sheet',
    name: 'File',
    size: 'Size',
    rows: 'Rows',
    columns: 'Columns',
    delimiter: 'Delimiter',
    encoding: 'Encoding',
    decimal: 'Decimal separator',
    decimalPoint: 'point (12.5)',
    decimalComma: 'comma (12,5)',
    notes: 'Reading notes',
    malformed:
      '{count, plural, one {# row could not be read into the columns and is set aside:} other {# rows could not be read into the columns and are set aside:}}',
    issue: 'line {line}: {reason}',
    moreIssues: '… and {count, number} more (see the cleaning report)',
    delimiterName: {
      comma: 'comma',
      semicolon: 'semicolon',
      tab: 'tab',
      pipe: 'pipe',
    },
    encodingName: {
      utf8: 'UTF-8',
      utf16le: 'UTF-16 LE',
      utf16be: 'UTF-16 BE',
      gb18030: 'GB18030 (Chinese)',
      windows1252: 'Windows-1252 (Western)',
    },
  },
  mode: {
    legend: 'What is one row of this file?',
    customers: 'One row per customer',
    customersHint: 'cluster the customers on their columns (spend, visits, ...)',
    transactions: 'Analyse as transactions (RFM)',
    transactionsHint: 'one row per order line: recency, frequency and monetary value per customer',
  },
  numberField: {
    /** What a number field takes (a whole number, or any number; its bounds, where it has them). */
    range:
      '{kind, select, wholeBoth {Takes a whole number from {min, number} to {max, number}} wholeMin {Takes a whole number of {min, number} or more} wholeMax {Takes a whole number of at most {max, number}} wholeNone {Takes a whole number} numberBoth {Takes a number above {min, number}, up to {max, number}} numberMin {Takes a number above {min, number}} numberMax {Takes a number of at most {max, number}} other {Takes a number}}',
    /** While what is typed is not a value the field takes. */
    hint: '{range}.',
    /** After the field put its value back: what was typed, and what it kept. */
    notUsed: '{range}: {typed} was not used, so it stays {value}.',
    /** After the field put its value back, where it was left empty or unreadable. */
    kept: '{range}: it stays {value}.',
  },
  columns: {
    caption: 'Columns',
    column: 'Column',
    kind: 'Kind',
    useAsFeature: 'Use as feature',
    missing: 'Missing',
    unique: 'Unique',
    min: 'Min',
    mean: 'Mean',
    max: 'Max',
    topValues: 'Top values / note',
    kindOf: 'Kind of {column}',
    use: 'Use {column} as feature',
    oneHotTitle: 'One-hot encoded: one 0/1 feature per category',
    unusableTitle: 'Change the kind to numeric or categorical to use it',
    noNumbers:
      '{column} holds no numbers, so it cannot be a numeric feature: make it categorical and tick it to one-hot encode it, or leave it out.',
    oneHot: 'one-hot',
    unit: '({unit})',
    topValue: '{value} ({count, number})',
    kindName: {
      numeric: 'numeric',
      categorical: 'categorical',
      datetime: 'date/time',
      identifier: 'identifier',
      text: 'text',
    },
  },
  cleaning: {
    duplicates: 'Remove exact duplicate rows',
    missing: 'Missing values',
    missingConstant: 'Constant for missing values',
    outliers: 'Outliers',
    outlierAction: 'Outlier action',
    zThreshold: 'Outlier z-score limit',
    scaling: 'Scaling',
    padShortRows:
      '{count, plural, one {Keep the row with too few fields (its empty cells count as missing)} other {Keep the # rows with too few fields (their empty cells count as missing)}}',
    log1p: 'Log transform, log(1 + x), for skewed columns',
    missingChoice: {
      drop: 'Set the row aside',
      mean: 'Fill with the mean',
      median: 'Fill with the median',
      mode: 'Fill with the most frequent value',
      constant: 'Fill with a constant',
    },
    outlierChoice: {
      none: 'Keep them',
      zscore: 'Beyond a z-score',
      iqr: 'Beyond 1.5 × IQR from the quartiles',
    },
    actionChoice: {
      clip: 'Clip to the limit',
      drop: 'Set the row aside',
    },
    scaleChoice: {
      zscore: 'Standardise (z-score)',
      minmax: 'Min-max to 0–1',
      robust: 'Robust (median and IQR)',
    },
  },
  report: {
    title: 'Cleaning report',
    caption: 'Rows read, analysed and set aside',
    read: 'Rows read',
    analysed: 'Rows analysed',
    setAside: 'Rows set aside',
    reason: {
      malformed: 'could not be read (wrong number of fields or broken quotes)',
      duplicate: 'exact duplicates of an earlier row',
      missing: 'missing a value in a feature',
      outlier: 'outliers',
    },
    imputed:
      '{column}: {count, plural, one {# missing value} other {# missing values}} filled with {value} ({strategy, select, mean {mean} median {median} mode {most frequent} constant {constant} other {{strategy}}})',
    clipped:
      '{column}: {count, plural, one {# outlier} other {# outliers}} clipped to {low} – {high}',
    download: 'Download cleaning report',
    downloadHint: 'The rows set aside, each with its line, reason and cells.',
  },
  ...uiBaskets,
  ...uiRecommend,
  ...uiValue,
  ...uiProfiles,
  ...uiClassify,
  ...uiModel,
  ...uiReport,
  ...uiExports,
  ...uiCleaning,
  ...uiClustering,
  ...uiRfm,
} as const;
