import { act, fireEvent, render, screen } from '@testing-library/react';
import { redirectTo } from '../../../../../tests/helpers/taro-mock';
import { community } from '../../../../../tests/helpers/council-fixtures';
import { textareaEvent, wish } from '../../../../../tests/helpers/care-fixtures';
import { expectEveryFieldNamedByItsLabel } from '../../../../../tests/helpers/labelled-fields';
import { dependentLink, me } from '../../../../../tests/helpers/miniapp-fixtures';
import { signedInAs as signIn } from '../../../../../tests/helpers/signed-in';
import { startActingFor } from '../../../services/acting-for';
import { type Me } from '../../../services/me';
import PostWishPage from './index';
import { resetClientState } from '../../../../../tests/helpers/client-state';

/** Signed in, with 安居苑 answering as the community. */
const signedInAs = (answer: Me, routes: Record<string, unknown> = {}) =>
  signIn(answer, { 'GET /community/anjuyuan': community, ...(routes as object) });

const typeWish = (text: string) =>
  act(() => {
    textareaEvent('心愿').dispatchEvent(new CustomEvent('input', { detail: { value: text } }));
  });

beforeEach(() => {
  resetClientState();
});

describe('许个心愿 page', () => {
  it('lets a caregiver post for the elder (代办): counts the characters as typed and sends the choices', async () => {
    const link = dependentLink({ status: 'active' });
    const sent = signedInAs(me({ dependents: [link] }), {
      'POST /community/anjuyuan/wishes': wish({ status: 'pending_review', wisherName: '李秀英' }),
    });
    startActingFor({ memberId: 'm-li', realName: '李秀英', age: 86, userId: 'u-1' });

    render(<PostWishPage />);

    expect(await screen.findByText('为李秀英许个心愿')).toBeTruthy();
    expectEveryFieldNamedByItsLabel(document.body);
    typeWish('想要一台收音机');
    expect(screen.getByText('已写 7 字，最多 100 字')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: '生活用品' }));
    fireEvent.click(screen.getByRole('radio', { name: '社区转交 放在社区服务站，由社区转交' }));
    fireEvent.click(screen.getByRole('radio', { name: '1号楼 李** 楼栋和姓氏' }));
    fireEvent.click(screen.getByText('提交心愿'));

    await act(async () => {});
    const post = sent.find((s) => s.method === 'POST')!;
    expect(post.header['X-Acting-For']).toBe('m-li');
    expect(post.data).toEqual({
      text: '想要一台收音机',
      category: '生活用品',
      handover: '社区转交',
      showBuilding: true,
    });
    expect(redirectTo).toHaveBeenCalledWith({
      url: '/packages/care/wish/index?communityId=anjuyuan&wishId=wish-1',
    });
  });

  it('names what is missing and sends nothing', async () => {
    const sent = signedInAs(me());

    render(<PostWishPage />);
    await screen.findByText('提交心愿');
    typeWish('收音');
    fireEvent.click(screen.getByText('提交心愿'));

    expect(await screen.findByText('请把心愿写清楚（至少 4 个字）')).toBeTruthy();
    expect(screen.getByText('请选择心愿类别')).toBeTruthy();
    expect(screen.getByText('请选择怎么送达')).toBeTruthy();
    expect(screen.getByRole('radio', { name: '1号楼 王** 楼栋和姓氏' }).getAttribute('aria-checked')).toBe('true');
    expect(sent.filter((s) => s.method === 'POST')).toEqual([]);
  });
});
