// POST /api/files's work for a signed-in caller, on a real engine: a campaign of another partnership than the one
// named is refused, though the manager sees both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenancy } from '@/clickhouse/queries/tenancy';
import { workspace } from '@/clickhouse/queries/workspace';
import { openTestEngine, type TestEngine } from '@/clickhouse/testing/engine';
import { authorizeCredentials } from '@/server/auth/credentials';
import { DEMO_PASSWORD, seedDemo } from '@/server/seed/demo';
import { loadScope } from '@/server/tenancy/load-scope';
import { receiveUpload } from './upload-request';

let engine: TestEngine;
beforeAll(async () => {
  engine = await openTestEngine();
  process.env.RELAIS_DATA_DIR = engine.dir;
  await seedDemo(engine.ch);
});
afterAll(() => engine.close());

describe('receiveUpload', () => {
  it('refuses a contact file for one partnership on another partnership’s campaign, and stores nothing', async () => {
    const user = (await authorizeCredentials(engine.ch, 'manager@callpro.test', DEMO_PASSWORD))!;
    const scope = (await loadScope(engine.ch, user.id))!;
    const partnerships = await tenancy.partnershipsOfOrg(engine.ch, user.orgId);
    const campaigns = await tenancy.campaignsOfPartnerships(engine.ch, partnerships.map((p) => p.id));
    const acmeOut = campaigns.find((c) => c.code === 'ACME-OUT')!;
    const horizonOut = campaigns.find((c) => c.code === 'HORIZON-OUT')!;
    const upload = (partnership: string, campaign: string) => receiveUpload({ ch: engine.ch, user, scope }, new Request(
      `http://portal.test/api/files?purpose=contacts&partnership=${partnership}&campaign=${campaign}&name=liste.csv`,
      { method: 'POST', body: 'nom;tel\nA;0612345678\n', headers: { 'content-type': 'text/csv' } },
    ));
    const crossed = await upload(acmeOut.partnership_id, horizonOut.id);
    expect(crossed.status).toBe(404);
    expect(await workspace.filesOfPartnership(engine.ch, acmeOut.partnership_id, 'contacts')).toEqual([]);
    expect(await workspace.filesOfPartnership(engine.ch, horizonOut.partnership_id, 'contacts')).toEqual([]);
    const own = await upload(acmeOut.partnership_id, acmeOut.id);
    expect(own.status).toBe(201);
    expect((await workspace.filesOfPartnership(engine.ch, acmeOut.partnership_id, 'contacts')).map((f) => f.name)).toEqual(['liste.csv']);
  });
});
