/** The canteen feature's outbox events: written with the change they report, read by the stream consumer. */
export type CanteenEvent =
  /** A volunteer took a meal order out for delivery; the member's side is told. */
  | {
      type: 'canteen.out_for_delivery';
      communityId: string;
      orderId: string;
      memberId: string;
      placedByUserId: string;
      volunteerName: string;
    }
  /** The volunteer marked the meal delivered; the member's side is asked to confirm. */
  | { type: 'canteen.delivered'; communityId: string; orderId: string; memberId: string; placedByUserId: string }
  /** Written by the canteen with a confirmed delivery; the points ledger credits the volunteer who delivered. */
  | {
      type: 'canteen.delivery_confirmed';
      communityId: string;
      orderId: string;
      volunteerUserId: string;
      confirmedAt: string;
    };
