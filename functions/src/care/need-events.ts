/** Outbox events of needs (求助): written with the change they report. */
import type { NeedStatus } from '@linli/shared/domain/care/need';

export type NeedEvent =
  /** A need moved (created, dispatched, accepted, …); staff dashboards and audits read these. */
  {
    type: 'care.need_changed';
    communityId: string;
    needId: string;
    from: NeedStatus | null;
    to: NeedStatus;
    byUserId: string;
    at: string;
  };
