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
}

/** The reason for a rejection, which the resident reads on 我的. */
export function RejectForm({ templates, pending, onSubmit, onCancel }: RejectFormProps) {
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const error = tried && reason.trim().length < 2 ? '请填写驳回原因' : null;

  return (
    <View className="reject-form">
      <Text className="reject-form__label">驳回原因（居民会看到）</Text>
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
        className={`staff-textarea reject-form__input${error ? ' reject-form__input--error' : ''}`}
        value={reason}
        maxlength={200}
        placeholder="请写明原因，方便居民修改后重新申请"
        placeholderClass="reject-form__placeholder"
        aria-label="驳回原因"
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
            if (reason.trim().length >= 2) onSubmit(reason.trim());
          }}
        >
          确认驳回
        </Button>
      </View>
    </View>
  );
}
