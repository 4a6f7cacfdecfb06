/** The command line's lines for segment rates and distributions (part of `cli`). */
export const cliProfiles = {
  rateLine:
    '      {description} ({points, number, ::sign-always .0} points, ×{lift, number, ::.00})',
  ratesVerdictLine: '      {verdict}',
  distributionAll:
    'Spread of {feature} per segment, from all {rows, number} analysed rows{missing, plural, =0 {} other {, # without a value left out}} (quartiles: linear, as pandas):',
  distributionSampled:
    'Spread of {feature} per segment, from a seeded sample of {sample, number} of the {rows, number} analysed rows{missing, plural, =0 {} other {, # without a value left out}} (quartiles: linear, as pandas):',
  columnRows: 'rows',
  columnMin: 'min',
  columnQ1: 'q1',
  columnMedian: 'median',
  columnQ3: 'q3',
  columnMax: 'max',
} as const;
