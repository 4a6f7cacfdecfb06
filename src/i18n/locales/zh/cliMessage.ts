import type { CatalogShape } from '../../catalog';
import type { cliMessage as english } from '../en/cliMessage';
import { cliMessageCleaning } from './cliMessageCleaning';

/** 命令行对部分消息的措辞：用参数代替页面控件。 */
export const cliMessage: CatalogShape<typeof english> = {
  featureCategorical:
    '“{name}”是分类列，不是数值列：请选择数值特征，或用 --one-hot 对它进行独热编码。',
  featureAlsoOneHot:
    '“{name}”是分类列，已经用 --one-hot 进行了独热编码：请把它从 --features 中去掉。',
  clusteredOnComponents:
    '{auto, select, yes {特征有 {features, number} 个，因此} other {}}聚类按前 {count, number} 个主成分计算距离（占方差的 {share, number, ::percent .0}）{auto, select, yes {：特征这么多时，按全部特征计算距离既慢又以噪声为主。如需按全部特征聚类，请加上 --pca all。} other {。}}',
  warnKAtTopOfRange:
    '推荐的细分群数量 {k} 是所搜索范围中最大的：更多的细分群可能更合适。请用 --k-max 扩大范围。',
  kindTarget:
    '列名看起来是要预测的结果或模型的输出：默认不作为特征，以免细分群只是重复它；如需按它聚类，请在 --features 中列出它。',
  kindTargetAndNote:
    '列名看起来是要预测的结果或模型的输出：默认不作为特征；如需按它聚类，请在 --features 中列出它。另外：{note}',
  recommendNeedItem: '推荐需要知道买了什么：请用 --item COL 指定商品列（每行的商品编码）。',
  basketsNeedItem:
    '请用 --item COL 指定商品列（每行的商品编码，例如 StockCode 或 SKU），才能看出哪些商品一起卖。',
  featureNoneChosen: '没有选择任何特征：请用 --features 至少指定一个数值列。',
  featureWrongKind:
    '“{name}”是{kind, select, identifier {标识符} datetime {日期} text {文本} other {{kind}}}列，不是数值列：请选择数值特征，或加上 --kind "{name}=numeric"。',
  kindMostlyNumbers:
    '{numbers, number} 个单元格是数字，但有 {texts, number} 个不是（例如“{example}”），因此这一列按文本读取：加上 --kind "{name}=numeric" 即可使用，那些单元格算作缺失。',
  rfmNoteCancellations:
    '有 {count, number} 行被视为取消订单而未计入：订单号如 {examples}，即 C 加发票号的数字。如果这些是普通订单，请加上 --no-cancellations。',
  mappingNeedsCustomer: '没有识别出客户列：请用 --customer COL 指定。',
  mappingNeedsDate: '没有识别出订单日期列：请用 --date COL 指定。',
  mappingNeedsQuantity: '有单价就需要数量：请用 --quantity COL 指定，或改用 --amount COL。',
  mappingNeedsPrice: '有数量就需要单价：请用 --price COL 指定，或改用 --amount COL。',
  mappingTwice:
    '“{name}”被选作两种用途：请为 --customer、--date、--order、--quantity、--price、--amount、--item、--description 各指定不同的列。',
  linesAmbiguousDates:
    '“{column}”中的日期（例如 {example}）可能是日在前，也可能是月在前：请加上 --day-first 或 --month-first。',
  rfmOneCustomer: '只有一个客户有可用的订单，而细分至少需要两个客户：请检查列的选择。',
  // 工作簿太大：工作表的 CSV 在命令行中没有这个限制。
  workbookTooLarge:
    '这个工作簿太大：{part, select, strings {其中的文本单元格} other {这个工作表}}展开后会超过 {size}；请把工作表另存为 CSV，改为读取这个 CSV。',
  sheetTooManyCells:
    '这个工作表有 {cells, number} 个单元格，超过了工作簿中能读取的 {most, number} 个：请把它另存为 CSV，改为读取这个 CSV。',
  sheetSpansTooManyCells:
    '这个工作表的范围最多可达 {cells, number} 个单元格，超过了工作簿中能读取的 {most, number} 个：请把它另存为 CSV，改为读取这个 CSV。',
  ...cliMessageCleaning,
};
