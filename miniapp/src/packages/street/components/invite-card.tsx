import { Text, View } from '@tarojs/components';
import { QrCode } from '../../../components/qr-code';
import { StatusTag } from '../../../components/status-tag';
import { formatShanghai } from '../../../utils/time';
import type { ConsoleInvite } from '../../../hooks/use-street-console';
import { INVITE_ROLE_NAMES, spokenCode } from './labels';

/**
 * A fresh invite to hand over: the QR code to scan in WeChat and the 8-character code, split in
 * two groups of four so it can be read aloud over the phone, with its expiry.
 */
export function InviteCard({ invite }: { invite: ConsoleInvite }) {
  const place = invite.communityName ?? invite.streetName ?? '邻里平台';
  return (
    <View className="street__invite" aria-label={`给 ${invite.inviteeName} 的邀请`}>
      <View className="street__row">
        <Text className="street__name">{`邀请 ${invite.inviteeName}`}</Text>
        <StatusTag tone="ok">{INVITE_ROLE_NAMES[invite.role]}</StatusTag>
      </View>
      <Text className="street__text linli-muted">{place}</Text>
      <View className="street__qr">
        <QrCode text={invite.link} label={`邀请二维码，邀请码 ${invite.code}`} />
      </View>
      <Text className="street__code" aria-label={`邀请码 ${invite.code.split('').join(' ')}`}>
        {spokenCode(invite.code)}
      </Text>
      <Text className="street__text">{`有效期至 ${formatShanghai(invite.validUntil)}（72 小时，只能用一次）`}</Text>
      <Text className="street__text linli-muted">
        请对方在微信里扫码，或打开邻里 → 我的 → 接受任命邀请，输入邀请码。
      </Text>
    </View>
  );
}
