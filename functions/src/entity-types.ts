/**
 * Every item type of the single table: the merge of the features' declarations (as domains.ts
 * merges their routes), so the `type` tag stored on each item names one of these. Adding a
 * feature's items is one line here. tests/unit/entity-types.test.ts checks that every tag the
 * code and the seed write is declared.
 */
import { agendaTypes } from './agenda/items';
import { careTypes } from './care/items';
import { canteenTypes } from './canteen/items';
import { communityTypes } from './community/items';
import { councilTypes } from './council/items';
import { identityTypes } from './identity/items';
import { moderationTypes } from './moderation/items';
import { notifyTypes } from './notify/items';
import { onboardingTypes } from './onboarding/items';
import { platformTypes } from './platform/table-items';
import { pointsTypes } from './points/items';
import { privacyTypes } from './privacy/items';
import { rosterTypes } from './roster/items';
import { photoTypes } from './photos/items';

export const entityTypes = [
  ...platformTypes,
  ...communityTypes,
  ...onboardingTypes,
  ...identityTypes,
  ...councilTypes,
  ...agendaTypes,
  ...notifyTypes,
  ...canteenTypes,
  ...pointsTypes,
  ...privacyTypes,
  ...rosterTypes,
  ...careTypes,
  ...moderationTypes,
  ...photoTypes,
] as const;

/** The type tag stored on every item, so a stream consumer (and a person reading the table) can tell items apart. */
export type EntityType = (typeof entityTypes)[number];
