import { photosDomain } from './handlers';

/** Lambda entry for photo uploads (one-time upload forms to the private photo bucket). */
export const handler = photosDomain.handler;
