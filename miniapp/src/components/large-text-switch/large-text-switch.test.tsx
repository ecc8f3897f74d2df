import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { getAppBaseInfo, getStorageSync, resetTaroMock, setStorageSync } from '../../../../tests/helpers/taro-mock';
import { LARGE_TEXT_STORAGE_KEY, resetLargeTextCache } from '../../hooks/use-large-text';
import { PageShell } from '../page-shell';
import { LargeTextSwitch } from '.';

function renderMinePage() {
  const view = render(
    <PageShell>
      <LargeTextSwitch />
    </PageShell>,
  );
  const root = () => view.container.firstElementChild as HTMLElement;
  return { ...view, root, toggle: () => screen.getByLabelText('大字模式') };
}

beforeEach(() => {
  resetTaroMock();
  resetLargeTextCache();
});

describe('LargeTextSwitch', () => {
  it('starts off when nothing is stored', () => {
    const page = renderMinePage();

    expect(page.root().className).not.toContain('linli-page--large');
    expect(screen.getByText('开启后全部文字放大')).toBeTruthy();
  });

  it('turns large text on for the page root and remembers it', async () => {
    const page = renderMinePage();

    fireEvent.click(page.toggle());

    await waitFor(() => expect(page.root().className).toContain('linli-page--large'));
    expect(screen.getByText('已开启，文字更大更清楚')).toBeTruthy();
    expect(getStorageSync(LARGE_TEXT_STORAGE_KEY)).toBe(true);
  });

  it('applies a stored choice on launch and turns it off again', async () => {
    setStorageSync(LARGE_TEXT_STORAGE_KEY, true);
    const page = renderMinePage();
    expect(page.root().className).toContain('linli-page--large');

    await act(async () => {
      fireEvent.click(page.toggle());
    });

    await waitFor(() => expect(page.root().className).not.toContain('linli-page--large'));
  });

  it('updates every mounted page, not only the one with the switch', async () => {
    const other = render(<PageShell>首页</PageShell>);
    const page = renderMinePage();

    fireEvent.click(page.toggle());

    await waitFor(() =>
      expect((other.container.firstElementChild as HTMLElement).className).toContain('linli-page--large'),
    );
  });

  it('starts in 大字模式 when the person chose large text in WeChat, and the switch still turns it off', async () => {
    getAppBaseInfo.mockReturnValueOnce({ fontSizeSetting: 22 });
    const page = renderMinePage();

    expect(page.root().className).toContain('linli-page--large');
    fireEvent.click(page.toggle());
    await waitFor(() => expect(page.root().className).not.toContain('linli-page--large'));
    expect(getStorageSync(LARGE_TEXT_STORAGE_KEY)).toBe(false);
  });

  it('keeps the choice made in Linli over WeChat’s text size', () => {
    setStorageSync(LARGE_TEXT_STORAGE_KEY, false);
    const page = renderMinePage();

    expect(page.root().className).not.toContain('linli-page--large');
    // A stored choice means WeChat's setting is not even read.
    expect(getAppBaseInfo).not.toHaveBeenCalled();
  });

  it('stays in normal text at WeChat’s standard size', () => {
    getAppBaseInfo.mockReturnValueOnce({ fontSizeSetting: 17 });
    const page = renderMinePage();

    expect(page.root().className).not.toContain('linli-page--large');
    expect(getAppBaseInfo).toHaveBeenCalled();
  });
});
