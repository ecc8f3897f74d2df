import type { StatusTone } from '../status-tag';
import type { Wish, WishStatus } from '../../hooks/use-care';

/** The contract's lists, in its order (kept here so zod stays out of the bundle). */
export const WISH_CATEGORIES = ['生活用品', '维修帮忙', '陪伴关怀', '学习用品', '健康助医', '其他'] as const;
export const WISH_HANDOVERS = ['上门送达', '社区转交', '电话联系后约定'] as const;
export const WISH_TEXT_MAX = 100;
export const MEMBER_TAGS = ['独居', '高龄', '低保', '残疾'] as const;
export const PARTNER_KINDS = ['企业', '学校', '医院', '机关党支部', '社会组织', '其他'] as const;

/** What a handover means to the wisher, under each choice. */
export const HANDOVER_NOTES: Record<(typeof WISH_HANDOVERS)[number], string> = {
  上门送达: '认领人送到家门口',
  社区转交: '放在社区服务站，由社区转交',
  电话联系后约定: '社区先打电话商量',
};

export const WISH_STATUS_LABELS: Record<WishStatus, string> = {
  pending_review: '待审核',
  open: '待认领',
  claimed: '已认领',
  delivered: '已送达',
  fulfilled: '已圆梦',
  declined: '未通过',
  withdrawn: '已撤回',
};

const TONES: Record<WishStatus, StatusTone> = {
  pending_review: 'waiting',
  open: 'waiting',
  claimed: 'neutral',
  delivered: 'neutral',
  fulfilled: 'ok',
  declined: 'bad',
  withdrawn: 'neutral',
};
export const wishTone = (status: WishStatus): StatusTone => TONES[status];

export const CLAIMER_KIND_LABELS = { volunteer: '志愿者', resident: '邻居', partner: '共建单位' } as const;

/** 「共建单位 社区卫生服务站」 / 「志愿者 张伟」 */
export const claimerLabel = (claimer: NonNullable<Wish['claimer']>) =>
  `${CLAIMER_KIND_LABELS[claimer.kind]} ${claimer.name}`;

export const RECORDED_VIA_LABELS = { caregiver: '家属代为许愿', staff: '社区工作人员代为登记' } as const;
