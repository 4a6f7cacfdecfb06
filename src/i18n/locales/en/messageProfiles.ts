/** What segment profiles say about rates and distributions (part of `message`). */
export const messageProfiles = {
  rateValue:
    '{column} = {value}: {share, number, ::percent .#} vs {overall, number, ::percent .#} overall',
  rateFlag:
    '{column}: {share, number, ::percent .#} are 1 vs {overall, number, ::percent .#} overall',
  ratesMatchBase:
    'Matches the whole base: no yes/no, category or 0/1 column differs by {points, number} points or more beyond chance.',
  ratesDiffer:
    '{count, plural, one {# value differs} other {# values differ}} from the whole base by {points, number} points or more beyond chance.',
  labelRateMostly: '{column}: mostly {value}',
  labelRateShare: '{column} = {value}: {share, number, ::percent}',
  labelFlagShare: '{column}: {share, number, ::percent} are 1',
  activityDistribution: 'showing the spread of a column per segment',
  distributionNotNumeric:
    '"{name}" is not a numeric column of this analysis: choose one of {columns}.',
  distributionNoK:
    'There is no segmentation with {k, number} segments here: choose a number of segments the analysis computed.',
} as const;
