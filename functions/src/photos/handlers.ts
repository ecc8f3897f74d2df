import { PHOTO_ERRORS } from '@linli/shared/domain/photos/errors';
import { photoRoutes } from '@linli/shared/contract/photos';
import { defineDomain } from '../platform/lambda-router';
import { createUpload } from './uploads';

export const photosDomain = defineDomain('photos', photoRoutes, { errorTables: [PHOTO_ERRORS] })({
  createPhotoUpload: async ({ principal, params, body }) => createUpload(principal, params.communityId, body),
});
