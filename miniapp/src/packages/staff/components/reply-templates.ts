/** Replies staff send most often when rejecting; tapping one fills the reason, which stays editable. */
export const APPLICATION_REJECT_TEMPLATES = [
  '门牌号与登记信息不符，请核对后重新提交',
  '姓名与户籍登记信息不一致，请填写身份证上的姓名',
  '未查到您在本社区的居住登记，请带身份证到社区服务中心核实',
] as const;

export const LINK_REJECT_TEMPLATES = [
  '未能核实亲属关系，请带户口本到社区服务中心办理',
  '老人本人尚未同意由您代办，请与老人商量后重新申请',
  '老人的姓名或出生日期与社区档案不符，请核对后重新提交',
] as const;
