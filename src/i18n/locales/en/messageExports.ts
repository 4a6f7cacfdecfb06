/** What the exports write in the user's language (part of `message`; #18). */
export const messageExports = {
  exportSetAsideReason:
    '{reason, select, malformed {unreadable row} duplicate {duplicate row} missing {missing value} outlier {outlier} other {set aside}}',
  exportSetAsideReasonDetail:
    '{reason, select, malformed {unreadable row} duplicate {duplicate row} missing {missing value} outlier {outlier} other {set aside}}: {detail}',
  cliBadSegmentName:
    'Give --segment-name as ID=NAME: a segment number (or noise), = and a name of 1 to 200 characters, not "{entry}".',
  cliNoSuchSegment: 'There is no segment {id}: the segments are numbered 0 to {last, number}.',
  cliNoNoise:
    'Only DBSCAN has noise: drop --segment-name noise=..., or run with --algorithm dbscan.',
};
