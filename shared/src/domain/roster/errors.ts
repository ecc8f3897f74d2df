/** Error codes of the roster import (居民台账), merged into shared/errors.ts. */
export const ROSTER_ERRORS = {
  ROSTER_FILE_EMPTY: { status: 400, message: '文件是空的，没有可导入的居民' },
  ROSTER_FILE_TYPE: { status: 415, message: '只能导入 CSV 或 Excel（.xlsx）文件' },
  ROSTER_FILE_UNREADABLE: { status: 400, message: '文件无法读取，请用 Excel 另存为 .xlsx 或 CSV 后再试' },
  ROSTER_FILE_TOO_LARGE: { status: 413, message: '文件过大，请不超过 2 MB（约 2 万行）' },
  ROSTER_TOO_MANY_ROWS: { status: 413, message: '一次最多导入 10000 行，请分批导入' },
  ROSTER_COLUMNS_MISSING: { status: 400, message: '表格缺少必需的列：楼栋、单元、房号、姓名' },
  ROSTER_IMPORT_NOT_FOUND: { status: 404, message: '找不到这次导入的预览，可能已过期，请重新选择文件' },
  ROSTER_PERSON_NOT_FOUND: { status: 404, message: '台账上找不到这个人，或没有登记手机号' },
  ROSTER_IMPORT_BUSY: { status: 409, message: '这份台账正在导入，请稍候查看进度' },
} as const;
