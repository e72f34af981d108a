import { describe, expect, it } from 'vitest';
import { FLAT_MAX, navOf, type NavEntry } from './nav-sections';

const shape = (entries: NavEntry[]) => entries.map((e) => (e.kind === 'link' ? e.href : `${e.id}: ${e.links.map((l) => l.href).join(' ')}`));

describe('the navigation of each role', () => {
  it('groups the outsourcer manager’s twelve daily sections into steering and dialing menus, the administration in one menu', () => {
    expect(shape(navOf({ role: 'manager', orgKind: 'outsourcer' }).entries)).toEqual([
      '/', '/campaigns', 'steering: /live /report /alerts /agents /wallboard', '/team', '/quality', '/workspace',
      'dialing: /dialer /import', 'admin: /admin/teams /admin/numbers',
    ]);
  });

  it('keeps a client’s few sections flat, one click each', () => {
    const client = navOf({ role: 'admin', orgKind: 'client' });
    expect(shape(client.entries)).toEqual(['/', '/campaigns', '/live', '/report', '/alerts', '/quality/surveys', '/workspace', 'admin: /admin/users /admin/audit /admin/numbers']);
    expect(client.flat.filter((s) => !s.admin).length).toBeLessThanOrEqual(FLAT_MAX);
  });

  it('gives an agent their desk and training, and no administration', () => {
    expect(shape(navOf({ role: 'agent', orgKind: 'outsourcer' }).entries)).toEqual(['/', '/campaigns', '/desk', '/training']);
  });

  it('never shows another side’s pages: a client-org admin has no dialer, agents or settings', () => {
    const hrefs = navOf({ role: 'admin', orgKind: 'client' }).flat.map((s) => s.href);
    for (const page of ['/dialer', '/agents', '/settings', '/team', '/desk', '/wallboard']) expect(hrefs).not.toContain(page);
  });
});
