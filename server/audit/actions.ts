// Pure: what the audit log records (PRODUCT §9): every change to campaign settings and targets, users and roles,
// assignments, dialer controls, the number inventory, consent and API keys, and KPI alert rules. One name per kind of change.
export const AUDIT_ACTIONS = [
  'campaign.create', 'campaign.update', 'campaign.targets',
  'organization.create', 'partnership.create',
  'user.create', 'user.update', 'user.role', 'user.deactivate', 'user.reactivate', 'user.password_reset', 'user.password_set',
  'assignment.add', 'assignment.remove', 'team.update',
  'dialer.start', 'dialer.stop', 'dialer.mode', 'dialer.settings',
  'number.add', 'number.update', 'number.remove',
  'consent.import', 'consent.record', 'consent.withdraw',
  'apikey.create', 'apikey.revoke',
  'quality.grid', 'quality.sampling', 'quality.evaluation', 'quality.revision',
  'survey.settings', 'survey.followup',
  'recording.policy',
  'preview.skip',
  'alert_rule.create', 'alert_rule.update', 'alert_rule.delete',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The family of an action (`user`, `campaign`…), which the audit page filters on. */
export const AUDIT_FAMILIES = [...new Set(AUDIT_ACTIONS.map((a) => a.split('.')[0]!))];
