import type { CatalogShape } from '../../catalog';
import type { uiBaskets as english } from '../en/uiBaskets';

export const uiBaskets: CatalogShape<typeof english> = {
  baskets: {
    heading: '一起购买的商品',
    intro:
      '同一订单中一起购买的商品，以规则表示：包含左侧商品的购物篮也包含右侧商品。支持度是包含全部这些商品的购物篮占比，置信度是包含左侧商品的购物篮中也包含右侧商品的占比，提升度是实际出现频率相对于随机情况的倍数。',
    progress: '正在查找一起购买的商品',
    mapping: {
      item: '商品列',
      description: '商品描述列',
      none: '— 无 —',
    },
    needItem: '请在“订单明细”中选择商品列（每行的商品编码），以查看哪些商品一起购买。',
    form: {
      label: '要查找的规则',
      scope: '谁的购物篮',
      everyone: '全部客户（{count, plural, other {# 位客户}}）',
      segments: 'RFM 细分群',
      segment: '{name}（{count, plural, other {# 位客户}}）',
      clusters: '基于 RFM 的聚类',
      cluster: '聚类 {id}：{label}',
      minSupport: '最小支持度（购物篮占比）',
      minSupportHint: '留空：取 1% 与 10 个购物篮中较大者。',
      minConfidence: '最小置信度',
      maxLen: '每条规则最多商品数',
      find: '查找规则',
    },
    stale: '这些规则是在你上次更改之前得到的：请重新查找以应用更改。',
    scopeAll: '全部客户',
    summary: {
      baskets:
        '{customers, plural, other {# 位客户}}（{scope}）的 {baskets, plural, other {# 个购物篮}}，共 {items, plural, other {# 种商品}}。',
      rules:
        '在最小支持度 {support}（{minBaskets, plural, other {# 个购物篮}}）、最小置信度 {confidence}、每条规则最多 {maxLen, plural, other {# 种商品}}的条件下，从 {itemsets, plural, other {# 个频繁项集}}中得到 {rules, plural, other {# 条规则}}（其中 {redundant, plural, other {# 条}}冗余）。',
      withoutItem: '{count, plural, other {# 行订单明细没有商品，未计入}}。',
    },
    rule: '{antecedents} → {consequents}',
    table: {
      caption: '规则',
      antecedents: '购物篮包含',
      consequents: '也包含',
      support: '支持度',
      confidence: '置信度',
      lift: '提升度',
      conviction: '确信度',
      baskets: '购物篮数',
      wholeLift: '全部客户的提升度',
      liftRatio: '提升度之比',
      contains: '包含某商品的规则',
      containsHint: '商品编码，或其描述中的词',
      hideRedundant: '隐藏冗余规则',
      redundantHint:
        '若另一条规则左侧商品更少、右侧商品相同，且置信度不低于这条规则，则这条规则是冗余的。',
      pageSize: '每页规则数',
      pages: '规则分页',
      previous: '上一页',
      next: '下一页',
      page: '第 {page} / {pages} 页（{total, plural, other {# 条规则}}）',
      none: '没有符合条件的规则。',
      distinguishing:
        '全部客户的提升度：该规则在全部客户购物篮中的提升度；提升度之比：本范围的提升度与它之比（大于 1 表示该规则在这里比在整个文件中更强）。',
    },
    chart: {
      title: '规则的支持度与置信度',
      summary:
        '共 {total, number} 条规则，图中显示 {shown, plural, other {# 条}}：支持度从 {minSupport} 到 {maxSupport}，置信度从 {minConfidence} 到 {maxConfidence}，提升度从 {minLift} 到 {maxLift}。带编号的点是提升度最高的规则。',
      empty: '没有可绘制的规则。',
      support: '支持度',
      confidence: '置信度',
      lift: '提升度',
      below: '低于 {value}',
      between: '{from} 至 {to}',
      above: '{value} 及以上',
      top: '提升度最高',
      topItem: '{rank}. {rule}：提升度 {lift}，置信度 {confidence}',
    },
    items: {
      title: '最常购买的商品',
      caption: '最常购买的商品',
      item: '商品',
      baskets: '购物篮数',
      support: '支持度',
    },
    download: {
      rules: '下载这 {count, plural, other {# 条规则}}（CSV）',
      rulesHint: '按表格当前的排序和筛选，包含每条规则的全部指标',
      itemsets: '下载 {count, plural, other {# 个频繁项集}}（CSV）',
    },
    overview: {
      title: '各细分群对比',
      hint: '每个已命名 RFM 细分群最常购买的商品及提升度最高的规则，按各自购物篮的默认参数计算。',
      compare: '对比各细分群',
      baskets:
        '{customers, plural, other {# 位客户}}的 {baskets, plural, other {# 个购物篮}}；{rules, plural, other {# 条规则}}',
      topItems: '热门商品',
      topRules: '热门规则',
      item: '{item}：{share}',
      rule: '{rule}（提升度 {lift}）',
      noRules: '按默认参数没有规则。',
    },
  },
};
