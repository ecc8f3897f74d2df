/** The notify feature's outbox events: written with the change they report, read by the stream consumer. */
export type NotifyEvent =
  /** A direct message to one user (announcements; also used to load-test delivery). */
  { type: 'notify.message'; communityId: string; userId: string; title: string; body: string; link?: string };
