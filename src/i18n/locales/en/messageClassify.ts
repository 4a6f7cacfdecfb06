/** What the classify analysis (explaining segments, predicting a column) says (part of `message`). */
export const messageClassify = {
  classifyNoModel: 'No model is chosen: choose at least one model to train.',
  classifyNoFeatures:
    'No feature is chosen: choose at least one column to predict from (the target cannot be one).',
  classifyTreeDepth:
    'The tree depth must be a whole number from 1 to 30 (not {value}): 5 is usual.',
  classifyTargetEmpty:
    'The target has no value on any usable row: choose a column with two or more values.',
  classifySingleClass:
    'The target has one value ("{value}") on every usable row, so there is nothing to predict: choose a column with two or more values.',
  classifyRareClass:
    'The target value "{value}" occurs on {rows, plural, one {# row} other {# rows}}: every value needs at least two (one to train on, one to test on), so merge rare values or choose another target.',
  classifyTrees:
    'The number of trees must be a whole number from 1 to 10,000 (not {value}): 100 is usual.',
  classifyTestShare:
    'The test share must be between 0 and 1 (not {value}): 0.25 keeps a quarter of the rows for testing.',
  classifyFewTrainingRows:
    '{train, plural, one {Only # row was} other {Only # rows were}} left to train on, with {test, plural, one {# row} other {# rows}} kept for testing: the models learn little from so few, so their figures are rough. Keep less for testing (0.25 is usual), or use more rows.',
  classifyC: 'C must be a positive number (not {value}): 1 is usual.',
  classifyClassNeedsRows:
    'Every class of the target needs training rows: choose a target with at least two classes of two or more rows each.',
  classifyUnknownModel: 'There is no model "{value}": choose among logistic, tree and forest.',
  classifySeed: 'The seed must be a whole number of 0 or more (not {value}).',
  classifyTargetIsFeature:
    '"{name}" is the column to predict, so it cannot also be a feature: leave it out of the features.',
  classifyFeatureKind:
    '"{name}" is {kind, select, identifier {an identifier} datetime {a date} other {a text}} column: predict from numeric and categorical columns only.',
  classifyTooManyClasses:
    '"{name}" has {classes, number} different values, and predicting needs a column of 2 to {most} classes (such as yes/no or a category): {numeric, select, yes {a number with many values calls for regression, which SegmentLens does not do} other {choose a column with fewer values}}.',
  classifyUnlabelled:
    '{rows, plural, one {# row has} other {# rows have}} no value of "{target}": the models were not trained or tested on {rows, plural, one {it} other {them}}, but predict {rows, plural, one {it} other {them}} too.',
  classifySegmentsOfRows:
    "Rates per segment need a segmentation of the file's rows, not of its RFM customers.",
  classifyRates: '{target} = {value}: {rates}',
  classifyRateIn: '{share, number, share} in {segment}',
  classifyCliTarget: 'Name the column to predict with --target COL.',
  explainDepth:
    'The depth of the explanation tree must be a whole number from 1 to 6 (not {value}): 3 reads well.',
  explainMinRowsPerLeaf:
    'The fewest rows per leaf must be a whole number of at least 1 (not {value}).',
  explainSampleRows: 'The sample must hold at least 2 rows (not {value}).',
  explainNoFeatures: 'There is no feature to explain the segments with: choose at least one.',
  explainOneSegment:
    'There is only one segment, so there is nothing to tell apart: choose two or more segments to explain.',
  explainImmOneSegment:
    'A threshold tree needs two or more segments to tell apart: choose at least two segments.',
  explainMethod:
    'The method must be "tree" (a decision tree) or "imm" (a threshold tree with one leaf per segment), not "{value}".',
  explainNoK:
    'The segmentation has no result with {k} segments: choose a number of segments it made ({choices}).',
  explainNoiseLeftOut:
    '{rows, plural, one {# row} other {# rows}} that DBSCAN found to be noise {rows, plural, one {belongs} other {belong}} to no segment and {rows, plural, one {is} other {are}} left out of the explanation.',
  // Exports
  exportExplained:
    'segments explained, {k} segments, {method, select, imm {threshold tree} other {decision tree}}',
  exportPredictions: 'predictions of {target}',
  // Model names
  modelLogistic: 'Logistic regression',
  modelTree: 'Decision tree',
  modelForest: 'Random forest',
  // Conditions of a rule, in the user's units (thresholds exact to the split)
  rfmFeatureRecency: 'recency',
  rfmFeatureFrequency: 'frequency',
  rfmFeatureMonetary: 'monetary',
  featureLog1p: 'log1p({feature})',
  explainAtMost: '{feature} <= {threshold, number, exact}',
  explainAbove: '{feature} > {threshold, number, exact}',
  explainBetween: '{low, number, exact} < {feature} <= {high, number, exact}',
  explainIs: '{column} is {category}',
  explainIsNot: '{column} is not {category}',
  explainNeither: '{column} is neither {first} nor {second}',
  explainNoneOf: '{column} is none of {categories}',
  explainListMore: '{first}, {rest}',
  explainAnd: '{first} and {rest}',
  explainEveryRow: 'Every row',
  // Rules and segments
  explainSegmentLabelled: 'Segment {id}: {label}',
  explainSegmentName: 'Segment {id}',
  explainRule:
    '{conditions} → {segment} ({matching, number} of {noun, select, rows {{rows, plural, one {# row} other {# rows}}} other {{rows, plural, one {# customer} other {# customers}}}})',
  explainImmRule:
    '{conditions} → {segment} ({noun, select, rows {{rows, plural, one {# row} other {# rows}}} other {{rows, plural, one {# customer} other {# customers}}}})',
  explainSampled:
    'The tree was fitted and tested on a seeded sample of {sample, number} of the {total, number} rows; its fidelity on all rows covers every row.',
  explainPoor:
    '{name} is not explained well (F1 {f1, number, ::.00} on the held-out rows): its {noun, select, rows {rows} other {customers}} are not set apart by a few thresholds on these features, so its rules describe only part of it.',
  explainNoRule:
    '{name} gets no rule of its own (F1 {f1, number, ::.00} on the held-out rows): in every leaf of the tree other segments outnumber it, so a few thresholds on these features cannot describe it; a deeper tree may.',
  explainSameCentre:
    '{segments} have the same centre, so the threshold tree gives them one leaf ({segment}).',
} as const;
