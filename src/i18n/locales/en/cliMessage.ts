import { cliMessageCleaning } from './cliMessageCleaning';

/** The command line's wording of some messages: flags instead of the page's controls. */
export const cliMessage = {
  featureCategorical:
    '"{name}" is a categorical column, not a numeric one: choose numeric features, or one-hot encode it with --one-hot.',
  featureAlsoOneHot:
    '"{name}" is a categorical column, one-hot encoded already by --one-hot: leave it out of --features.',
  clusteredOnComponents:
    '{auto, select, yes {With {features, number} features, the} other {The}} clustering measured distances on the first {count, number} principal components ({share, number, ::percent .0} of the variance){auto, select, yes {: on so many features, distances are slow and mostly noise. Add --pca all to cluster on all of them.} other {.}}',
  warnKAtTopOfRange:
    'The recommended number of segments, {k}, is the largest one searched: more segments may fit better. Try a larger range with --k-max.',
  kindTarget:
    'Named like an outcome to predict or a model’s output: not used as a feature, so the segments do not just repeat it; name it in --features to cluster on it.',
  kindTargetAndNote:
    'Named like an outcome to predict or a model’s output: not used as a feature; name it in --features to cluster on it. Also: {note}',
  recommendNeedItem:
    'Recommendations need to know what was bought: name the item column with --item COL (the product code of each line).',
  basketsNeedItem:
    'Name the item column with --item COL (the product code of each line, such as StockCode or SKU) to see what sells together.',
  featureNoneChosen: 'No feature is chosen: name at least one numeric column with --features.',
  featureWrongKind:
    '"{name}" is {kind, select, identifier {an identifier} datetime {a date} text {a text} other {a {kind}}} column, not a numeric one: choose numeric features, or add --kind "{name}=numeric".',
  kindMostlyNumbers:
    '{numbers, plural, one {# cell is a number} other {# cells are numbers}}, but {texts, plural, one {# is} other {# are}} not (such as "{example}"), so the column is read as text: add --kind "{name}=numeric" to use it, and those cells count as missing.',
  rfmNoteCancellations:
    '{count, plural, one {# line was} other {# lines were}} taken as cancellations and left out: order ids such as {examples}, a C followed by the digits of an invoice. If these are ordinary orders, add --no-cancellations.',
  mappingNeedsCustomer: 'No customer column was recognised: name it with --customer COL.',
  mappingNeedsDate: 'No order date column was recognised: name it with --date COL.',
  mappingNeedsQuantity:
    'A unit price needs a quantity: name it with --quantity COL, or give --amount COL instead.',
  mappingNeedsPrice:
    'A quantity needs a unit price: name it with --price COL, or give --amount COL instead.',
  mappingTwice:
    '"{name}" is chosen for two roles: give each of --customer, --date, --order, --quantity, --price, --amount, --item, --description its own column.',
  linesAmbiguousDates:
    'The dates in "{column}" (such as {example}) could be day-first or month-first: add --day-first or --month-first.',
  rfmOneCustomer:
    'Only one customer has usable orders, and segments need at least two: check the column choices.',
  // Workbooks too large to read: a CSV of the sheet has no such limit here.
  workbookTooLarge:
    'This workbook is too large: {part, select, strings {its text cells} other {this sheet}} would take more than {size} once expanded; save the sheet as CSV and give the CSV instead.',
  sheetTooManyCells:
    'This sheet has {cells, number} cells, more than the {most, number} that can be read from a workbook: save it as CSV and give the CSV instead.',
  sheetSpansTooManyCells:
    'This sheet spans up to {cells, number} cells, more than the {most, number} that can be read from a workbook: save it as CSV and give the CSV instead.',
  ...cliMessageCleaning,
} as const;
