/** Error codes of the moderation feature (内容安全与复核), merged into shared/errors.ts. */
export const MODERATION_ERRORS = {
  CONTENT_RISKY: { status: 422, message: '内容含有不适宜公开的信息，未能发布。请修改后再提交' },
  CONTENT_HELD: { status: 409, message: '该内容正在等待社区工作人员复核，通过后才能查看和附议' },
  CONTENT_NOT_HELD: { status: 409, message: '该内容不在待复核状态，请刷新后查看' },
  CONTENT_ALREADY_HIDDEN: { status: 409, message: '该内容已经隐藏过了' },
  CONTENT_NOT_FOUND: { status: 404, message: '找不到要处理的内容' },
} as const;
