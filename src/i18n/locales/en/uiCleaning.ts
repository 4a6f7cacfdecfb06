/** The page's words for codes for no value and what clipping changed (spread into ui). */
export const uiCleaning = {
  codes: {
    legend: 'Codes for “no value”',
    hint: 'A number filling a large share of a column far from its other values is usually a code (999 for “never contacted”). Its column is not clipped while it counts as a value; treated as missing, its cells follow the rule chosen beside it.',
    found:
      '{value} in {column} means no value ({share, number, ::percent .0} of its values; the others {low} – {high})',
    marked: '{value} in {column} means no value',
    rule: 'Cells of {column} with no value',
    ruleDefault: 'As for every column ({rule})',
  },
  clipping: {
    clipped:
      '{column}: {count, plural, one {# value} other {# values}} clipped to {low} – {high} ({below, number} below, {above, number} above)',
    coded:
      '{column}: {count, plural, one {# value} other {# values}} of {value} treated as missing',
  },
} as const;
