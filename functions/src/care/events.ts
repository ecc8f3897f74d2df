/** The care feature's outbox events: written with the change they report, read by the stream consumers. */
export type CareEvent =
  /** A volunteer's 微心愿 was confirmed fulfilled; the points ledger credits them once. */
  {
    type: 'care.wish_fulfilled';
    communityId: string;
    wishId: string;
    volunteerUserId: string;
    points: number;
    confirmedAt: string;
  };
