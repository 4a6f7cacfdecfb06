/** The command line's lines for what cleaning changed, column by column (part of `cli`). */
export const cliCleaning = {
  cleaningTitle: 'Cleaning:',
  cleaningClipped:
    '  {column}: {count, plural, one {# value} other {# values}} clipped to {low, number, precise} – {high, number, precise} ({below, number} below, {above, number} above)',
  cleaningMissingCode:
    '  {column}: {count, plural, one {# value} other {# values}} of {value, number, precise} treated as missing',
  cleaningImputed:
    '  {column}: {count, plural, one {# missing value} other {# missing values}} filled with {value} ({strategy, select, mean {mean} median {median} mode {most frequent} constant {constant} other {{strategy}}})',
  cleaningNothing: '  no value was filled in or clipped',
} as const;
