import { uiBaskets } from './uiBaskets';
import { uiRecommend } from './uiRecommend';
import { uiValue } from './uiValue';
import { uiProfiles } from './uiProfiles';
import { uiClassify } from './uiClassify';
import { uiModel } from './uiModel';
import { uiReport } from './uiReport';
import { uiExports } from './uiExports';
import { uiCleaning } from './uiCleaning';
import { uiClustering } from './uiClustering';
import { uiRfm } from './uiRfm';
import type { CatalogShape } from '../../catalog';
import type { ui as english } from '../en/ui';

/** 页面自己的话：标题、控件、无障碍名称、图表、提示。用户数据只作为值出现。 */
export const ui: CatalogShape<typeof english> = {
  common: {
    comma: '、',
    semicolon: '；',
    sentenceGap: '',
  },
  format: {
    bytes: '{count, number} 字节',
    size: '{value} {unit}',
    z: '{value}σ',
  },
  page: {
    title: 'SegmentLens — 在浏览器中根据 CSV 文件进行客户细分',
    tagline:
      '在浏览器中根据 CSV、Excel 或 Parquet 文件进行客户细分。您的文件不会离开这台设备：没有服务器。',
    privacyHeading: '隐私：',
    privacy:
      'SegmentLens 是一个静态网页。您的文件只由这个浏览器标签页读取和分析，从不上传；页面不会向任何其他网站发出请求。下载文件在内存中生成。',
  },
  section: {
    load: '加载文件',
    columns: '列',
    cleaning: '清洗与缩放',
    segments: '客户细分',
    compare: '比较算法',
    export: '导出',
    orderLines: '订单行',
    rfmSegments: 'RFM 细分',
    rfmClusters: '基于 RFM 的聚类',
    rfmClustersHint:
      '对最近购买天数、log(1 + 购买频次) 和 log(1 + 消费金额) 分别标准化后进行 k-means 聚类。',
  },
  alert: {
    dismiss: '关闭',
  },
  stale: {
    older: '这些结果是您上次更改之前的。',
    none: '还没有结果。',
    run: '运行分析',
  },
  progress: {
    label: '分析进度',
    stageShown: '{stage}……',
    valueText: '{stage}：{percent}%',
    cancel: '取消',
    stage: {
      read: '正在读取文件',
      infer: '正在识别列类型',
      clean: '正在清洗',
      scale: '正在缩放',
      pca: '正在计算主成分',
      silhouette: '正在准备轮廓系数样本',
      cluster: '正在聚类',
      profile: '正在描述细分群',
      rfm: '正在计算 RFM',
    },
  },
  update: {
    label: '新版本',
    ready: 'SegmentLens 的新版本已就绪。重新加载会清除当前的分析，请先完成或下载结果。',
    reload: '重新加载以更新',
  },
  drop: {
    title: '把 CSV、Excel 或 Parquet 文件拖到这里，或选择文件',
    choose: '选择 CSV、Excel 或 Parquet 文件',
    hint: '每行一个客户，含有消费金额或访问次数等数字；或者每行一条订单明细（客户、日期、金额），用于 RFM 分析。分隔符可以是逗号、分号、制表符或竖线。也可以读取 Excel 工作簿（.xlsx、.xls，每次一个工作表）和 Parquet 文件。',
    sampleCustomers: '试用示例客户数据',
    sampleTransactions: '试用示例交易数据',
  },
  file: {
    format: '格式',
    formatName: {
      csv: 'CSV',
      xlsx: 'Excel 工作簿（.xlsx）',
      xls: 'Excel 97-2003 工作簿（.xls）',
      parquet: 'Parquet',
    },
    sheet: '工作表',
    name: '文件',
    size: '大小',
    rows: '行数',
    columns: '列数',
    delimiter: '分隔符',
    encoding: '编码',
    decimal: '小数点',
    decimalPoint: '句点（12.5）',
    decimalComma: '逗号（12,5）',
    notes: '读取说明',
    malformed: '有 {count, number} 行无法按列读取，已排除：',
    issue: '第 {line} 行：{reason}',
    moreIssues: '……还有 {count, number} 行（见清洗报告）',
    delimiterName: {
      comma: '逗号',
      semicolon: '分号',
      tab: '制表符',
      pipe: '竖线',
    },
    encodingName: {
      utf8: 'UTF-8',
      utf16le: 'UTF-16 LE',
      utf16be: 'UTF-16 BE',
      gb18030: 'GB18030（简体中文）',
      windows1252: 'Windows-1252（西欧）',
    },
  },
  mode: {
    legend: '这个文件的一行是什么？',
    customers: '每行一个客户',
    customersHint: '按各列（消费、访问次数……）对客户聚类',
    transactions: '按交易分析（RFM）',
    transactionsHint: '每行一条订单明细：计算每个客户的最近购买天数、购买频次和消费金额',
  },
  numberField: {
    range:
      '{kind, select, wholeBoth {须为 {min, number} 到 {max, number} 之间的整数} wholeMin {须为不小于 {min, number} 的整数} wholeMax {须为不大于 {max, number} 的整数} wholeNone {须为整数} numberBoth {须为大于 {min, number}、不大于 {max, number} 的数} numberMin {须为大于 {min, number} 的数} numberMax {须为不大于 {max, number} 的数} other {须为数字}}',
    hint: '{range}。',
    notUsed: '{range}：未采用 {typed}，仍为 {value}。',
    kept: '{range}：仍为 {value}。',
  },
  columns: {
    caption: '列',
    column: '列名',
    kind: '类型',
    useAsFeature: '用作特征',
    missing: '缺失',
    unique: '不同值',
    min: '最小值',
    mean: '平均值',
    max: '最大值',
    topValues: '常见值 / 说明',
    kindOf: '{column} 的类型',
    use: '将 {column} 用作特征',
    oneHotTitle: '独热编码：每个类别一个 0/1 特征',
    unusableTitle: '把类型改为数值或分类后才能使用',
    noNumbers:
      '{column} 中没有数字，不能作为数值特征：请把类型改为分类并勾选（即独热编码），或不使用此列。',
    oneHot: '独热编码',
    unit: '（{unit}）',
    topValue: '{value}（{count, number}）',
    kindName: {
      numeric: '数值',
      categorical: '分类',
      datetime: '日期时间',
      identifier: '标识符',
      text: '文本',
    },
  },
  cleaning: {
    duplicates: '删除完全重复的行',
    missing: '缺失值',
    missingConstant: '填补缺失值的常数',
    outliers: '异常值',
    outlierAction: '异常值处理',
    zThreshold: '异常值的 z 分数界限',
    scaling: '缩放',
    padShortRows: '保留 {count, number} 个字段过少的行（其空单元格按缺失值处理）',
    log1p: '对偏态列取对数 log(1 + x)',
    missingChoice: {
      drop: '排除该行',
      mean: '用平均值填补',
      median: '用中位数填补',
      mode: '用最常见的值填补',
      constant: '用常数填补',
    },
    outlierChoice: {
      none: '保留',
      zscore: '超出 z 分数界限',
      iqr: '距四分位数超过 1.5 倍四分位距',
    },
    actionChoice: {
      clip: '截断到界限',
      drop: '排除该行',
    },
    scaleChoice: {
      zscore: '标准化（z 分数）',
      minmax: '最小-最大缩放到 0–1',
      robust: '稳健缩放（中位数和四分位距）',
    },
  },
  report: {
    title: '清洗报告',
    caption: '读取、分析和排除的行数',
    read: '读取的行',
    analysed: '分析的行',
    setAside: '排除的行',
    reason: {
      malformed: '无法读取（字段数量不对或引号不成对）',
      duplicate: '与前面某行完全重复',
      missing: '某个特征缺少值',
      outlier: '异常值',
    },
    imputed:
      '{column}：{count, number} 个缺失值已用{strategy, select, mean {平均值} median {中位数} mode {众数} constant {常数} other {{strategy}}} {value} 填补',
    clipped: '{column}：{count, number} 个异常值已截断到 {low} – {high}',
    download: '下载清洗报告',
    downloadHint: '排除的行，每行附有行号、原因和各单元格。',
  },
  ...uiBaskets,
  ...uiRecommend,
  ...uiValue,
  ...uiProfiles,
  ...uiClassify,
  ...uiModel,
  ...uiReport,
  ...uiExports,
  ...uiCleaning,
  ...uiClustering,
  ...uiRfm,
};
