/**
 * The page's words for the clustering panel: its settings and summary, the charts (elbow,
 * k-distance, dendrogram, scree, scatter), the segment profiles and downloads, and the comparison
 * of algorithms (spread into ui).
 */
export const uiClustering = {
  clustering: {
    algorithm: 'Clustering algorithm',
    silhouetteDistance: 'Silhouette distance',
    distance: 'Distance',
    showSettings: 'Change settings',
    hideSettings: 'Hide settings',
    kMax: 'Largest number of segments tried',
    nInit: 'Restarts per k',
    silhouetteSample: 'Silhouette sample (rows)',
    treeMaxRows: 'Rows in the tree (at most)',
    seed: 'Random seed',
    algorithmName: {
      kmeans: 'k-means',
      dbscan: 'DBSCAN',
      hierarchical: 'Hierarchical',
    },
    metricOption: {
      euclidean: 'Euclidean',
      manhattan: 'Manhattan',
      chebyshev: 'Chebyshev',
      cosine: 'cosine',
    },
    /** A distance in a sentence. */
    metricName: {
      euclidean: 'Euclidean distance',
      manhattan: 'Manhattan distance',
      chebyshev: 'Chebyshev distance',
      cosine: 'cosine distance',
    },
    /** A linkage in a sentence. */
    linkageName: {
      ward: 'Ward linkage',
      complete: 'complete linkage',
      average: 'average linkage',
      single: 'single linkage',
    },
  },
  summary: {
    warnings: 'Warnings about these segments',
    kmeans:
      'k-means for k = 1 to {kMax}, best of {nInit, plural, one {# start} other {# starts}} each, silhouette on up to {sample, number} rows, seed {seed}.',
    kmeansDistance:
      'k-means for k = 1 to {kMax}, best of {nInit, plural, one {# start} other {# starts}} each, silhouette on up to {sample, number} rows with {distance}, seed {seed}.',
    dbscan:
      'DBSCAN with the suggested eps, {minPts, plural, one {# minimum point} other {# minimum points}}, {distance}, silhouette on up to {sample, number} rows.',
    dbscanSuggested:
      'DBSCAN with the suggested eps ({eps}), {minPts, plural, one {# minimum point} other {# minimum points}}, {distance}, silhouette on up to {sample, number} rows.',
    dbscanEps:
      'DBSCAN with eps {eps}, {minPts, plural, one {# minimum point} other {# minimum points}}, {distance}, silhouette on up to {sample, number} rows.',
    dbscanLimit: 'DBSCAN takes up to {most, number} rows in reasonable time.',
    dbscanSampled:
      'DBSCAN takes up to {most, number} rows in reasonable time; this file has more, so it runs on a seeded sample and the other rows join the segment of a core row within eps (or noise).',
    hierarchical:
      'Hierarchical clustering, {linkage}, {distance}, {cut}, silhouette on up to {sample, number} rows.',
    hierarchicalWard:
      'Hierarchical clustering, Ward linkage, Euclidean distance (Ward builds its tree with Euclidean distances only; {distance} measures the silhouette), {cut}, silhouette on up to {sample, number} rows.',
    cutIntoK: 'cut into k = 1 to {kMax} segments',
    cutAtHeight: 'tree cut at height {height}',
    hierarchyLimit:
      'The tree needs every pairwise distance (up to {megabytes, number} MB of memory for this file), so it is built on at most {most, number} rows; the settings allow {fewest, number} to {ceiling, number}.',
    hierarchySampled:
      'The tree needs every pairwise distance, so it is built on at most {most, number} rows ({megabytes, number} MB of memory): a seeded sample of this file, the other rows joining the segment with the nearest centre. The settings allow {fewest, number} to {ceiling, number} rows; the memory grows with the square of the rows.',
    hierarchyLimitSingle:
      'Single linkage measures every pairwise distance (without keeping them), so the tree is built on at most {most, number} rows; the settings allow {fewest, number} to {ceiling, number}.',
    hierarchySampledSingle:
      'Single linkage measures every pairwise distance, so the tree is built on at most {most, number} rows: a seeded sample of this file, the other rows joining the segment with the nearest centre. The settings allow {fewest, number} to {ceiling, number} rows.',
  },
  count: {
    label: 'Number of segments',
    found: '{k} (found by DBSCAN)',
    recommended: '{k} (recommended)',
    plain: '{k}',
  },
  dbscan: {
    suggested: 'Use the suggested eps',
    eps: 'Neighbourhood radius (eps)',
    minPts: 'Minimum points',
  },
  hierarchy: {
    linkage: 'Linkage',
    byHeight: 'Cut the tree at a height',
    cutHeight: 'Cut height',
    linkageOption: {
      ward: 'Ward (builds its tree with Euclidean distances)',
      complete: 'Complete',
      average: 'Average',
      single: 'Single',
    },
  },
  chart: {
    series: 'Series',
    values: 'Values',
  },
  elbow: {
    title: 'Elbow curve',
    computing: 'Computing: {done} of {total} values of k done so far.',
    qualityIndex: 'Quality index',
    axisK: 'number of segments (k)',
    inertia: 'Inertia',
    recommended: 'recommended',
    shown: 'shown',
    lines: 'Lines',
    inertiaLine: 'Inertia (left axis)',
    indexLine: '{index} (right axis)',
    recommendedLine: 'recommended k',
    valuesCaption: 'Elbow curve values',
    falls: 'Inertia falls from {first} at k = {firstK} to {last} at k = {lastK}.',
    best: '{index} is best at k = {k} ({value}).',
    recommendation: 'Recommended: k = {k}.',
    sampled: 'The silhouette is computed on a sample of {sample, number} of {rows, number} rows.',
    index: {
      silhouette: 'Silhouette',
      daviesBouldin: 'Davies-Bouldin',
      calinskiHarabasz: 'Calinski-Harabasz',
    },
    indexChoice: {
      silhouette: 'Silhouette (higher is better)',
      daviesBouldin: 'Davies-Bouldin (lower is better)',
      calinskiHarabasz: 'Calinski-Harabasz (higher is better)',
    },
  },
  kDistance: {
    title: 'k-distance plot',
    sorted:
      'The distance from each of {rows, number} sampled rows to its {minPts, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} nearest row (itself included), sorted.',
    knee: 'The knee suggests eps {suggested}; at eps {eps}, {share} of them are core rows.',
    found:
      'DBSCAN found {clusters, plural, one {# segment} other {# segments}} and {noise, plural, one {# noise row} other {# noise rows}}.',
    axis: 'rows, sorted',
    distanceLine:
      '{minPts, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}-nearest distance',
    suggestedLine: 'Suggested eps ({eps})',
    inUseLine: 'eps in use ({eps})',
  },
  dendrogram: {
    title: 'Dendrogram',
    merges:
      'The last {merges, plural, one {merge} other {# merges}} of the {linkage} tree ({distance}) over {rows, number} rows; each leaf is a cluster, labelled with its rows.',
    mergesSampled:
      'The last {merges, plural, one {merge} other {# merges}} of the {linkage} tree ({distance}) over {rows, number} rows (a seeded sample); each leaf is a cluster, labelled with its rows.',
    highest: 'The highest merge is at {top}.',
    highestCut:
      'The highest merge is at {top}; the dashed line at {cut} cuts the tree into the {k} segments on show.',
    image:
      'Dendrogram: {leaves} clusters joined by {merges, plural, one {# merge} other {# merges}}, highest at {top}',
    mergeLine: 'Merge (height = linkage distance)',
    cutLine: 'Cut for the segments on show',
    heights: 'Merge heights',
    heightsCaption: 'Height of the cut that gives each number of segments',
    segments: 'Segments',
    cutHeight: 'Cut height',
  },
  scree: {
    title: 'Principal components (scree)',
    one: 'PC1 explains {share} of the variance. PC1 is mostly {features}.',
    two: 'PC1 explains {share} of the variance; PC1 and PC2 together {both}. PC1 is mostly {features}.',
    variance: 'Variance explained',
    cumulative: 'Cumulative',
    values: 'Values and loadings',
    valuesCaption: 'Variance explained and loadings of each component',
    component: 'Component',
    varianceColumn: 'Variance',
  },
  scatter: {
    title: 'Segment scatter',
    all: '{x} across, {y} up, showing all {total, number} customers. Crosses mark the segment centres. Segments: {segments}.',
    sampled:
      '{x} across, {y} up, showing {shown, number} of {total, number} customers, a sample drawn from every segment in proportion to its size. Crosses mark the segment centres. Segments: {segments}.',
    segment: '{id} {label} ({size, number})',
    horizontal: 'Horizontal axis',
    vertical: 'Vertical axis',
    legend: 'Segments',
    centre: 'segment centre',
  },
  segments: {
    named: '{id}: {label}',
    noise: 'Noise',
  },
  profiles: {
    caption: 'Segment profiles',
    segment: 'Segment',
    size: 'Size',
    share: 'Share',
    mostCommon: '{column} (most common)',
    median: 'median {value}',
    topCategory: '{value} ({share})',
    everyone: 'All analysed customers',
    hint: 'Means per segment; the shade and the SD figure compare each mean with all analysed customers (orange above, blue below). Hover a cell for its median.',
  },
  export: {
    all: 'Download all segments',
    noise: 'Download noise (segment -1, {count, plural, one {# row} other {# rows}})',
    segment: 'Download segment {id}: {label} ({count, plural, one {# row} other {# rows}})',
  },
  compare: {
    run: 'Compare algorithms',
    hint: 'Runs k-means, hierarchical clustering and DBSCAN on the rows analysed here, with the settings above, and scores them alike.',
    stale: 'This comparison is of earlier settings: compare again to update it.',
    caption:
      'Algorithm comparison on {rows, number} rows (silhouette on {sample, number} of them, {distance}; noise left out of the indices)',
    algorithm: 'Algorithm',
    settings: 'Settings',
    segments: 'Segments',
    noise: 'Noise',
    sizes: 'Sizes',
    moreSizes: '{sizes}, … ({count, number} more)',
    agreement:
      'Agreement between algorithms (adjusted Rand index: 1 is the same segments, 0 is chance)',
  },
} as const;
