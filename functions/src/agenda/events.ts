/** The agenda feature's outbox events: written with the change they report, read by the stream consumer. */
export type AgendaEvent =
  /**
   * An agenda topic (议题) changed status (or was raised): its author hears of it, and so does the
   * caregiver who raised it for them.
   */
  {
    type: 'agenda.topic_changed';
    communityId: string;
    topicId: string;
    title: string;
    authorMemberId: string;
    caregiverUserId?: string;
    to: string;
    note?: string;
  };
