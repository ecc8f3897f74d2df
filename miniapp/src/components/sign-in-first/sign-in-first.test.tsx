import { fireEvent, render, screen } from '@testing-library/react';
import { navigateTo, resetTaroMock } from '../../../../tests/helpers/taro-mock';
import { SignInFirst } from '.';

describe('SignInFirst', () => {
  beforeEach(() => resetTaroMock());

  it('says why signing in is needed, in the page’s own classes, and opens the login page', () => {
    const { container } = render(
      <SignInFirst titleClassName="staff__title" why="仅供社区工作人员使用。" textClassName="staff__text" />,
    );

    expect(screen.getByText('请先登录').className).toContain('staff__title');
    expect(screen.getByText('仅供社区工作人员使用。').className).toBe('staff__text linli-muted');
    fireEvent.click(screen.getByText('登录'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/account/login/index' });
    expect(container.querySelectorAll('.linli-muted')).toHaveLength(1);
  });

  it('shows only the title and the button when there is nothing more to say', () => {
    const { container } = render(<SignInFirst titleClassName="dependents__title" />);

    expect(screen.getByText('请先登录')).toBeTruthy();
    expect(screen.getByText('登录')).toBeTruthy();
    expect(container.querySelectorAll('.linli-muted')).toHaveLength(0);
  });
});
