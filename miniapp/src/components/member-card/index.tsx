import { Text, View } from '@tarojs/components';
import type { PropsWithChildren, ReactNode } from 'react';
import './index.css';

/** What a member card shows; MemberCard of the contract fits, so does an Application. */
export interface MemberSummary {
  realName: string;
  age: number;
  communityName?: string;
  buildingName: string;
  unitName: string;
  room: string;
  phoneMasked?: string;
}

interface MemberCardProps {
  member: MemberSummary;
  /** Shown right of the name, e.g. a status tag. */
  badge?: ReactNode;
  /** Leave the community out (pages that show one community only). */
  showCommunity?: boolean;
}

/** `1号楼 1单元 302` */
export function addressOf(member: Pick<MemberSummary, 'buildingName' | 'unitName' | 'room'>): string {
  return `${member.buildingName} ${member.unitName} ${member.room}`;
}

/** A person's name, age, address and masked phone; children add actions below. */
export function MemberCard({ member, badge, showCommunity = true, children }: PropsWithChildren<MemberCardProps>) {
  return (
    <View className="linli-card member-card">
      <View className="member-card__head">
        <Text className="member-card__name">{member.realName}</Text>
        <Text className="member-card__age">{member.age}岁</Text>
        <View className="member-card__badge">{badge}</View>
      </View>
      {showCommunity && member.communityName ? (
        <Text className="member-card__line">社区：{member.communityName}</Text>
      ) : null}
      <Text className="member-card__line">住址：{addressOf(member)}</Text>
      {member.phoneMasked ? <Text className="member-card__line">手机：{member.phoneMasked}</Text> : null}
      {children}
    </View>
  );
}
