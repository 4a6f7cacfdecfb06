/** What cleaning says about codes for "no value" and clipping (part of `message`). */
export const messageCleaning = {
  detailMissingCode: '{column} is {value, number, precise}, a code for no value',
  missingCodeNotFeature:
    '{column} is not a numeric feature of this analysis, so its code {value, number, precise} was not used.',
  sentinelFound:
    '{column}: {code} fills {share, number, ::percent .0} of the values, far from the others ({low, number, precise} to {high, number, precise}); it looks like a code for “no value” rather than a measurement. Treat it as missing if it is one.',
  sentinelFoundNotClipped:
    '{column}: {code} fills {share, number, ::percent .0} of the values, far from the others ({low, number, precise} to {high, number, precise}); it looks like a code for “no value” rather than a measurement, so the outliers of {column} were left as they are. Treat it as missing if it is one.',
  outliersFlagsUntested:
    '{count, plural, one {{columns} takes} other {{columns} take}} only two values, so the rarer one was kept as it is: a yes/no column has no outliers.',
  featureOnlyMissingCodesReason: 'every value it has is a code for no value',
  cliMissingCode:
    '--missing-code takes a column and the number that stands for no value in it, such as --missing-code pdays=999, not "{value}".',
  cliMissingBy:
    '--missing-by takes a column and what to do with its missing values (drop, mean, median, mode or constant), such as --missing-by pdays=median, not "{value}".',
  cliKind:
    '--kind takes a column and the kind to read it as (numeric, categorical, datetime, identifier or text), such as --kind spend=numeric, not "{value}".',
} as const;
