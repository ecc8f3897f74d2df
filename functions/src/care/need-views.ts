/** How a need reads to each viewer: the person's side and staff see who entered it; everyone sees 「6号楼 刘**」. */
import type { Need, NeedTimelineEntry } from '@linli/shared/contract/care-needs';
import { needOverdue } from '@linli/shared/domain/care/need';
import type { NeedRecord, NeedTimelineRecord } from './need-records';
import { stepView } from './timeline-view';

export function needView(n: NeedRecord, now = new Date()): Need {
  const recordedRole =
    n.createdByRole === 'caregiver' || n.createdByRole === 'staff' || n.createdByRole === 'grid'
      ? n.createdByRole
      : undefined;
  return {
    needId: n.needId,
    communityId: n.communityId,
    text: n.text,
    category: n.category,
    urgency: n.urgency,
    status: n.status,
    source: n.source.kind,
    personLabel: n.memberLabel,
    recordedBy: recordedRole ? { name: n.createdByName, role: recordedRole } : undefined,
    gridId: n.gridId,
    dueAt: n.dueAt,
    overdue: needOverdue(n, now),
    assignee: n.assignee,
    doneNote: n.doneNote,
    doneAt: n.doneAt,
    stars: n.stars,
    ratingComment: n.ratingComment,
    topicId: n.topicId,
    createdAt: n.createdAt,
    statusAt: n.statusAt,
  };
}

/** A timeline entry; a resident's or caregiver's name is masked for anyone outside their side and staff. */
export function needTimelineView(e: NeedTimelineRecord, full: boolean): NeedTimelineEntry {
  return stepView(e, full);
}
