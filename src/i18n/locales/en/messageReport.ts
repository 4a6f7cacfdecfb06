/** The HTML report a marketer mails (#18): its headings, tables and charts (part of `message`). */
export const messageReport = {
  // The document
  reportLanguage: 'en',
  reportTitle: 'Customer segments: {file}',
  reportTitleRfm: 'Customer segments from order lines: {file}',
  reportIntro:
    'Made with SegmentLens in the browser or on the command line: the data never left the computer it was analysed on. Every figure below comes from {file}.',
  reportContents: 'Contents',
  reportFileSuffix: 'report',
  reportMissingValue: '–',
  // Numbers, dates and shares in the reader's language
  reportCount: '{value, number}',
  reportNumber: '{value, number, ::.##}',
  reportPrecise: '{value, number, precise}',
  reportShare: '{value, number, share}',
  reportDate: '{value, date, day}',
  reportZ: '{value, number, ::.## sign-always} SD',
  // The file
  reportFileHeading: 'The file',
  reportFileField: 'What',
  reportFileValue: 'Value',
  reportFileNameLabel: 'File',
  reportFormat: 'Format',
  reportFormatValue:
    '{format, select, csv {CSV text} xlsx {Excel workbook (.xlsx)} xls {Excel workbook (.xls)} parquet {Parquet} other {{format}}}',
  reportSheet: 'Sheet read',
  reportEncoding: 'Encoding',
  reportEncodingValue: '{encoding}. {reason}',
  reportDelimiter: 'Delimiter',
  reportDelimiterValue:
    '{delimiter, select, comma {comma (,)} semicolon {semicolon (;)} tab {tab} pipe {pipe (|)} other {{delimiter}}}',
  reportDecimal: 'Decimal separator',
  reportDecimalValue: '{decimal, select, comma {comma (,)} other {point (.)}}',
  reportRowsRead: 'Rows read',
  reportRowsUnreadable: 'Rows that could not be read into the columns',
  reportRowsShort: 'Rows with too few fields',
  reportColumnsHeading: 'Columns',
  reportColumnsCaption:
    '{count, plural, one {# column} other {# columns}}, each with the kind SegmentLens read it as.',
  reportColumn: 'Column',
  reportKind: 'Kind',
  reportKindValue:
    '{kind, select, numeric {numeric} categorical {categorical} datetime {date} identifier {identifier} text {text} other {{kind}}}',
  reportMissingCells: 'Missing',
  reportDistinct: 'Distinct values',
  reportMin: 'Min',
  reportMean: 'Mean',
  reportMedian: 'Median',
  reportMax: 'Max',
  reportNote: 'Note',
  reportFileNotes: 'About the file',
  // Cleaning
  reportCleaningHeading: 'Cleaning',
  reportCleaningSummary:
    '{read, plural, one {# row was} other {# rows were}} read; {kept, plural, one {# was} other {# were}} analysed and {setAside, plural, one {# was} other {# were}} set aside.',
  reportReason: 'Reason',
  reportRows: 'Rows',
  reportDropReason:
    '{reason, select, malformed {could not be read} duplicate {repeats an earlier row} missing {missing values} outlier {outlier} other {{reason}}}',
  reportNothingSetAside: 'No row was set aside.',
  reportImputedHeading: 'Missing values filled in',
  reportStrategy: 'Filled with',
  reportStrategyValue:
    '{strategy, select, mean {the mean} median {the median} mode {the most frequent value} constant {a constant} drop {nothing (rows set aside)} other {{strategy}}}',
  reportFilledValue: 'Value',
  reportCells: 'Cells',
  reportClippedHeading: 'Outliers clipped to the usual range',
  reportLow: 'Lowest kept',
  reportHigh: 'Highest kept',
  reportExcludedHeading: 'Columns left out of the features',
  reportCleaningNotes: 'Notes',
  // The analysis
  reportAnalysisHeading: 'The analysis',
  reportFeaturesHeading: 'Features',
  reportFeature: 'Feature',
  reportFromColumn: 'From column',
  reportTransform: 'Transformation',
  reportTransformValue:
    '{transform, select, none {as it is} log1p {log(1 + x)} onehot {1 for “{category}”, else 0} other {{transform}}}',
  reportScaling:
    'Scaling: {method, select, zscore {z-scores (mean 0, standard deviation 1)} minmax {min–max to 0…1} robust {robust (median and interquartile range)} other {{method}}}.',
  reportAlgorithm:
    'Clustering: {algorithm, select, kmeans {k-means} dbscan {DBSCAN} hierarchical {hierarchical clustering} other {{algorithm}}} on {rows, plural, one {# row} other {# rows}}, {metric, select, euclidean {Euclidean} manhattan {Manhattan} chebyshev {Chebyshev} cosine {cosine} other {{metric}}} distance, seed {seed}.',
  reportPcaHeading: 'Principal components',
  reportPcaCaption:
    'The share of the features’ variance each principal component carries, and the running total.',
  reportComponent: 'Component',
  reportComponentName: 'PC{n}',
  reportVarianceShare: 'Share of variance',
  reportCumulativeShare: 'Cumulative',
  reportScreeDescription:
    'A bar per component, {count, plural, one {# component} other {# components}}: the first carries {first}, the first two together {two}.',
  reportElbowHeading: 'How many segments',
  reportElbowCaption:
    'Each number of segments k tried: the inertia (lower is tighter; look for the bend) and the silhouette (higher is better separated).',
  reportInertia: 'Inertia',
  reportSilhouette: 'Silhouette',
  reportDaviesBouldin: 'Davies–Bouldin',
  reportCalinskiHarabasz: 'Calinski–Harabasz',
  reportSegmentsK: 'k',
  reportInertiaDescription:
    'A line over k = {from} to {to}; inertia falls from {high} to {low}. The chosen k = {k} is marked.',
  reportSilhouetteDescription:
    'A line over k = {from} to {to}; the silhouette is highest at k = {best} ({value}). The chosen k = {k} is marked.',
  reportChosenK: 'Segments shown: {k}.',
  reportChosenKByUser: 'Segments shown: {k}, as chosen (the recommendation was {recommended}).',
  reportDensity:
    'DBSCAN found {clusters, plural, one {# segment} other {# segments}} and {noise, plural, one {# row} other {# rows}} of noise (radius {eps}, at least {minPts} rows).',
  // The segments
  reportSegmentsHeading: 'The segments',
  reportSegment: 'Segment',
  reportSegmentName: '{id}: {name}',
  reportNoise: 'Noise',
  reportSize: 'Rows',
  reportShareOfRows: 'Share',
  reportSizesTitle: 'Segment sizes',
  reportSizesDescription:
    'A bar per segment, {count, plural, one {# segment} other {# segments}}, from {largest} rows in the largest to {smallest} in the smallest.',
  reportScatterTitle: 'The segments on the first two principal components',
  reportScatterDescription:
    'A dot per row for {points, plural, one {# row} other {# rows}} drawn from every segment, coloured by segment, over {x} across and {y} up; each segment’s centre is a ringed dot.',
  reportScatterCaption:
    'The centre of each segment on the two components (a sample of {points, plural, one {# row} other {# rows}} is drawn).',
  reportMeansHeading: 'Means per segment',
  reportMeansCaption: 'The mean of each feature in each segment, in the file’s own units.',
  reportAllRows: 'All rows',
  reportProfileHeading: 'Segment {id}: {name}',
  reportProfileSize: '{size, plural, one {# row} other {# rows}} ({share} of the rows analysed).',
  reportVersusAll: 'Versus all rows',
  reportTopValues: 'Most frequent values',
  reportValue: 'Value',
  reportShareInSegment: 'In this segment',
  reportShareInAll: 'In all rows',
  // RFM
  reportRfmHeading: 'RFM: recency, frequency, monetary value',
  reportRfmCustomers: 'Customers',
  reportRfmPeriod: 'Orders from {first} to {last}; recency counted at {snapshot}.',
  reportRfmRevenue: 'Revenue',
  reportRfmLines:
    '{read, plural, one {# order line was} other {# order lines were}} read; {used, plural, one {# was} other {# were}} used and {setAside, plural, one {# was} other {# were}} set aside.',
  reportRfmSegmentsTitle: 'Customers per named segment',
  reportRfmSegmentsDescription:
    'A bar per named segment, {count, plural, one {# segment} other {# segments}} with customers; the largest is {largest}.',
  reportRfmSegmentsCaption:
    'The named segments: customers, their mean recency (days), frequency (orders) and monetary value, and their share of revenue.',
  reportRfmRecency: 'Mean recency (days)',
  reportRfmFrequency: 'Mean frequency (orders)',
  reportRfmMonetary: 'Mean monetary value',
  reportRfmRevenueShare: 'Share of revenue',
  reportRfmClustersNote: 'The segments below are clusters of the customers’ RFM figures.',
  activityReport: 'preparing the report',
  reportChartTable: 'The figures of the chart',
  // What later work added (#18): codes and clipping per column, rates, columns left out, warnings
  reportMissingCodesHeading: 'Codes treated as missing',
  reportCode: 'Code',
  reportClippedBelow: 'Raised to the lowest',
  reportClippedAbove: 'Lowered to the highest',
  reportSentinelsHeading: 'Codes for “no value” found, counted as values',
  reportShareOfValues: 'Share of values',
  reportOtherValues: 'Other values',
  reportRange: '{low} – {high}',
  reportRatesHeading: 'Against the whole base',
  reportDifference: 'Difference',
  reportPoints: '{value, number, ::.0 sign-always} points',
  reportLift: 'Times as common',
  reportLiftValue: '×{value, number, ::.00}',
  reportLeftOutHeading: 'Identifiers and targets not clustered on',
  reportWhy: 'Why',
  reportWarningsHeading: 'Warnings about these segments',
  reportNoiseNamed: 'Noise: {name}',
  reportRfmHeadingNoMoney: 'Recency and frequency',
  reportRfmSegmentsCaptionNoMoney:
    'The named segments: customers, their mean recency (days) and frequency (orders).',
  reportRfmClustersNoteNoMoney:
    'The segments below are clusters of the customers’ recency and frequency.',
};
