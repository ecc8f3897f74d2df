import Taro from '@tarojs/taro';
import { useState } from 'react';
import { addressOf, MemberCard } from '../../../components/member-card';
import { PageShell } from '../../../components/page-shell';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import {
  revealApplicantPhone,
  useApplicationQueue,
  useDecideApplication,
  type Application,
} from '../../../hooks/use-staff';
import { APPLICATION_REJECT_TEMPLATES } from '../components/reply-templates';
import {
  DecisionButtons,
  QueueItemTimes,
  QueueStatusTag,
  ReviewQueue,
  useQueueDecision,
} from '../components/review-queue';
import { StaffGate } from '../components/staff-gate';
import '../components/staff.css';
import '../roster/index.css';

const FILTERS = [
  { value: 'pending', label: '待审核' },
  { value: 'approved', label: '已通过' },
  { value: 'rejected', label: '已驳回' },
] as const;

type Filter = (typeof FILTERS)[number]['value'];

/** Rings the applicant: the full number is fetched on the tap (and recorded), never listed. */
async function callApplicant(communityId: string, applicationId: string) {
  try {
    const { phone } = await revealApplicantPhone(communityId, applicationId);
    await Taro.makePhoneCall({ phoneNumber: phone });
  } catch {
    // The client has shown why it failed; a cancelled call needs nothing.
  }
}

const MATCHED_ON: Record<string, string> = { name: '姓名', room: '房号', phone4: '手机后四位' };

/** What the roster says about an application: the match that approved it, or the household's rows. */
function RosterHint({ application }: { application: Application }) {
  if (application.rosterMatch) {
    return (
      <Text className="staff__decided">
        居民台账核对一致（{application.rosterMatch.matchedOn.map((m) => MATCHED_ON[m]).join('、')}），已自动通过
      </Text>
    );
  }
  const candidates = application.rosterCandidates;
  if (!candidates) return null;
  return (
    <View className="reviews__roster">
      <Text className="reviews__roster-title">
        {candidates.length === 0 ? '居民台账上这一户没有人' : '居民台账上这一户的人（最接近的在前）：'}
      </Text>
      {candidates.map((p) => (
        <Text className="reviews__roster-row" key={p.personId}>
          {p.name} · {p.buildingName}
          {p.unitName}
          {p.room}
          {p.birthDate ? ` · ${p.birthDate}` : ''}
          {p.phoneMasked ? ` · ${p.phoneMasked}` : ''}
        </Text>
      ))}
    </View>
  );
}

function ApplicationItem({
  communityId,
  application,
  deciding,
  onApprove,
  onReject,
}: {
  communityId: string;
  application: Application;
  deciding: boolean;
  onApprove: () => void;
  onReject: (reason: string) => void;
}) {
  return (
    <MemberCard
      member={application}
      showCommunity={false}
      badge={<QueueStatusTag filters={FILTERS} status={application.status} />}
    >
      <QueueItemTimes
        createdAt={application.createdAt}
        overdue={Boolean(application.overdue)}
        decidedAt={application.decidedAt}
        reason={application.reason}
      />
      <RosterHint application={application} />
      {application.status === 'pending' ? (
        <Button
          className="reviews__call"
          size="large"
          block
          onClick={() => void callApplicant(communityId, application.applicationId)}
        >
          打电话给{application.realName}
        </Button>
      ) : null}
      <DecisionButtons
        pending={application.status === 'pending'}
        deciding={deciding}
        approveLabel="通过"
        rejectTemplates={APPLICATION_REJECT_TEMPLATES}
        onApprove={onApprove}
        onReject={onReject}
      />
    </MemberCard>
  );
}

function Reviews({ communityId }: { communityId: string }) {
  const [status, setStatus] = useState<Filter>('pending');
  const queue = useApplicationQueue(communityId, status);
  const decideApplication = useDecideApplication(communityId);
  const { isDeciding, approve, reject } = useQueueDecision<Application>({
    idOf: (application) => application.applicationId,
    send: (application, decision) => decideApplication.submit({ applicationId: application.applicationId, decision }),
    approvedToast: (application) => `已通过${application.realName}的认证`,
    confirmApproval: (application) => ({
      title: '通过认证',
      content: `确认${application.realName}住在${addressOf(application)}？通过后TA将成为认证居民。`,
      confirmText: '通过',
    }),
    reload: queue.reload,
  });

  return (
    <ReviewQueue
      intro="最早提交的排在最前，超过 3 天未处理的会标红。需要核实时可直接打电话，查看号码会记入记录。"
      filters={FILTERS}
      status={status}
      onStatus={setStatus}
      queue={queue}
      what="申请列表"
      emptyPending="没有待审核的申请"
      renderItem={(application) => (
        <ApplicationItem
          key={application.applicationId}
          communityId={communityId}
          application={application}
          deciding={isDeciding(application)}
          onApprove={() => void approve(application)}
          onReject={(reason) => void reject(application, reason)}
        />
      )}
    />
  );
}

/** 居民认证审核: applications oldest first; approve, or reject with a reason the resident reads. */
export default function StaffReviewsPage() {
  return (
    <PageShell className="reviews">
      <StaffGate>{(communityId) => <Reviews communityId={communityId} />}</StaffGate>
    </PageShell>
  );
}
