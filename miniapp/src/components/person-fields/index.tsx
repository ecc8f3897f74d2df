import { DateField } from '../date-field';
import { FormField } from '../form-field';
import { TextField } from '../text-field';

export interface Person {
  realName: string;
  birthDate: string;
  phone: string;
}

interface PersonFieldsProps {
  value: Person;
  /** The problem to show under a field, if any (a form's `shown`). */
  errorOf: (field: keyof Person) => string | null | undefined;
  onChange: (patch: Partial<Person>) => void;
  /** Latest birth date that may be picked (today in Shanghai). */
  today: string;
  /** Who is being described: 真实姓名, 居民姓名, 家人姓名. */
  nameLabel: string;
  /** Where the date picker opens, near the age of the people who usually fill this form. */
  birthInitial: string;
  phoneLabel: string;
  phoneHint: string;
  phoneOptional?: boolean;
}

/** Real name, birth date and phone, checked against the ID card. */
export function PersonFields({
  value,
  errorOf,
  onChange,
  today,
  nameLabel,
  birthInitial,
  phoneLabel,
  phoneHint,
  phoneOptional,
}: PersonFieldsProps) {
  return (
    <>
      <FormField label={nameLabel} hint="与身份证上的姓名一致" error={errorOf('realName')}>
        <TextField
          label={nameLabel}
          value={value.realName}
          maxlength={20}
          placeholder="请输入姓名"
          onInput={(realName) => onChange({ realName })}
        />
      </FormField>
      <FormField label="出生日期" hint="按身份证上的日期选择年、月、日" error={errorOf('birthDate')}>
        <DateField
          label="出生日期"
          value={value.birthDate}
          placeholder="点击选择"
          initial={birthInitial}
          start="1900-01-01"
          end={today}
          onChange={(birthDate) => onChange({ birthDate })}
        />
      </FormField>
      <FormField label={phoneLabel} optional={phoneOptional} hint={phoneHint} error={errorOf('phone')}>
        <TextField
          label={phoneLabel}
          type="number"
          value={value.phone}
          maxlength={11}
          placeholder="请输入手机号"
          onInput={(phone) => onChange({ phone })}
        />
      </FormField>
    </>
  );
}
