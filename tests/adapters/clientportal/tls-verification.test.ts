import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientPortalBroker } from '../../../src/adapters/clientportal/clientportal.broker.js';
import { SystemClock } from '../../../src/adapters/clock/system.clock.js';
import { startGatewaySimulator, type GatewaySimulator } from '../../../src/adapters/gateway-sim/gateway-simulator.js';
import { useTempDir } from '../../infrastructure/temp-dir.js';
import { configFor } from '../gateway-sim/broker-over-simulator.js';
import { RecordingNotifier } from './support/recording-notifier.js';

const tempDir = useTempDir('tls');
let sim: GatewaySimulator;

beforeAll(async () => {
  sim = await startGatewaySimulator();
});

afterAll(async () => {
  await sim.close();
});

async function connectWith(overrides: Parameters<typeof configFor>[1]) {
  const broker = new ClientPortalBroker(configFor(sim, overrides), {
    clock: new SystemClock(),
    notifier: new RecordingNotifier(),
    logger: pino({ level: 'silent' }),
  });
  try {
    return await broker.connect();
  } finally {
    await broker.close();
  }
}

describe('TLS verification against a gateway with a self-signed certificate', () => {
  it('refuses the certificate when verification is on', async () => {
    await expect(connectWith({ insecureTls: false })).rejects.toThrow(/certificate|self.signed/i);
  });

  it('accepts it when the certificate is given as the CA to trust', async () => {
    const caFile = join(tempDir(), 'gateway.pem');
    writeFileSync(caFile, sim.certificate);
    await expect(connectWith({ insecureTls: false, caFile })).resolves.toMatchObject({ accountId: 'DU1234567' });
  });

  it('accepts it without checks only because the host is loopback and insecure TLS was asked for', async () => {
    await expect(connectWith({ insecureTls: true })).resolves.toMatchObject({ isPaper: true });
  });
});
