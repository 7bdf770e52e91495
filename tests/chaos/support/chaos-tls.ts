import { beforeAll } from 'vitest';
import type { TlsMaterial } from '../../../src/adapters/gateway-sim/gateway-sim.options.js';
import { selfSignedCertificate } from '../../../src/adapters/gateway-sim/http/certificate.js';

/** One self-signed certificate for every simulator the calling file starts; call the result to get it. */
export function useChaosTls(): () => TlsMaterial {
  let tls: TlsMaterial | undefined;
  beforeAll(async () => {
    tls = await selfSignedCertificate();
  });
  return () => {
    if (tls === undefined) throw new Error('useChaosTls: only available inside a test');
    return tls;
  };
}
