import type { CatalogShape } from '../../catalog';
import type { messageExports as english } from '../en/messageExports';

export const messageExports: CatalogShape<typeof english> = {
  exportSetAsideReason:
    '{reason, select, malformed {无法读取的行} duplicate {重复行} missing {缺失值} outlier {异常值} other {已剔除}}',
  exportSetAsideReasonDetail:
    '{reason, select, malformed {无法读取的行} duplicate {重复行} missing {缺失值} outlier {异常值} other {已剔除}}：{detail}',
};
