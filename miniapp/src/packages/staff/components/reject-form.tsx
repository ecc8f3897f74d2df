import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import './staff.css';

interface RejectFormProps {
  /** Reasons staff give most often; tapping one fills the box, where it can still be edited. */
  templates: readonly string[];
  pending: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
  /** Wording for other refusals than 驳回 (e.g. 不予受理 of a topic). */
  label?: string;
  confirmLabel?: string;
  placeholder?: string;
  /** Shortest reason the server takes. */
  minLength?: number;
}

/** The reason for a rejection, which the resident reads on 我的. */
export function RejectForm({
  templates,
  pending,
  onSubmit,
  onCancel,
  label = '驳回原因（居民会看到）',
  confirmLabel = '确认驳回',
  placeholder = '请写明原因，方便居民修改后重新申请',
  minLength = 2,
}: RejectFormProps) {
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const what = label.replace(/（.*）$/, '');
  const error = tried && reason.trim().length < minLength ? `请填写${what}` : null;

  return (
    <View className="reject-form">
      <Text className="reject-form__label">{label}</Text>
      <Text className="staff__text linli-muted">点一条常用回复，可以再修改：</Text>
      {templates.map((template) => (
        <View
          key={template}
          className={`reject-form__template${reason === template ? ' reject-form__template--chosen' : ''}`}
          role="button"
          aria-label={`使用回复：${template}`}
          onClick={() => setReason(template)}
        >
          <Text>{template}</Text>
        </View>
      ))}
      <Textarea
        className={`linli-textarea reject-form__input${error ? ' reject-form__input--error' : ''}`}
        value={reason}
        maxlength={200}
        placeholder={placeholder}
        placeholderClass="reject-form__placeholder"
        aria-label={what}
        onInput={(event) => setReason(event.detail.value)}
      />
      {error ? (
        <Text className="reject-form__error" aria-live="assertive">
          {error}
        </Text>
      ) : null}
      <View className="staff__buttons">
        <Button className="staff__button" size="large" onClick={onCancel}>
          取消
        </Button>
        <Button
          className="staff__button staff__button--danger"
          type="danger"
          size="large"
          loading={pending}
          onClick={() => {
            setTried(true);
            if (reason.trim().length >= minLength) onSubmit(reason.trim());
          }}
        >
          {confirmLabel}
        </Button>
      </View>
    </View>
  );
}
