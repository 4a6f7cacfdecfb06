import type { CatalogShape } from '../../catalog';
import type { messageExports as english } from '../en/messageExports';

export const messageExports: CatalogShape<typeof english> = {
  exportSetAsideReason:
    '{reason, select, malformed {无法读取的行} duplicate {重复行} missing {缺失值} outlier {异常值} other {已排除}}',
  exportSetAsideReasonDetail:
    '{reason, select, malformed {无法读取的行} duplicate {重复行} missing {缺失值} outlier {异常值} other {已排除}}：{detail}',
  cliBadSegmentName:
    '请按 ID=名称 的形式给出 --segment-name：细分群编号（或 noise）、等号和 1 到 200 个字符的名称，而不是“{entry}”。',
  cliNoSuchSegment: '没有细分群 {id}：细分群编号从 0 到 {last, number}。',
  cliNoNoise:
    '只有 DBSCAN 有噪声：请去掉 --segment-name noise=...，或使用 --algorithm dbscan 运行。',
};
