/** Mini-program pages a message can open; the mini-program registers these paths. */
export const links = {
  councilSession: (communityId: string, sessionId: string) =>
    `/packages/council/session/index?communityId=${encodeURIComponent(communityId)}&sessionId=${encodeURIComponent(sessionId)}`,
  agendaTopic: (communityId: string, topicId: string) =>
    `/packages/agenda/topic/index?communityId=${encodeURIComponent(communityId)}&topicId=${encodeURIComponent(topicId)}`,
  myBookings: () => '/packages/council/bookings/index',
  mine: () => '/pages/mine/index',
  canteenOrder: (communityId: string, orderId: string) =>
    `/packages/canteen/order/index?communityId=${encodeURIComponent(communityId)}&orderId=${encodeURIComponent(orderId)}`,
  points: () => '/pages/points/index',
  merchantCenter: () => '/packages/merchant/center/index',
  careWish: (communityId: string, wishId: string) =>
    `/packages/care/wish/index?communityId=${encodeURIComponent(communityId)}&wishId=${encodeURIComponent(wishId)}`,
  careNeed: (communityId: string, needId: string) =>
    `/packages/care/needs/detail/index?communityId=${encodeURIComponent(communityId)}&needId=${encodeURIComponent(needId)}`,
  gridHome: (communityId: string) => `/packages/grid/home/index?communityId=${encodeURIComponent(communityId)}`,
} as const;
