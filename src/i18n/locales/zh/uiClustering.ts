import type { CatalogShape } from '../../catalog';
import type { uiClustering as english } from '../en/uiClustering';

/** 页面上聚类面板的文字：设置与摘要、图表（肘部图、k 距离图、树状图、碎石图、散点图）、细分群概况与下载、算法比较（展开到 ui）。 */
export const uiClustering: CatalogShape<typeof english> = {
  clustering: {
    algorithm: '聚类算法',
    silhouetteDistance: '轮廓系数的距离',
    distance: '距离',
    showSettings: '更改设置',
    hideSettings: '隐藏设置',
    kMax: '尝试的最大细分群数',
    nInit: '每个 k 的初始化次数',
    silhouetteSample: '轮廓系数样本（行数）',
    treeMaxRows: '聚类树行数（上限）',
    seed: '随机种子',
    algorithmName: {
      kmeans: 'k-means',
      dbscan: 'DBSCAN',
      hierarchical: '层次聚类',
    },
    metricOption: {
      euclidean: '欧氏距离',
      manhattan: '曼哈顿距离',
      chebyshev: '切比雪夫距离',
      cosine: '余弦距离',
    },
    metricName: {
      euclidean: '欧氏距离',
      manhattan: '曼哈顿距离',
      chebyshev: '切比雪夫距离',
      cosine: '余弦距离',
    },
    linkageName: {
      ward: 'Ward 连接',
      complete: '全连接',
      average: '平均连接',
      single: '单连接',
    },
  },
  summary: {
    warnings: '关于这些细分群的警告',
    kmeans:
      'k-means，k 从 1 到 {kMax}，每个 k 取 {nInit, number} 次初始化中的最优结果，轮廓系数最多基于 {sample, number} 行，随机种子 {seed}。',
    kmeansDistance:
      'k-means，k 从 1 到 {kMax}，每个 k 取 {nInit, number} 次初始化中的最优结果，轮廓系数最多基于 {sample, number} 行并使用{distance}，随机种子 {seed}。',
    dbscan:
      'DBSCAN，使用建议的 eps，最小点数 {minPts, number}，{distance}，轮廓系数最多基于 {sample, number} 行。',
    dbscanSuggested:
      'DBSCAN，使用建议的 eps（{eps}），最小点数 {minPts, number}，{distance}，轮廓系数最多基于 {sample, number} 行。',
    dbscanEps:
      'DBSCAN，eps 为 {eps}，最小点数 {minPts, number}，{distance}，轮廓系数最多基于 {sample, number} 行。',
    dbscanLimit: 'DBSCAN 在合理时间内最多处理 {most, number} 行。',
    dbscanSampled:
      'DBSCAN 在合理时间内最多处理 {most, number} 行；这个文件的行数更多，因此在按固定种子抽取的样本上运行，其余各行归入 eps 范围内某个核心行所在的细分群（或为噪声）。',
    hierarchical: '层次聚类，{linkage}，{distance}，{cut}，轮廓系数最多基于 {sample, number} 行。',
    hierarchicalWard:
      '层次聚类，Ward 连接，欧氏距离（Ward 只用欧氏距离构建聚类树；{distance}用于计算轮廓系数），{cut}，轮廓系数最多基于 {sample, number} 行。',
    cutIntoK: '切割为 k = 1 到 {kMax} 个细分群',
    cutAtHeight: '在高度 {height} 处切割聚类树',
    hierarchyLimit:
      '聚类树需要所有两两距离（这个文件最多需要 {megabytes, number} MB 内存），因此最多基于 {most, number} 行构建；设置中可选 {fewest, number} 到 {ceiling, number} 行。',
    hierarchySampled:
      '聚类树需要所有两两距离，因此最多基于 {most, number} 行构建（需要 {megabytes, number} MB 内存）：这个文件按固定种子抽样，其余各行归入中心最近的细分群。设置中可选 {fewest, number} 到 {ceiling, number} 行；所需内存随行数的平方增长。',
    hierarchyLimitSingle:
      '单连接要计算所有两两距离（但不保存），因此聚类树最多基于 {most, number} 行构建；设置中可选 {fewest, number} 到 {ceiling, number} 行。',
    hierarchySampledSingle:
      '单连接要计算所有两两距离，因此聚类树最多基于 {most, number} 行构建：这个文件按固定种子抽样，其余各行归入中心最近的细分群。设置中可选 {fewest, number} 到 {ceiling, number} 行。',
  },
  count: {
    label: '细分群数量',
    found: '{k}（DBSCAN 找到）',
    recommended: '{k}（推荐）',
    plain: '{k}',
  },
  dbscan: {
    suggested: '使用建议的 eps',
    eps: '邻域半径（eps）',
    minPts: '最小点数',
  },
  hierarchy: {
    linkage: '连接方法',
    byHeight: '在某个高度切割聚类树',
    cutHeight: '切割高度',
    linkageOption: {
      ward: 'Ward（用欧氏距离构建聚类树）',
      complete: '全连接',
      average: '平均连接',
      single: '单连接',
    },
  },
  chart: {
    series: '图例',
    values: '数值',
  },
  elbow: {
    title: '肘部曲线',
    computing: '正在计算：{total} 个 k 值中已完成 {done} 个。',
    qualityIndex: '质量指标',
    axisK: '细分群数量（k）',
    inertia: '惯性',
    recommended: '推荐',
    shown: '当前',
    lines: '图例',
    inertiaLine: '惯性（左轴）',
    indexLine: '{index}（右轴）',
    recommendedLine: '推荐的 k',
    valuesCaption: '肘部曲线数值',
    falls: '惯性从 k = {firstK} 时的 {first} 降到 k = {lastK} 时的 {last}。',
    best: '{index}在 k = {k} 时最好（{value}）。',
    recommendation: '推荐：k = {k}。',
    sampled: '轮廓系数基于 {rows, number} 行中的 {sample, number} 行样本计算。',
    index: {
      silhouette: '轮廓系数',
      daviesBouldin: 'Davies-Bouldin 指数',
      calinskiHarabasz: 'Calinski-Harabasz 指数',
    },
    indexChoice: {
      silhouette: '轮廓系数（越高越好）',
      daviesBouldin: 'Davies-Bouldin 指数（越低越好）',
      calinskiHarabasz: 'Calinski-Harabasz 指数（越高越好）',
    },
  },
  kDistance: {
    title: 'k-距离图',
    sorted:
      '{rows, number} 个抽样行各自到第 {minPts, number} 近的行（包括自身）的距离，按升序排列。',
    knee: '拐点建议 eps 为 {suggested}；在 eps 为 {eps} 时，其中 {share} 是核心行。',
    found: 'DBSCAN 找到 {clusters, number} 个细分群和 {noise, number} 个噪声行。',
    axis: '行（已排序）',
    distanceLine: '第 {minPts, number} 近邻的距离',
    suggestedLine: '建议的 eps（{eps}）',
    inUseLine: '当前的 eps（{eps}）',
  },
  dendrogram: {
    title: '树状图',
    merges:
      '{linkage}聚类树（{distance}）基于 {rows, number} 行，这里是最后 {merges, number} 次合并；每个叶子是一个聚类，标注了它的行数。',
    mergesSampled:
      '{linkage}聚类树（{distance}）基于 {rows, number} 行（按固定种子抽样），这里是最后 {merges, number} 次合并；每个叶子是一个聚类，标注了它的行数。',
    highest: '最高的合并在 {top}。',
    highestCut: '最高的合并在 {top}；{cut} 处的虚线把聚类树切割为当前的 {k} 个细分群。',
    image: '树状图：{leaves} 个聚类经 {merges, number} 次合并相连，最高合并在 {top}',
    mergeLine: '合并（高度 = 连接距离）',
    cutLine: '当前细分群的切割线',
    heights: '合并高度',
    heightsCaption: '得到各细分群数量的切割高度',
    segments: '细分群数',
    cutHeight: '切割高度',
  },
  scree: {
    title: '主成分（碎石图）',
    one: 'PC1 解释了 {share} 的方差。PC1 主要由 {features} 构成。',
    two: 'PC1 解释了 {share} 的方差；PC1 和 PC2 合计解释了 {both}。PC1 主要由 {features} 构成。',
    variance: '解释方差',
    cumulative: '累计',
    values: '数值与载荷',
    valuesCaption: '各主成分的解释方差与载荷',
    component: '主成分',
    varianceColumn: '方差',
  },
  scatter: {
    title: '细分群散点图',
    all: '横轴为 {x}，纵轴为 {y}，显示全部 {total, number} 个客户。十字标记各细分群的中心。细分群：{segments}。',
    sampled:
      '横轴为 {x}，纵轴为 {y}，显示 {total, number} 个客户中的 {shown, number} 个，按各细分群的大小成比例抽样。十字标记各细分群的中心。细分群：{segments}。',
    segment: '{id} {label}（{size, number}）',
    horizontal: '横轴',
    vertical: '纵轴',
    legend: '细分群',
    centre: '细分群中心',
  },
  segments: {
    named: '{id}：{label}',
    noise: '噪声',
  },
  profiles: {
    caption: '细分群画像',
    segment: '细分群',
    size: '客户数',
    share: '占比',
    mostCommon: '{column}（最常见）',
    median: '中位数 {value}',
    topCategory: '{value}（{share}）',
    everyone: '全部已分析客户',
    hint: '各细分群的平均值；底色和 σ 数值（以标准差计）把每个平均值与全部已分析客户相比（橙色表示更高，蓝色表示更低）。鼠标悬停在单元格上可查看中位数。',
  },
  export: {
    all: '下载全部细分群',
    noise: '下载噪声（细分群 -1，{count, number} 行）',
    segment: '下载细分群 {id}：{label}（{count, number} 行）',
  },
  compare: {
    run: '比较算法',
    hint: '用上面的设置，在这里分析的行上运行 k-means、层次聚类和 DBSCAN，并用相同的指标评分。',
    stale: '这次比较基于之前的设置：请重新比较以更新。',
    caption:
      '在 {rows, number} 行上的算法比较（轮廓系数基于其中 {sample, number} 行，{distance}；噪声不计入各指标）',
    algorithm: '算法',
    settings: '设置',
    segments: '细分群数',
    noise: '噪声',
    sizes: '各群大小',
    moreSizes: '{sizes}……（另有 {count, number} 个）',
    agreement: '算法之间的一致性（调整兰德指数：1 表示细分群完全相同，0 表示与随机无异）',
  },
};
