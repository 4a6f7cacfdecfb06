/** Warnings about how well a clustering separates the rows (part of `message`). */
export const messageClusterQuality = {
  warnKAtTopOfRange:
    'The recommended number of segments, {k}, is the largest one searched: more segments may fit better. Try a larger range (the largest number of segments under the settings).',
  warnWeakStructure:
    'The segments overlap: the silhouette stays below {weak} at every number of segments (at best {best}), so the data have weak structure. Read the segments as rough groups, or choose other features.',
  warnDbscanManySegments:
    '{suggested, select, yes {The suggested eps, {eps}, is poor here: it gives} other {eps {eps} gives}} {clusters, number} segments, more than {most} anyone can act on. Try a larger eps or more minimum points.',
  warnDbscanOverlap:
    '{suggested, select, yes {The suggested eps, {eps}, is poor here: its} other {At eps {eps} the}} segments overlap more than they separate (silhouette {silhouette}). Try another eps, or k-means.',
  warnDbscanMostlyNoise:
    '{suggested, select, yes {The suggested eps, {eps}, is poor here:} other {At eps {eps},}} {share, number, ::percent .#} of the rows are noise. Try a larger eps or fewer minimum points (now {minPts}).',
} as const;
