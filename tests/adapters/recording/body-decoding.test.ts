import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../../src/adapters/recording/body-decoding.js';

describe('decodeBody', () => {
  it('decodes UTF-8 when no charset is named', () => {
    expect(decodeBody(Buffer.from('Société Générale', 'utf8'), 'text/html')).toBe('Société Générale');
    expect(decodeBody(Buffer.from('Ōtaki', 'utf8'), undefined)).toBe('Ōtaki');
  });

  it('honours a charset parameter, quoted or not, in any case', () => {
    const latin1 = Buffer.from('Société', 'latin1');
    expect(decodeBody(latin1, 'text/html; charset=ISO-8859-1')).toBe('Société');
    expect(decodeBody(latin1, 'text/html;charset="windows-1252"')).toBe('Société');
  });

  it('falls back to UTF-8 for an unknown charset', () => {
    expect(decodeBody(Buffer.from('é', 'utf8'), 'text/html; charset=klingon')).toBe('é');
  });
});
