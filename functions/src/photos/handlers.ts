import { photoRoutes } from '@linli/shared/contract/photos';
import { defineDomain } from '../platform/lambda-router';
import { createUpload } from './uploads';

export const photosDomain = defineDomain(
  'photos',
  photoRoutes,
)({
  createPhotoUpload: async ({ principal, params, body }) => createUpload(principal, params.communityId, body),
});
