/** What saving, reading and applying a model file says (part of `message`). */
export const messageModel = {
  // Reading a model file
  modelTooLarge:
    'This file is {size}, more than the {limit} a model file can be: choose the .json file SegmentLens saved.',
  modelNotJson:
    'This file is not a SegmentLens model (it is not JSON): choose the .json file that Save analysis (or --save-model) wrote.',
  modelOtherJson:
    'This file is JSON but not a SegmentLens model: choose the .json file that Save analysis (or --save-model) wrote.',
  modelNewer:
    'This model was saved by a newer SegmentLens ({app}, model format {version}): update SegmentLens to read it.',
  modelUnknownVersion:
    'This model file says it has format {version}, which SegmentLens never wrote: save the analysis again.',
  modelDamaged:
    'This model file was changed or damaged ({field} {problem}): save the analysis again and use the new file.',
  modelProblemMissing: 'is missing',
  modelProblemNotGroup: 'is not a group of fields',
  modelProblemNotText: 'is not a text',
  modelProblemTooLong: 'is longer than {max, number} characters',
  modelProblemEmpty: 'is empty',
  modelProblemNotNumber: 'is not a number',
  modelProblemNotWhole: 'is not a whole number',
  modelProblemBelow: 'is below {min, number}',
  modelProblemAbove: 'is above {max, number}',
  modelProblemRange: 'is outside {min, number} to {max, number}',
  modelProblemNotYesNo: 'is not true or false',
  modelProblemChoice: 'is "{value}", not one of {choices}',
  modelProblemNotList: 'is not a list',
  modelProblemTooMany: 'has more than {max, number} entries',
  modelProblemLength:
    'has {count, plural, one {# value} other {# values}} where {expected, number} are expected',
  modelProblemRepeated: 'repeats "{value}"',
  modelProblemLabel: 'is not a label SegmentLens writes',
  modelProblemOrder: 'is out of order',
  modelProblemCentre: 'is not a whole number of centres of {dims, number} values each',
  modelProblemSegments:
    'has {centres, plural, one {# centre} other {# centres}} for {segments, plural, one {# segment} other {# segments}}',
  modelProblemMoney: 'needs either an amount column or both a quantity and a price column',
  modelProblemRfmColumn: 'is not part of an RFM model',
  modelProblemRfm: 'disagrees with whether the model is an RFM model',
  modelProblemVersion: 'is not a version such as 1.0',
  // Saving
  modelNoFill:
    'The column "{column}" has no value to fill its missing cells with: choose another missing-value policy for it, then save again.',
  // Applying a model to a file
  modelMissingColumns:
    '{count, plural, one {The column {columns} is} other {The columns {columns} are}} missing from this file, so nothing was applied: choose a file with the same columns as {file}.',
  modelNoNumbers:
    'The column "{column}" holds no numbers in this file, but the model reads numbers from it: choose a file with the same columns as {file}.',
  applyReasonMalformed: 'could not be read',
  applyReasonInColumn: '{column}: {reason}',
  applyReasonMissing: 'missing value',
  applyReasonNegative: 'negative value in a log1p column',
  applyReasonOutlier: 'outlier',
  applyDrift:
    '{feature}: mean {now, number, precise} against {saved, number, precise} when saved, {shift, number, precise} standard deviations away',
  applyHierarchicalMeans:
    'A hierarchical model is applied by its segments’ means (the tree itself is not kept): each row goes to the segment whose mean is nearest, so rows near a boundary can land elsewhere than in the saved analysis, and sizes can differ even on the same file.',
  applyUnseen:
    '{column}: {count, plural, one {# row has a value} other {# rows have values}} never seen when the model was saved ({values})',
  applyExportAll: 'model applied, all segments',
  applyExportSegment: 'model applied, segment {id} {label}',
  applyExportSetAside: 'model applied, rows set aside',
  applyExportRfm: 'model applied, RFM customers',
  // The command line's refusals
  cliApplyFiles: 'Give a model file and a CSV file: segmentlens apply MODEL FILE [options].',
  cliSqlOneModel:
    'Give one model file: segmentlens sql MODEL --dialect duckdb|postgres [--table NAME] [--id COL].',
  cliSqlDialect: 'Say which database the query is for: --dialect duckdb or --dialect postgres.',
  cliSqlIdRfm:
    "--id applies to models of rows: an RFM model's query returns one row per customer, identified by the customer column.",
  sqlHeaderTitle: 'SegmentLens {version}: a saved model as one query, for {dialect}.',
  sqlHeaderSaved: 'Model format {format}, saved {saved} from {file}.',
  sqlHeaderClusters:
    '{rfm, select, yes {RFM customers} other {Rows}}: {algorithm, select, kmeans {k-means} dbscan {DBSCAN (eps {eps}, {metric})} other {hierarchical ({linkage}, {metric})}}, {segments, plural, one {# segment} other {# segments}} on {features, plural, one {# feature} other {# features}}{pca, select, yes { ({components, plural, one {# principal component} other {# principal components}})} other {}}.',
  sqlHeaderReads: 'Reads the table {table}, columns {columns}.',
  sqlHeaderRowsColumns:
    'Numeric columns must hold numbers (NULL or NaN is missing); one-hot columns text (NULL or blank is missing).',
  sqlHeaderRowsReturns:
    'Returns each row with segment, segment_label, distance to its centre, and set_aside (missing, negative, outlier: the saved cleaning leaves the row out; segment is then NULL).',
  sqlHeaderRfmDate:
    'The date column {column} must be a DATE or TIMESTAMP (without time zone): text dates are not parsed here.',
  sqlHeaderRfmNumbers:
    'Quantity, price and amount must be numbers; ids are compared as text with a trailing ".0" dropped.',
  sqlHeaderRfmReturns:
    'Returns one row per customer: recency, frequency, monetary, R, F, M, the named segment and the cluster.',
  sqlHeaderDbscan:
    'Holds the {count, plural, one {# core row} other {# core rows}} of DBSCAN (scaled features, no ids), as the model file does.',
  exportModel: 'model',
} as const;
