/** The points feature's outbox events: written with the change they report, read by the stream consumer. */
export type PointsEvent =
  /** Staff confirmed (or adjusted) a volunteer's hours; the points are credited. */
  | {
      type: 'points.hours_confirmed';
      communityId: string;
      userId: string;
      activityTitle: string;
      minutes: number;
      points: number;
      adjusted: boolean;
      reason?: string;
    }
  /** Points credited or taken back outside an hours confirmation (delivery, wish, adjustment, reversal). */
  | {
      type: 'points.changed';
      communityId: string;
      userId: string;
      amount: number;
      kind: 'delivery' | 'adjust' | 'reversal' | 'wish';
      reason: string;
    }
  /** A redemption went through: a receipt for the volunteer and the merchant operator. */
  | {
      type: 'points.redeemed';
      communityId: string;
      userId: string;
      operatorUserId: string;
      merchantName: string;
      offerTitle: string;
      maskedName: string;
      points: number;
      codeId: string;
    };
