import { describe, expect, it } from 'vitest';
import { ClientPortalConfigError } from '../../../src/adapters/clientportal/errors/client-portal-config.error.js';
import { isLoopbackHost, tlsPolicyFor } from '../../../src/adapters/clientportal/tls-policy.js';

const settings = (baseUrl: string, insecureTls: boolean, caFile?: string) => ({
  baseUrl,
  insecureTls,
  composeServiceName: 'ibeam',
  ...(caFile === undefined ? {} : { caFile }),
});

describe('TLS policy for the gateway', () => {
  it.each([
    'https://127.0.0.1:5000',
    'https://127.4.5.6:5000',
    'https://localhost:5000',
    'https://LOCALHOST:5000',
    'https://[::1]:5000',
    'https://[::ffff:127.0.0.1]:5000',
    'https://ibeam:5000',
  ])('skips certificate checks for %s when asked to', (baseUrl) => {
    expect(tlsPolicyFor(settings(baseUrl, true))).toMatchObject({ verify: false });
  });

  it.each([
    'https://10.0.0.5:5000',
    'https://gateway.example.com:5000',
    'https://128.0.0.1:5000',
    'https://[::2]:5000',
  ])('refuses to skip certificate checks for %s, naming the host', (baseUrl) => {
    const host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '');
    expect(() => tlsPolicyFor(settings(baseUrl, true))).toThrow(ClientPortalConfigError);
    expect(() => tlsPolicyFor(settings(baseUrl, true))).toThrow(host);
  });

  it('keeps verification on, with the given CA, when insecure TLS is off', () => {
    expect(tlsPolicyFor(settings('https://gateway.example.com:5000', false, '/certs/gateway.pem'))).toEqual({
      verify: true,
      caFile: '/certs/gateway.pem',
    });
    expect(tlsPolicyFor(settings('https://127.0.0.1:5000', false))).toEqual({ verify: true });
  });

  it('only trusts the compose service name it was configured with', () => {
    expect(() => tlsPolicyFor({ ...settings('https://ibeam:5000', true), composeServiceName: 'gateway' })).toThrow(
      'ibeam',
    );
  });

  it('rejects a base URL that is not an http(s) URL', () => {
    expect(() => tlsPolicyFor(settings('not a url', false))).toThrow(ClientPortalConfigError);
    expect(() => tlsPolicyFor(settings('ftp://127.0.0.1:5000', false))).toThrow('https');
  });

  it('recognises loopback hosts and nothing else', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('::1')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('127.example.com')).toBe(false);
    expect(isLoopbackHost('192.168.1.10')).toBe(false);
    expect(isLoopbackHost('::ffff:10.0.0.1')).toBe(false);
  });
});
