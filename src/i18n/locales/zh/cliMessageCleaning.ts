import type { CatalogShape } from '../../catalog';
import type { cliMessageCleaning as english } from '../en/cliMessageCleaning';

/** 命令行对清洗说明的措辞：指出把代码视为缺失值的参数。 */
export const cliMessageCleaning: CatalogShape<typeof english> = {
  sentinelFound:
    '{column}：{code} 占全部值的 {share, number, ::percent .0}，远离其他值（{low, number, precise} 至 {high, number, precise}）；它看起来是表示“无值”的代码，而不是测量值。如果是，请加上 --missing-code "{column}={code}"。',
  sentinelFoundNotClipped:
    '{column}：{code} 占全部值的 {share, number, ::percent .0}，远离其他值（{low, number, precise} 至 {high, number, precise}）；它看起来是表示“无值”的代码，而不是测量值，因此 {column} 的异常值保持不变。如果是，请加上 --missing-code "{column}={code}"。',
};
