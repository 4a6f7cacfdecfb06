import type { CatalogShape } from '../../catalog';
import type { messageCleaning as english } from '../en/messageCleaning';

/** 清洗关于“无值”代码和截断的说明（属于 `message`）。 */
export const messageCleaning: CatalogShape<typeof english> = {
  detailMissingCode: '{column} 为 {value, number, precise}，是表示无值的代码',
  missingCodeNotFeature:
    '{column} 不是本次分析的数值特征，因此未使用它的代码 {value, number, precise}。',
  sentinelFound:
    '{column}：{code} 占全部值的 {share, number, ::percent .0}，远离其他值（{low, number, precise} 至 {high, number, precise}）；它看起来是表示“无值”的代码，而不是测量值。如果是，请将其视为缺失值。',
  sentinelFoundNotClipped:
    '{column}：{code} 占全部值的 {share, number, ::percent .0}，远离其他值（{low, number, precise} 至 {high, number, precise}）；它看起来是表示“无值”的代码，而不是测量值，因此 {column} 的异常值保持不变。如果是，请将其视为缺失值。',
  outliersFlagsUntested: '{columns} 只有两种取值，因此较少的那个取值保持不变：是/否列没有异常值。',
  featureOnlyMissingCodesReason: '它的每个值都是表示无值的代码',
  cliMissingCode:
    '--missing-code 需要一个列名和该列中表示无值的数字，例如 --missing-code pdays=999，而不是 "{value}"。',
  cliMissingBy:
    '--missing-by 需要一个列名和对其缺失值的处理方式（drop、mean、median、mode 或 constant），例如 --missing-by pdays=median，而不是 "{value}"。',
  cliKind:
    '--kind 需要一个列名和读取它的类型（numeric、categorical、datetime、identifier 或 text），例如 --kind spend=numeric，而不是 "{value}"。',
};
