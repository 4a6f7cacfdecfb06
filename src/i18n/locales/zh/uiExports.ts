import type { CatalogShape } from '../../catalog';
import type { uiExports as english } from '../en/uiExports';

export const uiExports: CatalogShape<typeof english> = {
  exportFile: {
    namesHint: '每个细分群先带有根据其画像建议的名称。您起的名称会写入所有下载文件和保存的分析。',
    noiseField: '噪声（细分群 -1）的名称',
    reset: '重置',
    resetSegment: '重置细分群 {id} 的名称',
    resetNoise: '重置噪声的名称',
    dialect: 'CSV 格式',
    dialectStandard: '标准（逗号分隔，小数点）',
    dialectInput:
      '与输入文件相同（{delimiter, select, semicolon {分号分隔} tab {制表符分隔} pipe {竖线分隔} other {逗号分隔}}，{decimal, select, comma {小数逗号} other {小数点}}）',
    dialectHint: '两种格式都是带字节顺序标记的 UTF-8，Excel 能正确显示任何文字的名称。',
    allHint:
      '文件中的每一行各出现一次：参与分析的行带有 {segment} 和 {label}，被排除的行 {segment} 为空，原因写在 {reason} 中。',
  },
};
