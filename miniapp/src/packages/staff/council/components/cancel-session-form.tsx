import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { useCancelSession } from '../../../../hooks/use-council-staff';
import '../../components/staff.css';
import './council.css';

const REASONS = ['天气原因，改期另行通知', '场地临时有安排，改期另行通知', '主要议题已解决，本次不再召开'] as const;

/** 取消议事会 with a reason; everyone booked or waiting is told. */
export function CancelSessionForm({
  communityId,
  sessionId,
  onCancelled,
}: {
  communityId: string;
  sessionId: string;
  onCancelled: () => void;
}) {
  const cancel = useCancelSession(communityId, sessionId);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const error = tried && reason.trim().length < 2 ? '请填写取消原因' : null;

  const submit = async () => {
    setTried(true);
    if (reason.trim().length < 2) return;
    const { confirm } = await Taro.showModal({
      title: '取消议事会',
      content: '取消后，已预约和候补的居民都会收到通知，且不能恢复。确定取消吗？',
      confirmText: '确定取消',
      cancelText: '不取消',
    });
    if (!confirm) return;
    if (await cancel.submit(reason.trim())) {
      void Taro.showToast({ title: '已取消议事会', icon: 'none', duration: 2000 });
      setOpen(false);
      onCancelled();
    }
  };

  if (!open) {
    return (
      <Button
        className="staff__action staff__button--danger"
        type="danger"
        size="large"
        block
        onClick={() => setOpen(true)}
      >
        取消议事会
      </Button>
    );
  }
  return (
    <View className="council-staff__cancel" aria-label="取消议事会">
      <Text className="council-staff__name">取消议事会</Text>
      <Text className="staff__text linli-muted">取消原因会通知已预约和候补的居民。点一条常用原因，可以再修改：</Text>
      {REASONS.map((template) => (
        <View
          key={template}
          className={`reject-form__template${reason === template ? ' reject-form__template--chosen' : ''}`}
          role="button"
          aria-label={`使用原因：${template}`}
          onClick={() => setReason(template)}
        >
          <Text>{template}</Text>
        </View>
      ))}
      <Textarea
        className="linli-textarea council-staff__textarea"
        value={reason}
        maxlength={200}
        placeholder="请写明原因"
        placeholderClass="council-staff__placeholder"
        aria-label="取消原因"
        onInput={(event) => setReason(event.detail.value)}
      />
      {error ? (
        <Text className="council-staff__error" aria-live="assertive">
          {error}
        </Text>
      ) : null}
      <View className="staff__buttons">
        <Button className="staff__button" size="large" onClick={() => setOpen(false)}>
          返回
        </Button>
        <Button
          className="staff__button"
          type="danger"
          size="large"
          loading={cancel.pending}
          onClick={() => void submit()}
        >
          确认取消
        </Button>
      </View>
    </View>
  );
}
