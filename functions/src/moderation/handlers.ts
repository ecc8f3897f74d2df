import { moderationRoutes } from '@linli/shared/contract/moderation';
import { defineDomain } from '../platform/lambda-router';
import { recordMediaVerdict } from './media';

export const moderationDomain = defineDomain(
  'moderation',
  moderationRoutes,
)({
  wechatMediaCheckCallback: async ({ query, body }) => recordMediaVerdict(query, body),
});
