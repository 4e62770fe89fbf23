import { checkUri, parseAllowList } from './uri-allow-list';

describe('upload URI allow-list', () => {
  const rules = parseAllowList('https://*.example.com, http://127.0.0.1:*, https://repo.test:8443');
  const code = (uri: string) => {
    try {
      checkUri(uri, rules);
      return 'ok';
    } catch (e) {
      return (e as { code: string }).code;
    }
  };
  it('accepts what a rule names', () => {
    expect(code('https://a.example.com/p.zip')).toBe('ok');
    expect(code('https://a.b.example.com/p.zip')).toBe('ok');
    expect(code('http://127.0.0.1:9000/p.zip')).toBe('ok');
    expect(code('https://repo.test:8443/x')).toBe('ok');
  });
  it('refuses other schemes, hosts, ports and embedded credentials', () => {
    expect(code('http://a.example.com/p.zip')).toBe('UNPROCESSABLE');
    expect(code('https://example.com.evil.org/p')).toBe('UNPROCESSABLE');
    expect(code('https://repo.test/x')).toBe('UNPROCESSABLE');
    expect(code('file:///etc/passwd')).toBe('UNPROCESSABLE');
    expect(code('https://u:p@a.example.com/p')).toBe('BAD_REQUEST');
    expect(code('not a uri')).toBe('BAD_REQUEST');
  });
  it('rejects malformed rules', () => {
    expect(() => parseAllowList('ftp://x')).toThrow(/scheme:\/\/host/);
  });
});
