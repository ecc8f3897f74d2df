import * as z from 'zod/mini';
import { ROLES, lazy, type Infer } from './route';

/**
 * One role a user holds, bound to where it applies: a resident to a building, staff to a
 * community, a merchant operator to a merchant. Admin is platform-wide.
 */
export const RoleGrant = lazy(() =>
  z.object({
    role: z.enum(ROLES),
    communityId: z.optional(z.string()),
    /** A street operator's street office. */
    streetId: z.optional(z.string()),
    buildingId: z.optional(z.string()),
    merchantId: z.optional(z.string()),
    /** A grid worker's grid (网格). */
    gridId: z.optional(z.string()),
    /** A partner unit (共建单位) operator's unit. */
    partnerId: z.optional(z.string()),
    /** A resident's own member record. */
    memberId: z.optional(z.string()),
  }),
);
export type RoleGrant = Infer<typeof RoleGrant>;

/** Who is calling, as carried in the access token. openid never appears here. */
export const Principal = lazy(() =>
  z.object({
    userId: z.string(),
    name: z.string(),
    grants: z.array(RoleGrant()),
  }),
);
export type Principal = Infer<typeof Principal>;
