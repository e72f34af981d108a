import { describe, expect, it } from 'vitest';
import { pageRefusal, pageRule } from './page-access';
import { navOf, SECTIONS } from './nav-sections';
import { refusalText } from '@/server/trpc/refusals';

const client = { role: 'client', orgKind: 'client' } as const;
const clientAdmin = { role: 'admin', orgKind: 'client' } as const;
const agent = { role: 'agent', orgKind: 'outsourcer' } as const;
const manager = { role: 'manager', orgKind: 'outsourcer' } as const;
const quality = { role: 'quality', orgKind: 'outsourcer' } as const;
const admin = { role: 'admin', orgKind: 'outsourcer' } as const;

const text = (locale: 'fr' | 'en', user: Parameters<typeof pageRefusal>[0], path: string) => {
  const refusal = pageRefusal(user, path);
  return refusal && refusalText(locale, refusal.key, refusal.vars);
};

describe('which pages a role may open', () => {
  it('refuses the audit’s pages with the procedures’ words, the roles named in the reader’s language', () => {
    expect(text('fr', client, '/agents')).toBe('Réservé aux rôles : manager, qualité, administrateur.');
    expect(text('fr', client, '/dialer')).toBe('Réservé aux rôles : manager, administrateur.');
    expect(text('fr', agent, '/live')).toBe('Réservé aux rôles : client, manager, qualité, administrateur.');
    expect(text('fr', agent, '/wallboard')).toBe('Réservé aux rôles : client, manager, qualité, administrateur.');
    expect(text('en', client, '/dialer')).toBe('Reserved to: manager, administrator.');
  });

  it('tells the right role on the wrong side that the page is the contact center’s', () => {
    for (const path of ['/agents', '/dialer', '/settings', '/team', '/admin/teams', '/admin/clients', '/campaigns/new']) {
      expect(text('fr', clientAdmin, path), path).toBe('Réservé au centre de contacts.');
    }
  });

  it('opens every page of a user’s navigation to them', () => {
    for (const user of [client, clientAdmin, agent, manager, quality, admin]) {
      for (const link of navOf(user).flat) expect(pageRefusal(user, link.href), `${user.role}/${user.orgKind} ${link.href}`).toBeNull();
    }
  });

  it('opens the pages reached without a navigation link to whom the server serves them', () => {
    expect(pageRefusal(client, '/wallboard')).toBeNull();
    expect(pageRefusal(quality, '/wallboard')).toBeNull();
    expect(pageRefusal(manager, '/quality/surveys')).toBeNull();
    expect(pageRefusal(manager, '/campaigns/new')).toBeNull();
    expect(pageRefusal(client, '/campaigns/c-1/settings')).toBeNull();
    expect(pageRefusal(agent, '/workspace')).toMatchObject({ key: 'error.reserved' });
  });

  it('applies a page’s rule to the pages under it, the most specific first', () => {
    expect(pageRule('/quality/evaluate/call-1')?.href).toBe('/quality');
    expect(pageRule('/quality/grids')?.href).toBe('/quality');
    expect(pageRule('/quality/surveys')?.href).toBe('/quality/surveys');
    expect(pageRule('/live')?.href).toBe('/live');
    expect(pageRule('/livestock')).toBeUndefined();
    expect(pageRefusal(client, '/quality/calibration')).toMatchObject({ key: 'error.reserved' });
    expect(pageRefusal(agent, '/nulle-part/ici')).toBeNull();
  });

  it('has no page kept to the client side: the one link shown to clients only is opened wider', () => {
    for (const link of SECTIONS.filter((s) => s.orgKind === 'client')) expect(pageRule(link.href)?.orgKind, link.href).toBeUndefined();
  });
});
