import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { InputField } from '../../../../components/input-field';
import { useCodeCheck } from '../../../../hooks/use-code-check';
import { useCheckIn, type Attendee } from '../../../../hooks/use-council-staff';
import { shanghaiClock } from '../../../../utils/session-time';
import './council.css';

interface CheckInPanelProps {
  communityId: string;
  sessionId: string;
  /** Reloads the list after a check-in. */
  onCheckedIn: (booking: Attendee) => void;
}

/** 签到: scan the resident's QR code (WeChat) or type the 6-character 签到码 they read out. */
export function CheckInPanel({ communityId, sessionId, onCheckedIn }: CheckInPanelProps) {
  const checkIn = useCheckIn(communityId, sessionId);
  const { code, setCode, last, canScan, submit, scan } = useCodeCheck<Attendee>(checkIn.submit, onCheckedIn);

  return (
    <View className="linli-card">
      <Text className="staff__title">现场签到</Text>
      <Text className="staff__text linli-muted">
        {canScan ? '扫描居民的预约二维码，或输入居民报的 6 位签到码。' : '输入居民报的 6 位签到码（字母不分大小写）。'}
        开始前 1 小时起可以签到。
      </Text>
      {canScan ? (
        <Button className="staff__action" type="primary" size="large" block onClick={() => void scan()}>
          扫码签到
        </Button>
      ) : null}
      <View className="council-staff__check">
        <InputField label="签到码" value={code} maxlength={6} placeholder="如 K7M2QX" onInput={setCode} />
        <Button
          className="council-staff__check-button"
          type={canScan ? 'default' : 'primary'}
          size="large"
          loading={checkIn.pending}
          onClick={() => void submit(code)}
        >
          签到
        </Button>
      </View>
      {last ? (
        <Text className="council-staff__result" aria-live="polite">
          ✓ 已签到：{last.memberName}
          {last.checkedInAt ? `（${shanghaiClock(last.checkedInAt)}）` : ''}
        </Text>
      ) : null}
      {checkIn.error ? (
        <Text className="council-staff__error" aria-live="assertive">
          {checkIn.error.message}
        </Text>
      ) : null}
    </View>
  );
}
