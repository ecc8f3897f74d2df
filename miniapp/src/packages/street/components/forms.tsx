/** The street console's forms: each a few labelled fields, one button, the server's refusal under it. */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { FormError, FormSubmit, problemOf } from '../../../components/form-error';
import { InputField } from '../../../components/input-field';
import {
  useCreateCommunity,
  useCreateStreet,
  useOperatorInvite,
  useStaffInvite,
  useUpdateCommunity,
  type ConsoleInvite,
  type StreetCommunity,
} from '../../../hooks/use-street-console';
import { InviteCard } from './invite-card';

/** The server's refusal under a form, until 知道了 (a field's refusal shows at that field instead). */
function Problem({ of, onDismiss }: { of: { error?: { message: string; details?: unknown } }; onDismiss: () => void }) {
  const message = problemOf(undefined, of);
  return message ? <FormError message={message} onDismiss={onDismiss} /> : null;
}

/** 新建街道: name, city and district (the platform admin). */
export function CreateStreetForm({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [city, setCity] = useState('');
  const [district, setDistrict] = useState('');
  const create = useCreateStreet();
  const submit = async () => {
    const street = await create.submit({ name, city, district });
    if (!street) return;
    setName('');
    setCity('');
    setDistrict('');
    void Taro.showToast({ title: `已新建${street.name}`, icon: 'none', duration: 2000 });
    onCreated();
  };
  return (
    <View className="linli-card" role="group" aria-label="新建街道">
      <Text className="street__name street__form-title">新建街道（乡镇）</Text>
      <InputField
        label="所在城市"
        value={city}
        onInput={setCity}
        placeholder="如 银川市"
        error={create.fieldErrors.city}
      />
      <InputField
        label="所在区县"
        value={district}
        onInput={setDistrict}
        placeholder="如 金凤区"
        error={create.fieldErrors.district}
      />
      <InputField
        label="街道（乡镇）名称"
        value={name}
        onInput={setName}
        placeholder="如 满城北街街道"
        error={create.fieldErrors.name}
      />
      <FormSubmit action={create} label="新建街道" onSubmit={() => void submit()} />
    </View>
  );
}

/** One invitee's name and the invite it made: operator invites (admin) and staff invites (operator). */
function InviteForm({
  title,
  button,
  send,
  pending,
  error,
  dismiss,
}: {
  title: string;
  button: string;
  send: (inviteeName: string) => Promise<ConsoleInvite | undefined>;
  pending: boolean;
  error: { message: string; details?: unknown } | undefined;
  dismiss: () => void;
}) {
  const [inviteeName, setInviteeName] = useState('');
  const [made, setMade] = useState<ConsoleInvite>();
  const submit = async () => {
    const invite = await send(inviteeName);
    if (invite) setMade(invite);
  };
  return (
    <View role="group" aria-label={title}>
      <InputField
        label="被邀请人姓名"
        value={inviteeName}
        onInput={setInviteeName}
        placeholder="真实姓名"
        hint="邀请码 72 小时内有效，只能用一次"
        error={
          (error?.details as { path?: string; message?: string }[] | undefined)?.find(
            (d) => d.path === 'body.inviteeName',
          )?.message
        }
      />
      <Problem of={{ error }} onDismiss={dismiss} />
      <Button
        className="street__submit"
        type="primary"
        size="large"
        block
        loading={pending}
        onClick={() => void submit()}
      >
        {button}
      </Button>
      {made ? <InviteCard invite={made} /> : null}
    </View>
  );
}

/** 邀请街道管理员 (platform admin only). */
export function OperatorInviteForm({ streetId, onSent }: { streetId: string; onSent: () => void }) {
  const invite = useOperatorInvite(streetId);
  return (
    <View className="linli-card">
      <Text className="street__name street__form-title">邀请街道管理员</Text>
      <InviteForm
        title="邀请街道管理员"
        button="生成邀请码"
        send={async (name) => {
          const made = await invite.submit(name);
          if (made) onSent();
          return made;
        }}
        pending={invite.pending}
        error={invite.error}
        dismiss={invite.dismiss}
      />
    </View>
  );
}

/** 新建社区 of this street. */
export function CreateCommunityForm({ streetId, onCreated }: { streetId: string; onCreated: () => void }) {
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const create = useCreateCommunity(streetId);
  const submit = async () => {
    const community = await create.submit({ name, address });
    if (!community) return;
    setName('');
    setAddress('');
    void Taro.showToast({ title: `已新建${community.name}`, icon: 'none', duration: 2000 });
    onCreated();
  };
  return (
    <View className="linli-card" role="group" aria-label="新建社区">
      <Text className="street__name street__form-title">新建社区</Text>
      <InputField
        label="社区名称"
        value={name}
        onInput={setName}
        placeholder="如 新华苑社区"
        error={create.fieldErrors.name}
      />
      <InputField
        label="社区地址"
        value={address}
        onInput={setAddress}
        placeholder="如 满城北街 18 号"
        error={create.fieldErrors.address}
      />
      <FormSubmit action={create} label="新建社区" onSubmit={() => void submit()} />
    </View>
  );
}

/** A community of the street: its data, 修改 and 邀请工作人员, each opened in place. */
export function CommunityRow({
  streetId,
  community,
  onChanged,
}: {
  streetId: string;
  community: StreetCommunity;
  onChanged: () => void;
}) {
  const [open, setOpen] = useState<'edit' | 'invite'>();
  const [name, setName] = useState(community.name);
  const [address, setAddress] = useState(community.address);
  const update = useUpdateCommunity(streetId);
  const invite = useStaffInvite(streetId);
  const save = async () => {
    const saved = await update.submit({ communityId: community.id, name, address });
    if (!saved) return;
    setOpen(undefined);
    void Taro.showToast({ title: '已保存', icon: 'none', duration: 2000 });
    onChanged();
  };
  const toggle = (what: 'edit' | 'invite') => setOpen((now) => (now === what ? undefined : what));
  return (
    <View className="street__list-item" role="group" aria-label={community.name}>
      <Text className="street__name">{community.name}</Text>
      <Text className="street__text linli-muted">{community.address}</Text>
      <View className="street__buttons">
        <Button className="street__button" size="large" onClick={() => toggle('edit')}>
          {open === 'edit' ? '收起修改' : '修改名称地址'}
        </Button>
        <Button className="street__button" type="primary" fill="outline" size="large" onClick={() => toggle('invite')}>
          {open === 'invite' ? '收起邀请' : '邀请工作人员'}
        </Button>
      </View>
      {open === 'edit' ? (
        <View role="group" aria-label={`修改${community.name}`}>
          <InputField label="社区名称" value={name} onInput={setName} error={update.fieldErrors.name} />
          <InputField label="社区地址" value={address} onInput={setAddress} error={update.fieldErrors.address} />
          <FormSubmit action={update} label="保存" onSubmit={() => void save()} />
        </View>
      ) : null}
      {open === 'invite' ? (
        <InviteForm
          title={`邀请${community.name}的工作人员`}
          button="生成工作人员邀请码"
          send={(inviteeName) => invite.submit({ communityId: community.id, inviteeName })}
          pending={invite.pending}
          error={invite.error}
          dismiss={invite.dismiss}
        />
      ) : null}
    </View>
  );
}
