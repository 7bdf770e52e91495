import { X509Certificate } from 'node:crypto';
import { Agent, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { startGatewaySimulator, type GatewaySimulator } from '../../../src/adapters/gateway-sim/gateway-simulator.js';
import { CertificateToolMissing, selfSignedCertificate } from '../../../src/adapters/gateway-sim/http/certificate.js';
import { InvalidValue } from '../../../src/domain/errors/invalid-value.error.js';
import { testTls } from './sim-client.js';

describe('gateway simulator certificate and options', () => {
  const open: { sim: GatewaySimulator; agents: Agent[] }[] = [];
  afterEach(async () => {
    for (const { sim, agents } of open.splice(0)) {
      for (const agent of agents) await agent.close();
      await sim.close();
    }
  });

  it('makes a self-signed certificate for 127.0.0.1 and localhost with openssl', async () => {
    const { cert } = await selfSignedCertificate();
    const x509 = new X509Certificate(cert);
    expect(x509.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(x509.subjectAltName).toContain('DNS:localhost');
    expect(x509.issuer).toBe(x509.subject);
  });

  it('says what is missing when openssl cannot be run', async () => {
    const failure = selfSignedCertificate('/nonexistent/openssl');
    await expect(failure).rejects.toBeInstanceOf(CertificateToolMissing);
    await expect(failure).rejects.toThrow(/not on the PATH.*options\.tls/);
  });

  it('serves a certificate that verifies when trusted, and is refused when not', async () => {
    const sim = await startGatewaySimulator({ tls: await testTls() });
    const trusting = new Agent({ connect: { ca: sim.certificate } });
    const untrusting = new Agent();
    open.push({ sim, agents: [trusting, untrusting] });
    const url = `${sim.url}/v1/api/iserver/auth/status`;

    const trusted = await request(url, { dispatcher: trusting });
    await trusted.body.dump();

    expect(trusted.statusCode).toBe(200);
    await expect(request(url, { dispatcher: untrusting })).rejects.toThrow(/self[- ]signed/i);
  });

  it('refuses options it cannot honour', async () => {
    const tls = await testTls();
    await expect(startGatewaySimulator({ tls, host: 'localhost' })).rejects.toBeInstanceOf(InvalidValue);
    await expect(startGatewaySimulator({ tls, accountId: 'paper' })).rejects.toBeInstanceOf(InvalidValue);
    await expect(startGatewaySimulator({ tls, port: 70_000 })).rejects.toBeInstanceOf(InvalidValue);
    await expect(startGatewaySimulator({ tls, positionsPageSize: 0 })).rejects.toBeInstanceOf(InvalidValue);
  });
});
