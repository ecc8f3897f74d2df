import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { FormError } from '../../../../components/form-error';
import { MemberCard } from '../../../../components/member-card';
import { PageShell } from '../../../../components/page-shell';
import { RequestStatus } from '../../../../components/request-status';
import { MEMBER_TAGS } from '../../../../components/wish-card/labels';
import { useCommunity } from '../../../../hooks/use-community';
import { useSetMemberTags, useTaggedMembers, type MemberTag } from '../../../../hooks/use-care';
import { useMembers, type Members } from '../../../../hooks/use-staff';
import { StaffGate } from '../../components/staff-gate';
import '../../components/staff.css';
import { BuildingFilter } from '../../components/building-filter';
import './tags.css';

type Member = Members['members'][number];

/** Four tags, any number chosen: checkboxes as large as the choice chips. */
function TagBoxes({ value, onChange }: { value: MemberTag[]; onChange: (tags: MemberTag[]) => void }) {
  return (
    <View className="care-tags" role="group" aria-label="关怀标签">
      {MEMBER_TAGS.map((tag) => {
        const on = value.includes(tag);
        return (
          <View
            key={tag}
            className={`care-tags__tag${on ? ' care-tags__tag--on' : ''}`}
            role="checkbox"
            aria-checked={on}
            aria-label={tag}
            onClick={() => onChange(on ? value.filter((t) => t !== tag) : [...value, tag])}
          >
            <Text>
              {on ? '✓ ' : ''}
              {tag}
            </Text>
          </View>
        );
      })}
    </View>
  );
}

function MemberTags({
  communityId,
  member,
  saved,
  onSaved,
}: {
  communityId: string;
  member: Member;
  saved: MemberTag[];
  onSaved: () => void;
}) {
  const set = useSetMemberTags(communityId);
  const [tags, setTags] = useState<MemberTag[]>(saved);
  const changed = [...tags].sort().join() !== [...saved].sort().join();
  const save = async () => {
    if (!(await set.submit({ memberId: member.memberId, tags }))) return;
    void Taro.showToast({ title: `已保存${member.realName}的标签`, icon: 'none', duration: 2000 });
    onSaved();
  };
  return (
    <MemberCard member={member} showCommunity={false}>
      <TagBoxes value={tags} onChange={setTags} />
      {set.error ? <FormError message={set.error.message} onDismiss={set.dismiss} /> : null}
      {changed ? (
        <Button
          className="staff__action"
          type="primary"
          size="large"
          block
          loading={set.pending}
          onClick={() => void save()}
        >
          保存标签
        </Button>
      ) : null}
    </MemberCard>
  );
}

function Tags({ communityId }: { communityId: string }) {
  const community = useCommunity(communityId);
  const buildings = community.data?.grids.flatMap((g) => g.buildings) ?? [];
  const [chosen, setChosen] = useState<string>();
  const buildingId = chosen ?? buildings[0]?.id;
  const members = useMembers(communityId, buildingId);
  const tagged = useTaggedMembers(communityId);
  const tagsOf = new Map((tagged.data?.members ?? []).map((m) => [m.memberId, m.tags]));
  const ready = members.data && tagged.data;
  return (
    <>
      <Text className="staff__intro linli-muted">
        标为独居、低保或残疾的居民，心愿在心愿墙上优先显示。高龄、独居的老人也是网格员敲门探访的对象。
      </Text>
      {tagged.data && tagged.data.members.length > 0 ? (
        <View className="linli-card" aria-label="已有标签的居民">
          <Text className="staff__title">已有标签（{tagged.data.members.length} 人）</Text>
          {tagged.data.members.map((m) => (
            <Text key={m.memberId} className="staff__text">
              {m.realName} · {m.buildingName}
              {m.unitName}：{m.tags.join('、')}
            </Text>
          ))}
        </View>
      ) : null}
      <BuildingFilter buildings={buildings} value={buildingId} onChange={setChosen} />
      {!ready ? (
        <RequestStatus
          what="居民档案"
          loading={members.loading || tagged.loading}
          error={members.error ?? tagged.error}
          onRetry={() => {
            members.reload();
            tagged.reload();
          }}
        />
      ) : members.data!.members.length === 0 ? (
        <View className="linli-card staff__empty">
          <Text>这栋楼还没有认证居民</Text>
        </View>
      ) : (
        members.data!.members.map((member) => (
          <MemberTags
            key={`${member.memberId}:${(tagsOf.get(member.memberId) ?? []).join()}`}
            communityId={communityId}
            member={member}
            saved={tagsOf.get(member.memberId) ?? []}
            onSaved={tagged.reload}
          />
        ))
      )}
    </>
  );
}

/** 关怀标签: 独居/高龄/低保/残疾 on members, building by building. */
export default function CareTagsPage() {
  return (
    <PageShell className="staff-care-tags">
      <StaffGate>{(communityId) => <Tags communityId={communityId} />}</StaffGate>
    </PageShell>
  );
}
