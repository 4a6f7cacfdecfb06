import type { CliHelpKey } from '../en/cliHelp';

/** 命令行的帮助（纯文本，不是 ICU：{name} 由 src/cli/help.ts 填入帮助的其他部分或代码里的默认值）。 */
export const cliHelp: Record<CliHelpKey, string> = {
  options: '[选项]',
  overview: `segmentlens：在你自己的电脑上，从 CSV、Excel 或 Parquet 文件做客户分析。

命令：
{commands}

运行 "segmentlens 命令 --help" 查看某个命令的选项。

每个命令都接受 --lang en|zh，决定提示信息和文本报告的语言（默认取环境的区域设置：
LC_ALL、LC_MESSAGES 或 LANG；JSON 的键始终是英文）。`,
  summaryAnalyze: '客户细分（每行一个客户）',
  summaryRfm: '从订单明细得到 RFM 细分群（每行一条订单明细）',
  summaryRules: '哪些商品一起卖：从订单明细得到关联规则，可按细分群',
  summaryRecommend: '为每个客户推荐下一个商品，用留出的订单检验（订单明细）',
  summaryValue: '谁还是客户、价值多少：BG/NBD、Gamma-Gamma、客户终身价值',
  summaryExplain: '用你自己的单位、以规则解释每个细分群（决策树或 IMM）',
  summaryPredict: '预测是/否或分类列：决策树、随机森林、逻辑回归',
  summaryApply: '把保存的模型（--save-model）用到新文件：细分群、漂移、导出',
  summarySql: '把保存的模型写成一条 DuckDB 或 PostgreSQL 的 SQL 查询',

  read: `  --sheet NAME          要读取的 .xlsx 或 .xls 工作簿中的工作表（默认：第一个）
  --delimiter comma|semicolon|tab|pipe         （默认：自动检测）
  --decimal point|comma                        数字的小数分隔符（默认：自动检测）
  --encoding utf-8|utf-16le|utf-16be|gb18030|windows-1252   （默认：自动检测）`,
  report: `  --report FILE         把分析写成一个独立的 HTML 页面（文件、清洗、图表、细分群画像），
                        便于邮寄或打印`,
  exportDialect: `  --export-dialect standard|input
                        CSV 用逗号和小数点写出（默认），或用 FILE 自己的分隔符和小数
                        分隔符；两种都是带 BOM 的 UTF-8`,
  json: `  --json                把结果输出为一个 JSON 对象`,

  mapping: `  --customer COL        客户编号列                  （默认：按列名识别）
  --date COL            订单日期列
  --order COL           订单（发票）编号列；没有时，每个客户的每一天算一个订单
  --quantity COL        数量……
  --price COL           ……和单价，逐行相乘
  --amount COL          或者用一个金额列代替数量 × 单价；没有金额时（未识别到，或
                        --no-money），RFM 只有最近购买天数和购买频次
{item}
  --no-money            即使识别到金额列，也不计金额
{snapshot}
  --day-first           01/02/2011 这样的日期是 2 月 1 日
  --month-first         01/02/2011 这样的日期是 1 月 2 日
  --no-cancellations    保留订单号看起来是取消订单（C536379）的行；默认情况下，当文件中其他
                        订单号都是数字、去掉 C 的订单号也在文件中，或数量为负时，这样的行
                        不计入`,
  mappingItem: `  --item COL            每行的商品（购物篮、推荐）
  --description COL     商品的可读名称`,
  mappingSnapshot: `  --snapshot DATE       最近购买天数计算到的日期，ISO 格式（默认：最后一笔订单的次日）`,

  analyze: `segmentlens analyze FILE {options}

用 k-means、DBSCAN 或层次聚类对 FILE 中的客户（每行一个客户）做细分。

  --algorithm kmeans|dbscan|hierarchical       （默认 kmeans）
  --metric euclidean|manhattan|chebyshev|cosine
                        DBSCAN、层次聚类和轮廓系数使用的距离
                        （默认 euclidean；k-means 本身总是欧氏距离）
  --eps X               DBSCAN 的邻域半径（默认：k 距离图的拐点）
  --min-pts N           DBSCAN 核心行的最少点数，含其自身（默认 5）
  --linkage ward|complete|average|single       层次聚类的连接方式（默认 ward）
  --cut-height H        层次聚类：在高度 H 处切割聚类树，而不是切成 k 个
  --tree-rows N         层次聚类：最多用 N 行建树，超过时取带种子的样本
                        （100 到 10000，默认 5000；内存随 N 的平方增长：10000 行时
                        800 MB，单连接不需要）
  --compare             同时运行三种算法并输出比较

  --features a,b,c      用于聚类的数值列（默认：所有不是编号的数值列）
  --kind COL=KIND       把 COL 列按 numeric、categorical、datetime、identifier 或 text 读取，
                        而不是检测到的类型（可重复；即页面上的“类型”）
  --one-hot a,b         转成 0/1 特征（独热编码）的分类列
  --log1p a,b           用 log(1 + x) 替换的偏态非负列
  --k N                 细分群数（默认：推荐值）
  --k-max N             肘部曲线尝试 k = 1..N（默认 10）
  --n-init N            每个 k 的 k-means 重启次数（默认 10；超过 5,000 行时为 3，与页面相同）
  --seed N              随机种子（默认 0）；种子相同，结果相同
  --scale zscore|minmax|robust                 （默认 zscore）
  --missing drop|mean|median|mode|constant     （默认 drop）
  --missing-by COL=drop|mean|median|mode|constant
                        某一列缺失值的处理方式（可重复）
  --fill-value N        constant 用来填充数值列缺失值的数，与页面的“填补缺失值的常数”相同
                        （默认 0；独热编码列的缺失值归入类别“(missing)”）
  --missing-code COL=N  COL 列中的 N 表示“无值”（如 pdays=999）：这样的单元格算作缺失，
                        按该列的 --missing 规则处理（可重复；分析发现的这类代码会在
                        说明中列出）
  --duplicates drop|keep                       （默认 drop）
  --outliers none|clip|drop                    （默认 clip）
  --outlier-method zscore|iqr                  （默认 zscore，|z| > 3）
  --z N                 |z| 超过多少算异常值（默认 3）
  --pad-short-rows      保留字段数不足的行（缺少的单元格算作缺失）
  --silhouette-sample N 轮廓系数样本的行数（默认 2000；100,000 行起为 5000，与页面相同）
  --pca N|all|auto      用前 N 个主成分聚类，或用全部特征，或（auto，默认）特征不超过
                        50 个时用全部特征，超过时用累计解释 90% 方差的主成分
{read}
  --out DIR             写出 segments.csv（FILE 的每行一次，排除的行细分群为空并注明原因）、
                        每个细分群一个 CSV，以及 set-aside.csv（排除的行及其行号和单元格）
{exportDialect}
  --segment-name ID=NAME
                        给细分群 ID 起的名字（noise=NAME：DBSCAN 的噪声），写入每个导出
                        文件和模型文件；每个细分群重复一次
  --save-model FILE     把分析保存为模型文件（供 segmentlens apply、segmentlens sql 使用）
{report}
  --distribution COLUMN 另外输出一个数值列在每个细分群中的分布（最小值、四分位数、中位数、
                        最大值；pandas 的线性分位数；超过 200,000 行时取带种子的样本）
{json}`,

  rfm: `segmentlens rfm FILE {options}

从订单明细（每行一条订单明细）得到每个客户的最近购买天数、购买频次和消费金额，
命名的 RFM 细分群，以及基于 RFM 的 k-means 聚类。

{mapping}
  --segment-map rf-grid|rfm-mean   命名细分群：经典的 R×F 网格十类（默认），或按 R、F、M
                        高于或低于均值分成的八类（需要金额）
  --k N                 RFM 上的聚类数（默认：推荐值）
  --k-max N             肘部曲线尝试 k = 1..N（默认 10）
  --n-init N            每个 k 的 k-means 重启次数（默认 10；超过 5,000 个客户时为 3，与页面相同）
  --seed N              随机种子（默认 0）
{read}
  --out DIR             写出 rfm.csv（每行一个客户）和 set-aside.csv（未计入的订单明细）
{exportDialect}
  --save-model FILE     把 RFM 规则、细分群映射和聚类保存为模型文件
                        （供 segmentlens apply、segmentlens sql 使用）
{report}
{json}`,

  rules: `segmentlens rules FILE {options}

哪些商品一起卖：从订单明细（每行一条订单明细）用 FP-growth 得到关联规则，范围可以是全部
购物篮、某个命名 RFM 细分群的购物篮，或某个聚类的购物篮。

{mapping}
  --min-support S       项集至少要出现在多大比例的购物篮中，大于 0 且不超过 1
                        （默认：0.01 与 10 个购物篮中较大的一个）
  --min-confidence C    规则的最小置信度，0 到 1（默认 {minConfidence}）
  --max-len L           项集最多包含的商品数，1 到 {maxItemsetLength}（默认 {maxLen}）
  --scope all|rfm:NAME|cluster:N   谁的购物篮：全部（默认）、命名 RFM 细分群 NAME 的（用所选
                        语言或英文的名称，不区分大小写），或聚类 N 的（从 0 编号，与
                        segmentlens rfm 的编号相同）
  --segment-map rf-grid|rfm-mean   rfm:NAME 所指的命名细分群（默认 rf-grid）
  --k N                 cluster:N 的聚类数（默认：推荐值）
{read}
  --out DIR             写出 rules.csv（所有规则）和 itemsets.csv（所有频繁项集）
{json}`,
  rulesItem: `  --item COL            商品（商品编码）列（默认：自动识别，例如 StockCode）
  --description COL     显示在商品旁边的描述（默认：自动识别）`,

  recommend: `segmentlens recommend FILE {options}

从订单明细（每行一条订单明细）为每个客户推荐下一个商品：畅销榜、基于商品和基于用户的
协同过滤，每种方法都用客户留出的最后订单检验，给出总体结果和各命名 RFM 细分群的结果。

{mapping}
  --method item|user|popularity|all
                        要检验的方法；recommendations.csv 写出所选的那一种，
                        选 all（默认）时写出 NDCG 最好的那一种
  --neighbours K        每个商品和每个客户的近邻数（两者相同）
  --item-neighbours K   每个商品的近邻数（默认 20）
  --user-neighbours K   每个客户的近邻数（默认 50）
  --similarity cosine|pearson   客户之间的相似度（默认 cosine；商品之间：cosine）
  --top N               每个客户的推荐数，也是各指标 @N 的 N（默认 10）
  --segment-map rf-grid|rfm-mean   结果按哪种命名细分群拆分：R×F 网格十类（默认），
                        或按 R、F、M 高于或低于均值分成的八类
{read}
  --out DIR             写出 recommendations.csv：基于全部历史的每个客户前 N 个推荐
{json}`,
  recommendItem: `  --item COL            每行的商品编码（默认：按列名识别）
  --description COL     商品的可读名称，显示在编码旁边`,

  value: `segmentlens value FILE {options}

从订单明细（每行一条订单明细）看谁还是客户、价值多少：BG/NBD 模型估计购买和流失，
Gamma-Gamma 模型估计消费金额，给出每个客户、每个命名 RFM 细分群和每个聚类的存活概率、
预期购买次数和客户终身价值（CLV）。

{mapping}
  --unit days|weeks     每天（默认）或每周最多算一次购买
  --horizon-days N      未来 N 天的预期购买次数（默认 90）
  --horizon-months N    未来 N 个整月的客户终身价值（默认 12）
  --discount X          客户终身价值的每月折现率（默认 0.01，即每月 1%）
  --holdout-from DATE   检验模型：用 DATE（ISO 格式）之前的订单拟合，再把预测与客户此后的
                        实际购买比较；"default" 表示留出整个时期的最后四分之一
  --segment-map rf-grid|rfm-mean   命名 RFM 细分群（默认 rf-grid）
  --k N                 另外按 RFM 上 k-means 的 N 个聚类给出价值
                        （与 segmentlens rfm --k N 相同；可加 --n-init N 和 --seed N）
{read}
  --out DIR             写出 value.csv（每行一个客户）和 at-risk.csv
{json}`,
  valueSnapshot: `  --snapshot DATE       最近购买天数计算到的日期，ISO 格式（默认：最后一笔订单的次日）
                        （观察期也在这一天结束）`,

  explain: `segmentlens explain FILE {options}

用人能核对的规则解释 FILE 的细分群（每行一个客户，按 analyze 的方式细分）：一棵决策树，
用各特征自己的单位判断每行属于哪个细分群，并给出它在留出行上的忠实度和不足之处；或者一棵
每个细分群恰好一个叶节点的阈值树（IMM），以及它的 k-means 代价与聚类本身代价的比较。

  --method tree|imm     决策树（默认），或 IMM 阈值树
  --depth D             决策树的深度，1 到 6（默认 {explainDepth}）
  以及 segmentlens analyze 中决定细分群的所有选项（--features、--one-hot、清洗选项、
  --k、--algorithm 等），但不包括那些写出或显示更多内容的选项（--compare、
  --distribution、--report、--save-model）：解释的就是 analyze 得到的细分群。
  --out DIR             写出 explained.csv：每个参与分析的行及其细分群、划分（train/test）
                        和 tree_segment（树给它的细分群）
{json}`,

  predict: `segmentlens predict FILE --target COL {options}

用其他列预测 FILE（每行一个客户）中有两个或更多类别的一列（是/否、0/1、某个分类：谁会
响应、谁会流失）：逻辑回归、决策树和随机森林，在同一个带种子的分层划分上训练，各自在留出
行上评估（准确率、精确率、召回率、F1、ROC AUC、混淆矩阵、特征重要性）。

  --target COL          要预测的列（2 到 20 个类别；该列没有值的行不参与训练和测试，
                        但会得到预测）
  --features a,b,c      用来预测的列：数值列，以及分类列（独热编码）
                        （默认：除目标列外的所有数值列）
  --model logistic|tree|forest|all             （默认 all）
  --test-share X        每个类别留出用于测试的比例（默认 0.25）
  --seed N              划分和随机森林的随机种子（默认 0）
  --depth D             决策树的深度，1 到 30（默认 5）
  --trees N             随机森林的树数，1 到 10000（默认 100）
  --missing drop|mean|median|mode|constant     （默认 drop）
  --fill-value N        constant 用来填充缺失值的数（默认 0）
  --duplicates drop|keep                       （默认 drop）
  --outliers none|clip|drop                    （默认 clip）
  --outlier-method zscore|iqr                  （默认 zscore，|z| > 3）
  --z N                 |z| 超过多少算异常值（默认 3）
  --log1p a,b           用 log(1 + x) 替换的偏态非负列
  --pad-short-rows      保留字段数不足的行（缺少的单元格算作缺失）
{read}
  --out DIR             写出 predictions.csv：每行及其划分（train/test）、每个模型的预测
                        和概率
{json}`,

  apply: `segmentlens apply MODEL FILE {options}

把 FILE 的行（RFM 模型则是客户）放进保存的模型（analyze 或 rfm --save-model MODEL）的
细分群：使用保存的清洗、缩放和中心，不重新拟合。输出各细分群的大小与保存时的对比，以及
任何漂移（均值移动超过半个标准差的特征、从未见过的类别）。

{read}
  --out DIR             写出 segments.csv、每个细分群一个 CSV 和 set-aside.csv（RFM 模型：
                        rfm.csv 和 set-aside.csv），与 analyze 和 rfm 的 --out 相同
{json}`,

  sql: `segmentlens sql MODEL --dialect duckdb|postgres {options}

写出一条在 DuckDB 或 PostgreSQL 中应用保存的模型（analyze 或 rfm --save-model MODEL）的
SELECT：对表的每一行使用保存的清洗、缩放和中心（RFM 模型：从订单明细表得到每个客户一行），
输出 segment、segment_label 和 distance。

  --dialect duckdb|postgres   查询所针对的数据库（测试在这两种上运行它）
  --table NAME          要评分的表（带模式的名称写作 schema.table；默认：保存时文件名去掉
                        扩展名）
  --id COL              标识每一行的列，放在结果的第一列（按行的模型）
  --out FILE            把查询写入 FILE，而不是输出到屏幕`,
};
