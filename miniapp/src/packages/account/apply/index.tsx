import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { HomeAddressFields } from '../../../components/home-address';
import { PersonFields } from '../../../components/person-fields';
import { PageShell } from '../../../components/page-shell';
import { SignInFirst } from '../../../components/sign-in-first';
import { RequestStatus } from '../../../components/request-status';
import { SUB_PAGES } from '../../../constants';
import { useDraftForm } from '../../../hooks/use-draft-form';
import { useCommunity } from '../../../hooks/use-community';
import { useMe } from '../../../hooks/use-me';
import { useApplyMembership } from '../../../hooks/use-membership';
import { todayInShanghai } from '../../../services/form-rules';
import { askConsent } from '../../../services/subscribe';
import { goBackOrMine } from '../../../utils/navigation';
import { membershipDraftErrors, type MembershipDraft } from './rules';
import { useCurrentCommunity } from '../../../hooks/use-current-community';
import './index.css';

/** 申请居民认证: building, unit, room and who I am; staff check it against their records. */
export default function ApplyPage() {
  const me = useMe();
  const { communityId } = useCurrentCommunity();
  const community = useCommunity(communityId);
  const apply = useApplyMembership();
  const rejected = me.me?.latestApplication?.status === 'rejected' ? me.me.latestApplication : undefined;
  // A rejected application comes back filled in, so the person only corrects what was wrong.
  const today = todayInShanghai();
  const { draft, update, shown, check } = useDraftForm<MembershipDraft>(
    () => ({
      buildingId: rejected?.buildingId,
      unitId: rejected?.unitId,
      room: rejected?.room ?? '',
      realName: rejected?.realName ?? '',
      birthDate: '',
      phone: '',
    }),
    (next) => membershipDraftErrors(next, today),
    apply.fieldErrors,
  );

  const submit = async () => {
    if (!check()) {
      void Taro.showToast({ title: '请按红字提示修改', icon: 'none', duration: 2000 });
      return;
    }
    // Still inside the tap: WeChat shows the consent dialog only then. The result arrives as 审核结果通知.
    await askConsent(['topic']);
    const application = await apply.submit({
      communityId: community.data!.id,
      buildingId: draft.buildingId!,
      unitId: draft.unitId!,
      room: draft.room.trim(),
      realName: draft.realName.trim(),
      birthDate: draft.birthDate,
      phone: draft.phone.trim(),
    });
    if (!application) return;
    void Taro.showToast({ title: '已提交，请等待审核', icon: 'success', duration: 2000 });
    goBackOrMine();
  };

  if (!me.signedIn) {
    return (
      <PageShell className="apply">
        <SignInFirst
          titleClassName="apply__title"
          why="登录后才能申请居民认证。"
          textClassName="apply__text"
          buttonClassName="apply__submit"
        />
      </PageShell>
    );
  }

  if (me.me?.member || me.me?.latestApplication?.status === 'pending') {
    return (
      <PageShell className="apply">
        <View className="linli-card">
          <Text className="apply__title">{me.me.member ? '您已是认证居民' : '您的申请正在审核中'}</Text>
          <Text className="apply__text linli-muted">
            {me.me.member ? '无需重复申请。' : '社区工作人员核对后会尽快处理，请耐心等待。'}
          </Text>
          <Button className="apply__submit" size="large" block onClick={goBackOrMine}>
            返回我的
          </Button>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell className="apply">
      <View className="linli-card">
        <Text className="apply__title">{community.data?.name ?? '申请居民认证'}</Text>
        <Text className="apply__text linli-muted">
          请如实填写您的住址和身份信息，社区工作人员会与登记信息核对，一般 3 天内完成审核。
        </Text>
        {rejected ? (
          <Text className="apply__text apply__rejected">上次驳回原因：{rejected.reason ?? '未填写'}</Text>
        ) : null}
      </View>

      {community.data ? (
        <HomeAddressFields
          community={community.data}
          value={draft}
          onChange={update}
          errorOf={shown}
          buildingHint="选择您住的楼"
        />
      ) : !communityId ? (
        <View className="linli-card">
          <Text className="apply__text">请先找到您住的社区，再填写住址。</Text>
          <Button type="primary" onClick={() => void Taro.navigateTo({ url: SUB_PAGES.findCommunity })}>
            找到我的社区
          </Button>
        </View>
      ) : (
        <RequestStatus what="楼栋信息" loading={community.loading} error={community.error} onRetry={community.reload} />
      )}

      <View className="linli-card">
        <PersonFields
          value={draft}
          errorOf={shown}
          onChange={update}
          today={today}
          nameLabel="真实姓名"
          birthInitial="1960-01-01"
          phoneLabel="手机号"
          phoneHint="11 位手机号，只用于社区联系您"
        />
      </View>

      {apply.error && Object.keys(apply.fieldErrors).length === 0 ? (
        <Text className="apply__error" aria-live="assertive">
          {apply.error.message}
        </Text>
      ) : null}
      <Button
        className="apply__submit"
        type="primary"
        size="large"
        block
        loading={apply.pending}
        disabled={!community.data}
        onClick={() => void submit()}
      >
        提交申请
      </Button>
    </PageShell>
  );
}
