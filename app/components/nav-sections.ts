// Pure: which sections the navigation shows a user, and how they sit on one line. A role with more daily sections
// than fit side by side at 1366 px (the outsourcer's manager has twelve) gets them grouped in menus — steering (live,
// report, alerts, agents, wallboard) and dialing (dialer, CDR import); a role with few keeps them flat, one click each. The
// administration pages are always one menu.
import type { SessionUser } from '@/server/auth/session-user';
import type { MessageKey } from '@/app/i18n/messages';
import { ADMINS, AGENT_ANALYSTS, AGENTS, CAMPAIGN_MANAGERS, EVALUATORS, PARTNERSHIP_MEMBERS } from '@/server/tenancy/roles';

type GroupId = 'steering' | 'dialing' | 'admin';

export interface NavLink {
  kind: 'link';
  href: string;
  label: MessageKey;
  roles?: readonly SessionUser['role'][];
  /** The pages of one side only (a client's admin holds `admin` too, but runs no dialer nor agents). */
  orgKind?: SessionUser['orgKind'];
  admin?: true;
  group?: GroupId;
}
export interface NavGroup { kind: 'group'; id: GroupId; label: MessageKey; links: NavLink[] }
export type NavEntry = NavLink | NavGroup;

const link = (href: string, label: MessageKey, o: Omit<NavLink, 'kind' | 'href' | 'label'> = {}): NavLink => ({ kind: 'link', href, label, ...o });

export const SECTIONS: readonly NavLink[] = [
  link('/', 'nav.home'),
  link('/campaigns', 'nav.campaigns'),
  link('/live', 'nav.live', { roles: PARTNERSHIP_MEMBERS, group: 'steering' }),
  link('/report', 'nav.report', { roles: PARTNERSHIP_MEMBERS, group: 'steering' }),
  link('/alerts', 'nav.alerts', { roles: PARTNERSHIP_MEMBERS, group: 'steering' }),
  link('/agents', 'nav.agents', { roles: AGENT_ANALYSTS, orgKind: 'outsourcer', group: 'steering' }),
  link('/wallboard', 'nav.wallboard', { roles: CAMPAIGN_MANAGERS, orgKind: 'outsourcer', group: 'steering' }),
  link('/team', 'nav.team', { roles: AGENT_ANALYSTS, orgKind: 'outsourcer' }),
  link('/quality', 'nav.quality', { roles: EVALUATORS, orgKind: 'outsourcer' }),
  link('/quality/surveys', 'nav.surveys', { roles: PARTNERSHIP_MEMBERS, orgKind: 'client' }),
  link('/workspace', 'nav.workspace', { roles: PARTNERSHIP_MEMBERS }),
  link('/desk', 'nav.desk', { roles: AGENTS, orgKind: 'outsourcer' }),
  link('/training', 'nav.training', { roles: AGENTS }),
  link('/dialer', 'nav.dialer', { roles: CAMPAIGN_MANAGERS, orgKind: 'outsourcer', group: 'dialing' }),
  link('/import', 'nav.import', { roles: CAMPAIGN_MANAGERS, orgKind: 'outsourcer', group: 'dialing' }),
  link('/settings', 'nav.settings', { roles: ADMINS, orgKind: 'outsourcer', admin: true }),
  link('/admin/users', 'nav.admin.users', { roles: ADMINS, admin: true }),
  link('/admin/teams', 'nav.admin.teams', { roles: CAMPAIGN_MANAGERS, orgKind: 'outsourcer', admin: true }),
  link('/admin/clients', 'nav.admin.clients', { roles: ADMINS, orgKind: 'outsourcer', admin: true }),
  link('/admin/audit', 'nav.audit', { roles: ADMINS, admin: true }),
  link('/admin/numbers', 'nav.numbers', { roles: CAMPAIGN_MANAGERS, admin: true }),
];

/** Daily sections that sit side by side at 1366 px beside the account menu; past it they are grouped. */
export const FLAT_MAX = 7;

const GROUP_LABEL: Record<GroupId, MessageKey> = { steering: 'nav.group.steering', dialing: 'nav.group.dialing', admin: 'nav.administration' };

export function navOf(user: Pick<SessionUser, 'role' | 'orgKind'>): { entries: NavEntry[]; flat: NavLink[]; isMember: boolean } {
  const flat = SECTIONS.filter((s) => (!s.roles || s.roles.includes(user.role)) && (!s.orgKind || s.orgKind === user.orgKind));
  const daily = flat.filter((s) => !s.admin);
  const grouping = daily.length > FLAT_MAX;
  const entries: NavEntry[] = [];
  const place = (s: NavLink, id: GroupId | undefined) => {
    if (!id) return void entries.push(s);
    const group = entries.find((e): e is NavGroup => e.kind === 'group' && e.id === id);
    if (group) group.links.push(s);
    else entries.push({ kind: 'group', id, label: GROUP_LABEL[id], links: [s] });
  };
  for (const s of flat) place(s, s.admin ? 'admin' : grouping ? s.group : undefined);
  // A group of one is a plain link: a menu to open for a single page is a click for nothing.
  return {
    entries: entries.map((e) => (e.kind === 'group' && e.links.length === 1 ? e.links[0]! : e)),
    flat,
    isMember: PARTNERSHIP_MEMBERS.includes(user.role),
  };
}
