/** The page's words for segment rates and distributions (spread into ui). */
export const uiProfiles = {
  rates: {
    heading: 'How each segment differs from everyone',
    intro:
      'The share of each value of the yes/no, category and 0/1 columns in a segment against all analysed customers, in percentage points and as a lift (how many times as common). A real difference is at least 5 points and beyond chance (a two-sided test at 5%); a 50/50 split like everyone’s is not one.',
    matches: '{segment} matches everyone: no value differs by 5 points or more beyond chance.',
    filterSegment: 'Segment',
    allSegments: 'All segments',
    segmentNumber: 'Segment {id}',
    filterColumn: 'Column',
    allColumns: 'All columns',
    findingsOnly: 'Only real differences',
    caption:
      'Rates by segment against everyone ({count, number} of {total, plural, one {# rate} other {# rates}} shown)',
    segment: 'Segment',
    value: 'Value',
    inSegment: 'In segment',
    overall: 'Everyone',
    points: 'Difference (points)',
    lift: 'Lift',
    columnValue: '{column} = {value}',
    flagValue: '{column} = 1',
    counted: '{count, number} of {rows, number} customers with a value',
    pointsValue: '{sign}{points}',
    noneShown:
      'No rate matches these choices: show every rate or choose another segment or column.',
  },
  distribution: {
    title: 'Spread of a column per segment',
    feature: 'Numeric column',
    show: 'Show spread',
    prompt:
      'Choose a numeric column and show its spread: a box per segment from the lower to the upper quartile, the median as a line, whiskers to the minimum and maximum.',
    working: 'Computing the spread…',
    summary:
      'The spread of {feature} in each segment, from all {rows} analysed rows{missing, plural, =0 {} one {, # without a value left out} other {, # without a value left out}}. Quartiles as pandas computes them (linear).',
    summarySampled:
      'The spread of {feature} in each segment, from a random sample of {sample} of the {rows} analysed rows{missing, plural, =0 {} one {, # without a value left out} other {, # without a value left out}}. Quartiles as pandas computes them (linear).',
    chartName:
      'Box plot, one box per segment ({count, plural, one {# segment} other {# segments}})',
    valuesCaption: 'Spread of {feature} per segment',
    count: 'Rows',
    min: 'Minimum',
    q1: 'Lower quartile',
    median: 'Median',
    q3: 'Upper quartile',
    max: 'Maximum',
    view: 'Chart',
    viewBox: 'Box plot',
    viewHistogram: 'Histogram',
    histogramName:
      'Histograms, one per segment ({count, plural, one {# segment} other {# segments}}), on {bins, number} bins of equal width, each scaled to its own tallest bin',
    histogramCaption: 'Rows of {feature} per bin and segment',
    bin: 'Bin',
    binRange: '{from} to {to}',
  },
} as const;
