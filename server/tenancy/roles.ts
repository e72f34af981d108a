// Who may do what, by role: the groups the procedures check and the portal's navigation shows its pages by.
import type { Role } from '@/clickhouse/vocabulary';

/** The roles an outsourcer's staff may hold, and a client company's. */
export const OUTSOURCER_ROLES: readonly Role[] = ['manager', 'agent', 'quality', 'admin'];
export const CLIENT_ROLES: readonly Role[] = ['client', 'admin'];

/** Members of a partnership: both sides' staff but agents. They watch the KPIs, read reports and the workspace. */
export const PARTNERSHIP_MEMBERS: readonly Role[] = ['client', 'manager', 'quality', 'admin'];
/** Members who change the workspace: the client's staff and the outsourcer's managers. */
export const WORKSPACE_EDITORS: readonly Role[] = ['client', 'manager', 'admin'];
/** The outsourcer's staff who compare agents and see the team. */
export const AGENT_ANALYSTS: readonly Role[] = ['manager', 'quality', 'admin'];
/** Who runs campaigns: the dialer, CDR and contact imports, opt-out lists. */
export const CAMPAIGN_MANAGERS: readonly Role[] = ['manager', 'admin'];
export const ADMINS: readonly Role[] = ['admin'];
export const AGENTS: readonly Role[] = ['agent'];
/** Who evaluates calls, edits grids and runs the sampling queue (PRODUCT §7): the outsourcer's managers, quality staff, admins. */
export const EVALUATORS: readonly Role[] = ['manager', 'quality', 'admin'];
