import type { CatalogShape } from '../../catalog';
import type { cliWorkbooks as english } from '../en/cliWorkbooks';

export const cliWorkbooks: CatalogShape<typeof english> = {
  sheetRead:
    '读取的是工作表“{sheet}”（共 {count} 个：{names}）；可用 --sheet 名称 选择其他工作表。',
};
