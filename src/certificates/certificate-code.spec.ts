import { normalizeCertificateCode } from './certificate-code';

describe('normalizeCertificateCode', () => {
  it('reads a code as printed, in any case, spacing or dashing', () => {
    expect(normalizeCertificateCode('7K3M-9QRT-2XZ0')).toBe('7K3M-9QRT-2XZ0');
    expect(normalizeCertificateCode(' 7k3m 9qrt 2xz0 ')).toBe('7K3M-9QRT-2XZ0');
    expect(normalizeCertificateCode('7K3M9QRT2XZ0')).toBe('7K3M-9QRT-2XZ0');
  });

  it('reads the look-alikes O, I, L as 0, 1, 1', () => {
    expect(normalizeCertificateCode('OIL0-1111-0000')).toBe('0110-1111-0000');
    expect(normalizeCertificateCode('oil0-i111-0000')).toBe('0110-1111-0000');
  });

  it('refuses what cannot be a code', () => {
    for (const typed of ['', '7K3M-9QRT-2XZ', '7K3M-9QRT-2XZ00', '7K3M-9QRT-2XZU', '7K3M_9QRT_2XZ0', 'ÄK3M-9QRT-2XZ0', '7'.repeat(65), `${'-'.repeat(60)}7K3M9QRT2XZ0`]) {
      expect(normalizeCertificateCode(typed)).toBeNull();
    }
  });
});
