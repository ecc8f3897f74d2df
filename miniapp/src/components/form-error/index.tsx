import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import './index.css';

interface FormErrorProps {
  /** What went wrong, in the words the server or the form's check used. */
  message: string;
  onDismiss: () => void;
}

/**
 * An error that stays on screen until the person taps 知道了: a toast is gone after two seconds,
 * before an older reader has finished the sentence.
 */
export function FormError({ message, onDismiss }: FormErrorProps) {
  return (
    <View className="form-error" role="alert">
      <Text className="form-error__text">{message}</Text>
      <Button className="form-error__dismiss" size="large" onClick={onDismiss}>
        知道了
      </Button>
    </View>
  );
}

/**
 * What a form shows under its fields: its own check's problem first, else the server's refusal
 * (a field's refusal shows next to that field instead; the toast said it too).
 */
export function problemOf(
  own: string | undefined,
  mutation: { error?: { message: string; details?: unknown } },
): string | undefined {
  if (own) return own;
  const error = mutation.error;
  if (!error) return undefined;
  const namesFields = Array.isArray(error.details) && error.details.length > 0;
  return namesFields ? undefined : error.message;
}

interface Submittable {
  pending: boolean;
  error?: { message: string; details?: unknown };
  dismiss: () => void;
}

/**
 * The end of a form: its own check's problem (`own`) or else the server's refusal (if it named no
 * field), and the one submit button, which shows it is working while the request is out.
 * 知道了 clears both: `clearOwn` the form's own problem, `action.dismiss` the server's.
 */
export function FormSubmit({
  action,
  label,
  onSubmit,
  own,
  clearOwn,
  className = 'form-submit',
}: {
  action: Submittable;
  label: string;
  onSubmit: () => void;
  own?: string;
  clearOwn?: () => void;
  /** The button's class where a page styles its actions its own way. */
  className?: string;
}) {
  const message = problemOf(own, action);
  const dismiss = () => {
    clearOwn?.();
    action.dismiss();
  };
  return (
    <>
      {message ? <FormError message={message} onDismiss={dismiss} /> : null}
      <Button className={className} type="primary" size="large" block loading={action.pending} onClick={onSubmit}>
        {label}
      </Button>
    </>
  );
}
