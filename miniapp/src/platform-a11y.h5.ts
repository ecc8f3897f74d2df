/**
 * H5 only. Taro draws each page in a scrolling <div class="taro_page">. A keyboard user can only
 * scroll it when it can take focus (WCAG 2.1.1), so every page container gets tabindex=0 as it
 * appears. The mini-program's pages are WeChat's own and need nothing (platform-a11y.ts).
 */
function makePagesFocusable(): void {
  document.querySelectorAll('.taro_page:not([tabindex])').forEach((page) => page.setAttribute('tabindex', '0'));
}

/**
 * Taro's H5 title bar draws back and home as bare <div>s with an icon: they get a button role,
 * a Chinese name and keyboard activation, once.
 */
function nameTitleBarButtons(): void {
  for (const [selector, name] of [
    ['#taro-navigation-bar .taro-navigation-bar-back', '返回'],
    ['#taro-navigation-bar .taro-navigation-bar-home', '回到首页'],
  ] as const) {
    const button = document.querySelector(selector);
    if (!button || button.getAttribute('role') === 'button') continue;
    button.setAttribute('role', 'button');
    button.setAttribute('aria-label', name);
    button.setAttribute('tabindex', '0');
    button.addEventListener('keydown', (event) => {
      const key = (event as KeyboardEvent).key;
      if (key === 'Enter' || key === ' ') (button as HTMLElement).click();
    });
  }
  document.querySelector('#taro-navigation-bar .taro-navigation-bar-title')?.setAttribute('role', 'heading');
  document.querySelector('#taro-navigation-bar .taro-navigation-bar-title')?.setAttribute('aria-level', '1');
}

function improveChrome(): void {
  makePagesFocusable();
  nameTitleBarButtons();
}

if (typeof document !== 'undefined' && typeof MutationObserver !== 'undefined') {
  improveChrome();
  new MutationObserver(improveChrome).observe(document.body, { childList: true, subtree: true });
}

export {};
