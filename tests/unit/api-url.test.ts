import { joinUrl } from '../../miniapp/src/services/url';

describe('joining the API base URL and a route path', () => {
  it('puts exactly one slash between a base with a trailing slash and a path', () => {
    expect(joinUrl('https://abc123.execute-api.cn-northwest-1.amazonaws.com.cn/', '/communities/c1')).toBe(
      'https://abc123.execute-api.cn-northwest-1.amazonaws.com.cn/communities/c1',
    );
  });

  it('keeps a base without a trailing slash, a path prefix and a custom domain as they are', () => {
    expect(joinUrl('https://api.linli.example.cn', '/me')).toBe('https://api.linli.example.cn/me');
    expect(joinUrl('/api', '/me')).toBe('/api/me');
    expect(joinUrl('http://127.0.0.1:3001', 'me')).toBe('http://127.0.0.1:3001/me');
  });
});
