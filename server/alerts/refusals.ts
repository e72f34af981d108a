// Refusals of the KPI alerts, FR and EN (spread into server/trpc/refusals.ts).
export const alertErrorsFr = {
  'error.noSuch.alertRule': 'Règle d’alerte introuvable pour cette campagne.',
  'error.noSuch.alert': 'Alerte introuvable pour cette campagne.',
  'error.alertRulesOutsourcer': 'Seuls les managers et administrateurs du centre de contacts créent et modifient les règles d’alerte ; vos attentes passent par les objectifs du brief.',
  'error.alertAcknowledgeOutsourcer': 'Seuls les managers et administrateurs du centre de contacts acquittent les alertes.',
  'error.alertRuleLegal': 'La règle légale (abandon réglementaire au-dessus de 3 %) ne peut être ni modifiée ni supprimée.',
  'error.alertKpiDirection': 'Cet indicateur ne concerne pas les campagnes de ce sens.',
  'error.alertCleared': 'Cette alerte est déjà levée : il n’y a plus rien à acquitter.',
};

export const alertErrorsEn: Record<keyof typeof alertErrorsFr, string> = {
  'error.noSuch.alertRule': 'No such alert rule for this campaign.',
  'error.noSuch.alert': 'No such alert for this campaign.',
  'error.alertRulesOutsourcer': 'Only the contact center’s managers and admins create and change alert rules; your expectations go in the brief’s targets.',
  'error.alertAcknowledgeOutsourcer': 'Only the contact center’s managers and admins acknowledge alerts.',
  'error.alertRuleLegal': 'The legal rule (regulatory abandon over 3 %) can be neither changed nor deleted.',
  'error.alertKpiDirection': 'This KPI does not apply to campaigns of this direction.',
  'error.alertCleared': 'This alert has already cleared: there is nothing left to acknowledge.',
};
