import type { CatalogShape } from '../../catalog';
import type { messageColumns as english } from '../en/messageColumns';

/** 为什么一列是标识符，或为什么作为可能的目标列没有勾选（`message` 的一部分）。 */
export const messageColumns: CatalogShape<typeof english> = {
  kindIdentifierCodes:
    '每个值都是 {digits} 位整数，共 {count, number} 个不同的值（例如“{example}”）：这是编码，不是度量，因此是标识符，不作为特征。如果它确实度量某个量，请把类型改为数值。',
  kindIdentifierNameAndCodes:
    '列名看起来是标识符，内容是整数编码（例如“{example}”）：这是标识符，不作为特征。',
  kindTarget:
    '列名看起来是要预测的结果或模型的输出：默认不勾选为特征，以免细分群只是重复它；如需按它聚类，请勾选。',
  kindTargetAndNote:
    '列名看起来是要预测的结果或模型的输出：默认不勾选为特征；如需按它聚类，请勾选。另外：{note}',
  leftOutIdentifierKind: '已标为标识符：不作为特征使用。',
};
