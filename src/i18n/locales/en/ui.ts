import { uiBaskets } from './uiBaskets';
import { uiRecommend } from './uiRecommend';
import { uiValue } from './uiValue';
import { uiProfiles } from './uiProfiles';
import { uiClassify } from './uiClassify';
import { uiModel } from './uiModel';
import { uiReport } from './uiReport';
import { uiExports } from './uiExports';
import { uiCleaning } from './uiCleaning';
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
  clustering: {
    algorithm: 'Clustering algorithm',
    silhouetteDistance: 'Silhouette distance',
    distance: 'Distance',
    showSettings: 'Change settings',
    hideSettings: 'Hide settings',
    kMax: 'Largest number of segments tried',
    nInit: 'Restarts per k',
    silhouetteSample: 'Silhouette sample (rows)',
    treeMaxRows: 'Rows in the tree (at most)',
    seed: 'Random seed',
    algorithmName: {
      kmeans: 'k-means',
      dbscan: 'DBSCAN',
      hierarchical: 'Hierarchical',
    },
    metricOption: {
      euclidean: 'Euclidean',
      manhattan: 'Manhattan',
      chebyshev: 'Chebyshev',
      cosine: 'cosine',
    },
    /** A distance in a sentence. */
    metricName: {
      euclidean: 'Euclidean distance',
      manhattan: 'Manhattan distance',
      chebyshev: 'Chebyshev distance',
      cosine: 'cosine distance',
    },
    /** A linkage in a sentence. */
    linkageName: {
      ward: 'Ward linkage',
      complete: 'complete linkage',
      average: 'average linkage',
      single: 'single linkage',
    },
  },
  summary: {
    warnings: 'Warnings about these segments',
    kmeans:
      'k-means for k = 1 to {kMax}, best of {nInit, plural, one {# start} other {# starts}} each, silhouette on up to {sample, number} rows, seed {seed}.',
    kmeansDistance:
      'k-means for k = 1 to {kMax}, best of {nInit, plural, one {# start} other {# starts}} each, silhouette on up to {sample, number} rows with {distance}, seed {seed}.',
    dbscan:
      'DBSCAN with the suggested eps, {minPts, plural, one {# minimum point} other {# minimum points}}, {distance}, silhouette on up to {sample, number} rows.',
    dbscanSuggested:
      'DBSCAN with the suggested eps ({eps}), {minPts, plural, one {# minimum point} other {# minimum points}}, {distance}, silhouette on up to {sample, number} rows.',
    dbscanEps:
      'DBSCAN with eps {eps}, {minPts, plural, one {# minimum point} other {# minimum points}}, {distance}, silhouette on up to {sample, number} rows.',
    dbscanLimit: 'DBSCAN takes up to {most, number} rows in reasonable time.',
    dbscanSampled:
      'DBSCAN takes up to {most, number} rows in reasonable time; this file has more, so it runs on a seeded sample and the other rows join the segment of a core row within eps (or noise).',
    hierarchical:
      'Hierarchical clustering, {linkage}, {distance}, {cut}, silhouette on up to {sample, number} rows.',
    hierarchicalWard:
      'Hierarchical clustering, Ward linkage, Euclidean distance (Ward builds its tree with Euclidean distances only; {distance} measures the silhouette), {cut}, silhouette on up to {sample, number} rows.',
    cutIntoK: 'cut into k = 1 to {kMax} segments',
    cutAtHeight: 'tree cut at height {height}',
    hierarchyLimit:
      'The tree needs every pairwise distance (up to {megabytes, number} MB of memory for this file), so it is built on at most {most, number} rows; the settings allow {fewest, number} to {ceiling, number}.',
    hierarchySampled:
      'The tree needs every pairwise distance, so it is built on at most {most, number} rows ({megabytes, number} MB of memory): a seeded sample of this file, the other rows joining the segment with the nearest centre. The settings allow {fewest, number} to {ceiling, number} rows; the memory grows with the square of the rows.',
    hierarchyLimitSingle:
      'Single linkage measures every pairwise distance (without keeping them), so the tree is built on at most {most, number} rows; the settings allow {fewest, number} to {ceiling, number}.',
    hierarchySampledSingle:
      'Single linkage measures every pairwise distance, so the tree is built on at most {most, number} rows: a seeded sample of this file, the other rows joining the segment with the nearest centre. The settings allow {fewest, number} to {ceiling, number} rows.',
  },
  count: {
    label: 'Number of segments',
    found: '{k} (found by DBSCAN)',
    recommended: '{k} (recommended)',
    plain: '{k}',
  },
  dbscan: {
    suggested: 'Use the suggested eps',
    eps: 'Neighbourhood radius (eps)',
    minPts: 'Minimum points',
  },
  hierarchy: {
    linkage: 'Linkage',
    byHeight: 'Cut the tree at a height',
    cutHeight: 'Cut height',
    linkageOption: {
      ward: 'Ward (builds its tree with Euclidean distances)',
      complete: 'Complete',
      average: 'Average',
      single: 'Single',
    },
  },
  chart: {
    series: 'Series',
    values: 'Values',
  },
  elbow: {
    title: 'Elbow curve',
    computing: 'Computing: {done} of {total} values of k done so far.',
    qualityIndex: 'Quality index',
    axisK: 'number of segments (k)',
    inertia: 'Inertia',
    recommended: 'recommended',
    shown: 'shown',
    lines: 'Lines',
    inertiaLine: 'Inertia (left axis)',
    indexLine: '{index} (right axis)',
    recommendedLine: 'recommended k',
    valuesCaption: 'Elbow curve values',
    falls: 'Inertia falls from {first} at k = {firstK} to {last} at k = {lastK}.',
    best: '{index} is best at k = {k} ({value}).',
    recommendation: 'Recommended: k = {k}.',
    sampled: 'The silhouette is computed on a sample of {sample, number} of {rows, number} rows.',
    index: {
      silhouette: 'Silhouette',
      daviesBouldin: 'Davies-Bouldin',
      calinskiHarabasz: 'Calinski-Harabasz',
    },
    indexChoice: {
      silhouette: 'Silhouette (higher is better)',
      daviesBouldin: 'Davies-Bouldin (lower is better)',
      calinskiHarabasz: 'Calinski-Harabasz (higher is better)',
    },
  },
  kDistance: {
    title: 'k-distance plot',
    sorted:
      'The distance from each of {rows, number} sampled rows to its {minPts, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} nearest row (itself included), sorted.',
    knee: 'The knee suggests eps {suggested}; at eps {eps}, {share} of them are core rows.',
    found:
      'DBSCAN found {clusters, plural, one {# segment} other {# segments}} and {noise, plural, one {# noise row} other {# noise rows}}.',
    axis: 'rows, sorted',
    distanceLine:
      '{minPts, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}-nearest distance',
    suggestedLine: 'Suggested eps ({eps})',
    inUseLine: 'eps in use ({eps})',
  },
  dendrogram: {
    title: 'Dendrogram',
    merges:
      'The last {merges, plural, one {merge} other {# merges}} of the {linkage} tree ({distance}) over {rows, number} rows; each leaf is a cluster, labelled with its rows.',
    mergesSampled:
      'The last {merges, plural, one {merge} other {# merges}} of the {linkage} tree ({distance}) over {rows, number} rows (a seeded sample); each leaf is a cluster, labelled with its rows.',
    highest: 'The highest merge is at {top}.',
    highestCut:
      'The highest merge is at {top}; the dashed line at {cut} cuts the tree into the {k} segments on show.',
    image:
      'Dendrogram: {leaves} clusters joined by {merges, plural, one {# merge} other {# merges}}, highest at {top}',
    mergeLine: 'Merge (height = linkage distance)',
    cutLine: 'Cut for the segments on show',
    heights: 'Merge heights',
    heightsCaption: 'Height of the cut that gives each number of segments',
    segments: 'Segments',
    cutHeight: 'Cut height',
  },
  scree: {
    title: 'Principal components (scree)',
    one: 'PC1 explains {share} of the variance. PC1 is mostly {features}.',
    two: 'PC1 explains {share} of the variance; PC1 and PC2 together {both}. PC1 is mostly {features}.',
    variance: 'Variance explained',
    cumulative: 'Cumulative',
    values: 'Values and loadings',
    valuesCaption: 'Variance explained and loadings of each component',
    component: 'Component',
    varianceColumn: 'Variance',
  },
  scatter: {
    title: 'Segment scatter',
    all: '{x} across, {y} up, showing all {total, number} customers. Crosses mark the segment centres. Segments: {segments}.',
    sampled:
      '{x} across, {y} up, showing {shown, number} of {total, number} customers, a sample drawn from every segment in proportion to its size. Crosses mark the segment centres. Segments: {segments}.',
    segment: '{id} {label} ({size, number})',
    horizontal: 'Horizontal axis',
    vertical: 'Vertical axis',
    legend: 'Segments',
    centre: 'segment centre',
  },
  features: {
    recency: 'recency',
    frequency: 'frequency',
    monetary: 'monetary',
  },
  segments: {
    named: '{id}: {label}',
    noise: 'Noise',
  },
  profiles: {
    caption: 'Segment profiles',
    segment: 'Segment',
    size: 'Size',
    share: 'Share',
    mostCommon: '{column} (most common)',
    median: 'median {value}',
    topCategory: '{value} ({share})',
    everyone: 'All analysed customers',
    hint: 'Means per segment; the shade and the SD figure compare each mean with all analysed customers (orange above, blue below). Hover a cell for its median.',
  },
  export: {
    all: 'Download all segments',
    noise: 'Download noise (segment -1, {count, plural, one {# row} other {# rows}})',
    segment: 'Download segment {id}: {label} ({count, plural, one {# row} other {# rows}})',
  },
  compare: {
    run: 'Compare algorithms',
    hint: 'Runs k-means, hierarchical clustering and DBSCAN on the rows analysed here, with the settings above, and scores them alike.',
    stale: 'This comparison is of earlier settings: compare again to update it.',
    caption:
      'Algorithm comparison on {rows, number} rows (silhouette on {sample, number} of them, {distance}; noise left out of the indices)',
    algorithm: 'Algorithm',
    settings: 'Settings',
    segments: 'Segments',
    noise: 'Noise',
    sizes: 'Sizes',
    moreSizes: '{sizes}, … ({count, number} more)',
    agreement:
      'Agreement between algorithms (adjusted Rand index: 1 is the same segments, 0 is chance)',
  },
  mapping: {
    customer: 'Customer column',
    order: 'Order column',
    date: 'Date column',
    money: 'Money per order line',
    byQuantity: 'Quantity × unit price',
    byAmount: 'One amount column',
    noMoney: 'No money (recency and frequency only)',
    noMoneyHint:
      'RFM without M: customers are scored and segmented on recency and frequency; spend is left out everywhere.',
    amount: 'Amount column',
    quantity: 'Quantity column',
    price: 'Unit price column',
    none: '— none: each customer’s day is an order —',
    choose: '— choose —',
    dateQuestion: 'How are the dates in {column} written?',
    dayFirst: 'Day first (01/02/2024 is 1 February)',
    monthFirst: 'Month first (01/02/2024 is 2 January)',
    asData: 'Read them as the data shows',
    snapshot: 'Count recency to',
    snapshotDefault: 'The day after the last order: {date}.',
    snapshotEmpty: 'Empty: the day after the last order.',
    cancellations: 'Recognise cancellations',
    cancellationsHint:
      'Lines whose order id is C followed by the digits of an invoice (C536379), or has a negative quantity, are set aside as cancellations. Untick if your order ids merely start with C.',
    snapshotClear: 'Clear the date to count to the day after the last order.',
  },
  lines: {
    customers: 'Customers',
    from: 'Orders from',
    to: 'to',
    dates: 'Dates read',
    snapshot: 'Recency counted to',
    revenue: 'Revenue',
    caption: 'Order lines read, used and left out',
    read: 'Order lines read',
    used: 'Used for RFM',
    leftOut: 'Left out',
    download: 'Download the lines left out',
    downloadHint: 'each with its line number, reason and cells',
    dateOrder: {
      ymd: 'year first',
      dmy: 'day first',
      mdy: 'month first',
    },
  },
  rfmSummary: {
    caption: 'Segment summary',
    segment: 'Segment',
    customers: 'Customers',
    share: 'Share',
    recency: 'Mean recency (days)',
    frequency: 'Mean frequency (orders)',
    monetary: 'Mean monetary',
    revenue: 'Share of revenue',
  },
  grid: {
    scheme: 'Named segments',
    schemeGrid: 'Ten segments by recency and frequency scores',
    schemeMean: 'Eight segments by R, F and M above or below the mean',
    gridCaption: 'Customers by recency score (R) and frequency score (F)',
    meanCaption: 'Customers by R, F and M above or below the mean',
    corner: 'R \\ F',
    f: 'F {score}',
    r: 'R {score}',
    gridCell: 'R {r} F {f}',
    meanCell: 'R {r} F {f} M {m}',
    above: '↑',
    below: '↓',
    customersAndSegment: 'Customers and segment',
    segmentOf: 'Segment of {cell}',
    unnamed: '(segment {number})',
    gridHint:
      'R 5 bought most recently, F 5 ordered most often; scores keep equal values together.',
    meanHint:
      '↑: more recent than the mean purchase, more orders than the mean, more money than the mean.',
    edit: 'Edit segments',
    doneEditing: 'Done editing segments',
    names: 'Segment names',
    nameOf: 'Name of segment {number}',
    reset: 'Back to the default names',
  },
  customers: {
    show: 'Show',
    everyone: 'All {count, number} customers',
    segmentOption: '{name} ({count, number})',
    pageSize: 'Rows per page',
    caption: 'Customers',
    pages: 'Customer table pages',
    previous: 'Previous page',
    next: 'Next page',
    page: 'Page {page, number} of {pages, number} ({total, plural, one {# customer} other {# customers}})',
    column: {
      customer: 'Customer',
      recency: 'Recency (days)',
      frequency: 'Frequency (orders)',
      monetary: 'Monetary',
      r: 'R',
      f: 'F',
      m: 'M',
      code: 'RFM code',
      segment: 'Segment',
    },
  },
  rfmExport: {
    table: 'Download the RFM table',
    tableHint: 'one row per customer, with the columns {columns}',
    bySegment: 'One file per RFM segment',
    segment: 'Download {name} ({count, plural, one {# customer} other {# customers}})',
    byCluster: 'One file per cluster',
    cluster:
      'Download cluster {id}: {label} ({count, plural, one {# customer} other {# customers}})',
  },
  crossTable: {
    caption: 'Clusters by RFM segment',
    cluster: 'Cluster',
    all: 'All',
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
} as const;
