import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TlsMaterial } from '../gateway-sim.options.js';

const run = promisify(execFile);

/** openssl is needed to make the simulator's certificate and could not be run. */
export class CertificateToolMissing extends Error {
  constructor(readonly detail: string) {
    super(
      `the gateway simulator makes its self-signed certificate with openssl, which could not be run (${detail}); install openssl or pass options.tls`,
    );
    this.name = 'CertificateToolMissing';
  }
}

/**
 * A fresh self-signed certificate for 127.0.0.1 (and localhost), like the one the real gateway serves,
 * made by the openssl command line in a temporary directory that is removed afterwards. Node has no
 * X.509 generator of its own.
 */
export async function selfSignedCertificate(openssl = 'openssl'): Promise<TlsMaterial> {
  const dir = await mkdtemp(join(tmpdir(), 'skim-gateway-sim-'));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  try {
    await run(
      openssl,
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        keyFile,
        '-out',
        certFile,
        '-days',
        '7',
        '-subj',
        '/CN=127.0.0.1/O=Skim gateway simulator',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ],
      { timeout: 30_000 },
    );
    const [key, cert] = await Promise.all([readFile(keyFile, 'utf8'), readFile(certFile, 'utf8')]);
    return { key, cert };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') throw new CertificateToolMissing(`${openssl} is not on the PATH`);
    throw new CertificateToolMissing(error instanceof Error ? error.message : String(error));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
