import type { CatalogShape } from '../../catalog';
import type { uiReport as english } from '../en/uiReport';

/** 页面上 HTML 报告（#18）的文字（展开到 ui 中）。 */
export const uiReport: CatalogShape<typeof english> = {
  htmlReport: {
    download: '下载报告（HTML）',
    hint: '一个可以邮寄或打印的页面：文件、清洗、图表和细分群画像，不含脚本，也不从网上获取任何内容。',
  },
};
