/**
 * Which community the app shows. Nothing in the app names one: a signed-in member sees their
 * own (and may switch among the ones they belong to); a newcomer picks theirs by street and
 * name, or arrives through a community's poster code, whose `scene` (weapp 小程序码) or
 * `community` URL parameter (H5 link) carries the community id.
 */
import Taro from '@tarojs/taro';
import type { Me } from './me';

const STORAGE_KEY = 'linli.community';
const listeners = new Set<() => void>();

/** The community chosen on this phone (poster code or picker), if any. */
export function chosenCommunity(): string | undefined {
  try {
    const stored: unknown = Taro.getStorageSync(STORAGE_KEY);
    return typeof stored === 'string' && stored ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers the community to show from now on. */
export function chooseCommunity(communityId: string): void {
  Taro.setStorageSync(STORAGE_KEY, communityId);
  listeners.forEach((listener) => listener());
}

export function subscribeCommunity(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const COMMUNITY_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The community a launch carries: `scene` of a 小程序码 (URL-encoded `c=<id>`, or the bare id,
 * as its 32 characters allow) or the `community` parameter of an H5 link.
 */
export function communityFromLaunch(query: Record<string, string | undefined> | undefined): string | undefined {
  const direct = query?.community;
  if (direct && COMMUNITY_ID.test(direct)) return direct;
  const scene = query?.scene ? decodeURIComponent(query.scene) : undefined;
  if (!scene) return undefined;
  const fromPair = /(?:^|&)c=([^&]+)/.exec(scene)?.[1];
  const id = fromPair ?? scene;
  return COMMUNITY_ID.test(id) ? id : undefined;
}

/** The communities a user belongs to, their home first, each once. */
export function communitiesOf(me: Pick<Me, 'grants' | 'member'> | undefined): string[] {
  if (!me) return [];
  const ids = [me.member?.communityId, ...me.grants.map((grant) => grant.communityId)];
  return [...new Set(ids.filter((id): id is string => Boolean(id)))];
}

/**
 * The community to show: the chosen one when the user belongs to it (or belongs nowhere yet,
 * a newcomer who came by poster or picker), else the user's own; undefined when nobody chose.
 */
export function currentCommunityOf(
  me: Pick<Me, 'grants' | 'member'> | undefined,
  chosen = chosenCommunity(),
): string | undefined {
  const own = communitiesOf(me);
  if (chosen && (own.length === 0 || own.includes(chosen))) return chosen;
  return own[0] ?? chosen;
}
