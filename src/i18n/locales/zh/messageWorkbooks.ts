import type { CatalogShape } from '../../catalog';
import type { messageWorkbooks as english } from '../en/messageWorkbooks';

export const messageWorkbooks: CatalogShape<typeof english> = {
  // 文件是什么（拒绝时的 {what}）
  fileOds: 'OpenDocument 电子表格（.ods）',
  fileOdt: 'OpenDocument 文本文档（.odt）',
  fileOdp: 'OpenDocument 演示文稿（.odp）',
  fileOpenDocument: 'OpenDocument 文档',
  fileXlsb: 'Excel 二进制工作簿（.xlsb）',
  fileDocx: 'Word 文档（.docx）',
  filePptx: 'PowerPoint 演示文稿（.pptx）',
  fileDoc: 'Word 文档（.doc）',
  filePpt: 'PowerPoint 演示文稿（.ppt）',
  fileZip: 'zip 压缩包',
  fileDamagedZip: 'zip 压缩包（已损坏）',
  fileLockedWorkbook: 'Excel 工作簿（受密码保护）',
  fileDamagedXls: 'Excel 工作簿（.xls，已损坏）',
  fileOfficeOther: 'Office 复合文件（不是工作簿）',
  // 应该怎么做（拒绝时的 {action}）
  actionSaveAsXlsx: '请用 Excel 或 LibreOffice 打开它，另存为 .xlsx 或 CSV，再选择那个文件',
  actionChooseTable: '请改选 CSV、.xlsx 或 Parquet 文件',
  actionUnzip: '请先解压，再选择里面的 CSV、.xlsx 或 Parquet 文件',
  actionUnzipFile: '请先解压，再选择里面的文件（{file}）',
  actionRemovePassword: '请用 Excel 或 LibreOffice 打开它，不设密码另存一份，然后再试',
  // 拒绝
  readRefused: '这个文件是 {what}，不是 CSV、Excel 工作簿或 Parquet 文件：{action}。',
  readOpenDocumentSpreadsheet:
    '这个文件是 {what}，不是 CSV：请先另存为 CSV（在 LibreOffice 中选择“文件 > 另存为 > 文本 CSV”），再选择这个 CSV 文件。',
  workbookLocked:
    '这个工作簿受密码保护：请用 Excel 或 LibreOffice 打开它，不设密码另存一份，然后再试。',
  workbookDamaged:
    '这个工作簿已损坏（其 zip 数据无法读取）：请用 Excel 或 LibreOffice 打开它，重新保存后再试。',
  workbookZipMethod:
    '这个工作簿使用了 SegmentLens 无法读取的压缩方式（zip 方法 {method}）：请用 Excel 或 LibreOffice 打开它，重新另存为 .xlsx 后再试。',
  workbookTooLarge:
    '这个工作簿太大：{part, select, strings {其中的文本单元格} other {这个工作表}}展开后会超过 {size}；请把工作表另存为 CSV，再用命令行（npx segmentlens analyze FILE）读取这个 CSV。',
  workbookNoSheetList:
    '这个文件看起来是 Excel 工作簿，但没有工作表列表：请用 Excel 或 LibreOffice 打开它，重新另存为 .xlsx 后再试。',
  workbookNoWorksheets:
    '这个工作簿中没有含单元格的工作表（只有图表或宏）：请选择一个在工作表中有数据表的工作簿。',
  workbookNoValues:
    '这个工作簿保存时没有保存计算结果，所以公式单元格都是空的：请用 Excel 或 LibreOffice 打开它，重新保存后再试。',
  xlsUnreadable:
    '无法读取这个 .xls 工作簿（{detail}）：请用 Excel 或 LibreOffice 打开它，另存为 .xlsx 后再试。',
  sheetNotFound: '没有名为“{sheet}”的工作表：请从这些工作表中选择：{names}。',
  sheetMissing:
    '这个工作簿中缺少工作表“{sheet}”（文件已损坏）：请用 Excel 或 LibreOffice 打开它，重新保存后再试。',
  sheetEmpty: '工作表“{sheet}”是空的：请选择存放数据表的工作表（{others}）。',
  sheetEmptyOnly: '工作表“{sheet}”是空的：请选择一个有表头行和数据行的工作簿。',
  sheetNoRows: '工作表“{sheet}”只有表头，没有数据行：请选择存放数据表的工作表。',
  sheetTooManyCells:
    '这个工作表有 {cells, number} 个单元格，超过了一次能分析的 {most, number} 个：请把它另存为 CSV，再用命令行（npx segmentlens analyze FILE）读取这个 CSV。',
  sheetSpansTooManyCells:
    '这个工作表的范围最多可达 {cells, number} 个单元格，超过了一次能分析的 {most, number} 个：请把它另存为 CSV，再用命令行（npx segmentlens analyze FILE）读取这个 CSV。',
  sheetRowTooLong:
    '这个工作表中有一行太长，无法读取（XML 超过 6400 万个字符）：请用 Excel 或 LibreOffice 打开工作簿，重新保存后再试。',
  parquetNoRows: '这个 Parquet 文件只有表头，没有数据行：请选择存放数据表的文件。',
  parquetNoFlatColumns:
    '这个 Parquet 文件没有平铺的列（只有列表、映射或结构体）：请把它展平（每个单元格一个值）后再试。',
  parquetTooManyCells:
    '这个 Parquet 文件有 {cells, number} 个单元格，超过了一次能分析的 {most, number} 个：请把其中一部分或较少的列另存为 CSV。',
  parquetIncomplete:
    '这个 Parquet 文件不完整（缺少文件末尾的部分，复制或下载中断时会这样）：请重新复制或下载，然后再试。',
  parquetUnreadable:
    '无法读取这个 Parquet 文件（{detail}）：请用 pandas 或 pyarrow 重新保存（使用 snappy、gzip 或 zstd 压缩），或另存为 CSV，然后再试。',
  // 数据表从哪里来（页面显示“根据……检测”）
  encodingSheet: '{file}，工作表“{sheet}”',
  encodingParquet: 'Parquet 文件（{codecs}）',
  // 读取工作簿或 Parquet 文件的说明
  noteSheets: '这个工作簿有 {count, number} 个工作表（{names}）；当前是工作表“{sheet}”。',
  noteTitleRow: '已跳过表头上方的标题（“{title}”）：它下面的一行才是列名。',
  noteCellsLeftOfHeader: '表头第一列左侧的 {count, number} 个单元格未读取。',
  noteUncachedFormulas:
    '有 {count, number} 个公式单元格没有保存的值，按缺失值处理：请在 Excel 或 LibreOffice 中重新保存工作簿以保留这些值。',
  noteSpreadsheetErrors: '有 {count, number} 个单元格含有电子表格错误（{codes}），按缺失值处理。',
  noteEmptyRows: '已跳过数据行之间的 {count, number} 个空行。',
  noteParquetNested:
    '已略去 {count, number} 个嵌套列（{names}）：SegmentLens 只读取每个单元格一个值的列。',
  noteParquetRounded:
    '{names}（共 {count} 列）含有大到无法精确计算的整数；计算时会取近似值（导出时保留全部数字）。',
  // 保留但有异常的行
  rowSpreadsheetErrors:
    '{count, plural, =1 {有一个单元格含有电子表格错误（{code}）} other {有 # 个单元格含有电子表格错误（{code} 等）}}，按缺失值处理',
};
