import { moderationRoutes } from '@linli/shared/contract/moderation';
import { defineDomain } from '../platform/lambda-router';
import { recordMediaVerdict } from './media';
import { answerPushUrlCheck } from './push-signature';

export const moderationDomain = defineDomain('moderation', moderationRoutes, { errorTables: [] })({
  wechatPushUrlCheck: async ({ query }) => answerPushUrlCheck(query),
  wechatMediaCheckCallback: async ({ query, body }) => recordMediaVerdict(query, body),
});
