// Pure: which portal pages a user may open, and the refusal they read on one they may not. The rule is the one the
// navigation already shows pages by (nav-sections.ts), so a page is open exactly when its link is offered — except
// the few pages listed below, open wider than the navigation shows them or reached without a link. A refused page
// says why instead of failing on its first query ("Une erreur est survenue.") or showing an empty frame; the data
// stays guarded by the procedures' own role lists whatever this says.
import type { SessionUser } from '@/server/auth/session-user';
import type { RefusalKey } from '@/server/trpc/refusals';
import { CAMPAIGN_MANAGERS, PARTNERSHIP_MEMBERS } from '@/server/tenancy/roles';
import { SECTIONS } from './nav-sections';

interface PageRule {
  href: string;
  roles?: readonly SessionUser['role'][];
  orgKind?: SessionUser['orgKind'];
}

/** Pages whose access is not their navigation link's; checked before the links. */
const OVERRIDES: readonly PageRule[] = [
  // Linked in the navigation for managers only, but every partnership member's home links the wall TV (home.wallboard).
  { href: '/wallboard', roles: PARTNERSHIP_MEMBERS },
  // Linked for the client side; the contact center's members reach it through the quality tabs (surveys router).
  { href: '/quality/surveys', roles: PARTNERSHIP_MEMBERS },
  // No link of its own (a button on /campaigns): the procedures that create campaigns are the contact center's.
  { href: '/campaigns/new', roles: CAMPAIGN_MANAGERS, orgKind: 'outsourcer' },
];

const under = (pathname: string, href: string) => href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);

/** The rule of the page at `pathname`: the most specific of the overrides and the navigation's links (by prefix). */
export function pageRule(pathname: string): PageRule | undefined {
  const longest = (rules: readonly PageRule[]) =>
    rules.filter((r) => under(pathname, r.href)).sort((a, b) => b.href.length - a.href.length)[0];
  return longest(OVERRIDES) ?? longest(SECTIONS);
}

export type Refusal = { key: Extract<RefusalKey, 'error.reserved'>; vars: { roles: string } } | { key: Extract<RefusalKey, 'error.outsourcerOnly'>; vars: Record<string, never> };

/**
 * Why `user` may not open `pathname`, or null when they may (an unknown address too: the not-found page answers it).
 * The wrong role reads as the procedures' own refusal (« Réservé aux rôles : … », the roles as codes, named in the
 * reader's language by refusalVars); the right role on the wrong side (a client's admin on /agents) as
 * « Réservé au centre de contacts. », the only side these pages exist for.
 */
export function pageRefusal(user: Pick<SessionUser, 'role' | 'orgKind'>, pathname: string): Refusal | null {
  const rule = pageRule(pathname);
  if (!rule) return null;
  if (rule.roles && !rule.roles.includes(user.role)) return { key: 'error.reserved', vars: { roles: rule.roles.join(', ') } };
  if (rule.orgKind && rule.orgKind !== user.orgKind) return { key: 'error.outsourcerOnly', vars: {} };
  return null;
}
