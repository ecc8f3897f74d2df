/**
 * Share cards (WeChat's 转发给朋友) for a council session and a finished topic. A card's path opens
 * the page with the community in `community=` too, which the app reads at launch as a poster
 * link (services/current-community.ts), so a member of that community lands in it.
 */
import { links } from '@linli/shared/domain/notify/links';
import { formatShanghai } from '../utils/time';

/** What WeChat's share card shows and opens. */
export interface ShareCard {
  title: string;
  /** Page path with its query, from the mini-program root. */
  path: string;
}

/** Adds the community the app should open in. */
export function withCommunity(path: string, communityId: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}community=${encodeURIComponent(communityId)}`;
}

/** 议事会: its title and Shanghai time. */
export function sessionShareCard(
  communityId: string,
  session: { sessionId: string; title: string; startsAt: string },
): ShareCard {
  return {
    title: `议事会：${session.title}（${formatShanghai(session.startsAt)}）`,
    path: withCommunity(links.councilSession(communityId, session.sessionId), communityId),
  };
}

/** A finished topic as the 晒事栏 shows it; undefined for a topic not finished yet. */
export function topicShareCard(
  communityId: string,
  topic: { topicId: string; title: string; status: string },
): ShareCard | undefined {
  if (topic.status !== 'done') return undefined;
  return {
    title: `晒事栏：${topic.title}（已办结）`,
    path: withCommunity(links.agendaTopic(communityId, topic.topicId), communityId),
  };
}

/** The H5 address of a card's page (hash router), for copying as a link. */
export function h5ShareUrl(card: ShareCard, location: { origin: string; pathname: string }): string {
  return `${location.origin}${location.pathname}#${card.path}`;
}

const WISH_SHARE_WORDS: Partial<Record<string, string>> = {
  open: '等待认领',
  claimed: '已有人认领',
  delivered: '已送达',
  fulfilled: '已圆梦',
};

/**
 * A wish on the 心愿墙, as neighbours may see it (the text only, never the wisher); undefined
 * before staff approved it or after it was withdrawn, when nobody else could open it.
 */
export function wishShareCard(
  communityId: string,
  wish: { wishId: string; text: string; status: string },
): ShareCard | undefined {
  const state = WISH_SHARE_WORDS[wish.status];
  if (!state) return undefined;
  return {
    title: `微心愿：${wish.text}（${state}）`,
    path: withCommunity(links.careWish(communityId, wish.wishId), communityId),
  };
}
