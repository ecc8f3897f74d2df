import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import {
  getStorageSync,
  navigateTo,
  request,
  resetTaroMock,
  setClipboardData,
  setStorageSync,
  showToast,
} from '../../../../tests/helpers/taro-mock';
import { SUB_PAGES } from '../../constants';
import { copyToClipboard } from '../../services/privacy-apis';
import { CONSENT_STORAGE_KEY, PRIVACY_GUIDE_VERSION, resetConsentSheet } from '../../services/privacy-consent';
import { PageShell } from '../page-shell';

function renderPage() {
  return render(
    <PageShell>
      <span>晒事栏</span>
    </PageShell>,
  );
}

beforeEach(() => {
  resetTaroMock();
  resetConsentSheet();
});

describe('privacy consent sheet (H5: before the first privacy API)', () => {
  it('says what is collected and why, links the full guide, and copies nothing until agreed', async () => {
    renderPage();
    let copied: Promise<void> | undefined;
    act(() => {
      copied = copyToClipboard('https://linli.example/#/topic');
    });

    const sheet = await screen.findByRole('dialog', { name: '邻里隐私保护提示' });
    for (const item of ['姓名', '出生日期', '楼栋和房号', '手机号', '摄像头', '相册中选择的照片', '剪贴板（仅写入）']) {
      expect(sheet.textContent).toContain(item);
    }
    expect(setClipboardData).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('link', { name: '阅读完整的《邻里隐私保护指引》' }));
    expect(navigateTo).toHaveBeenCalledWith({ url: SUB_PAGES.privacyGuide });

    await act(async () => {
      fireEvent.click(screen.getByText('同意并继续'));
      await copied;
    });
    expect(setClipboardData).toHaveBeenCalledWith({ data: 'https://linli.example/#/topic' });
    expect(getStorageSync(CONSENT_STORAGE_KEY)).toMatchObject({ version: PRIVACY_GUIDE_VERSION });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('leaves the page usable and copies nothing when declined, and asks again next time', async () => {
    renderPage();
    let copied: Promise<void> | undefined;
    act(() => {
      copied = copyToClipboard('link');
    });
    fireEvent.click(await screen.findByText('不同意'));

    await expect(copied).rejects.toThrow('同意《邻里隐私保护指引》后才能复制');
    expect(setClipboardData).not.toHaveBeenCalled();
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '同意隐私保护指引后才能复制' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('晒事栏')).toBeTruthy();

    act(() => {
      void copyToClipboard('link').catch(() => undefined);
    });
    expect(await screen.findByRole('dialog')).toBeTruthy();
  });

  it('does not ask again once the guide in force was agreed to', async () => {
    setStorageSync(CONSENT_STORAGE_KEY, { version: PRIVACY_GUIDE_VERSION, agreedAt: '2026-12-04T01:00:00.000Z' });
    renderPage();

    await act(() => copyToClipboard('link'));

    expect(setClipboardData).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks again when the guide changed since the stored agreement', async () => {
    setStorageSync(CONSENT_STORAGE_KEY, { version: '2025-01-01', agreedAt: '2025-01-01T01:00:00.000Z' });
    renderPage();
    act(() => {
      void copyToClipboard('link').catch(() => undefined);
    });
    await waitFor(() => expect(screen.getByRole('dialog')).toBeTruthy());
    expect(request).not.toHaveBeenCalled();
  });
});
