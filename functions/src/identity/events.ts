/** The identity feature's outbox events: written with the change they report, read by the stream consumer. */
export type IdentityEvent =
  | {
      type: 'identity.application_decided';
      communityId: string;
      userId: string;
      approved: boolean;
      reason?: string;
    }
  | {
      type: 'identity.link_decided';
      communityId: string;
      caregiverUserId: string;
      dependentName: string;
      approved: boolean;
      reason?: string;
    };
