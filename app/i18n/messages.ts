// Every text of the portal in French and English; French first, the users are French contact-center staff.
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = 'relais_locale';

const fr = {
  'app.tagline': 'Le portail partagé entre donneur d’ordre et centre de contacts',
  'nav.home': 'Accueil',
  'nav.campaigns': 'Campagnes',
  'nav.team': 'Équipe',
  'nav.signout': 'Se déconnecter',
  'nav.language': 'Langue',
  'signin.title': 'Connexion à Relais',
  'signin.email': 'Adresse e-mail',
  'signin.password': 'Mot de passe',
  'signin.submit': 'Se connecter',
  'signin.failed': 'E-mail ou mot de passe incorrect.',
  'signin.demo': 'Comptes de démonstration : mot de passe relais-demo',
  'role.client': 'Client',
  'role.manager': 'Manager',
  'role.agent': 'Agent',
  'role.quality': 'Qualité',
  'role.admin': 'Administrateur',
  'home.client.title': 'Vos campagnes externalisées',
  'home.client.lead': 'Suivez en direct les campagnes que {org} confie à ses partenaires.',
  'home.manager.title': 'Pilotage des campagnes',
  'home.manager.lead': 'Toutes les campagnes de {org} et de ses clients.',
  'home.agent.title': 'Votre poste',
  'home.agent.lead': 'Les campagnes sur lesquelles vous êtes affecté·e.',
  'home.quality.title': 'Qualité',
  'home.quality.lead': 'Les campagnes suivies par l’équipe qualité de {org}.',
  'home.admin.title': 'Administration',
  'home.admin.lead': 'Les utilisateurs et partenariats de {org}.',
  'stat.partnerships': 'Partenariats',
  'stat.campaigns': 'Campagnes',
  'stat.inbound': 'Entrantes',
  'stat.outbound': 'Sortantes',
  'stat.active': 'Actives',
  'stat.agents': 'Agents',
  'campaigns.title': 'Campagnes',
  'campaigns.empty': 'Aucune campagne visible.',
  'campaigns.code': 'Code',
  'campaigns.name': 'Nom',
  'campaigns.client': 'Client',
  'campaigns.direction': 'Sens',
  'campaigns.mode': 'Mode',
  'campaigns.status': 'Statut',
  'campaigns.timezone': 'Fuseau',
  'direction.inbound': 'Entrant',
  'direction.outbound': 'Sortant',
  'mode.none': '—',
  'mode.preview': 'Preview',
  'mode.progressive': 'Progressif',
  'mode.predictive': 'Prédictif',
  'mode.blended': 'Mixte',
  'status.draft': 'Brouillon',
  'status.active': 'Active',
  'status.paused': 'En pause',
  'status.stopped': 'Arrêtée',
  'team.title': 'Agents',
  'team.name': 'Nom',
  'team.email': 'E-mail',
  'team.team': 'Équipe',
  'team.campaigns': 'Campagnes',
  'users.title': 'Utilisateurs de l’organisation',
  'users.role': 'Rôle',
  'common.loading': 'Chargement…',
  'common.error': 'Une erreur est survenue.',
} as const;

export type MessageKey = keyof typeof fr;

const en: Record<MessageKey, string> = {
  'app.tagline': 'The shared portal between a client company and its contact center',
  'nav.home': 'Home',
  'nav.campaigns': 'Campaigns',
  'nav.team': 'Team',
  'nav.signout': 'Sign out',
  'nav.language': 'Language',
  'signin.title': 'Sign in to Relais',
  'signin.email': 'Email address',
  'signin.password': 'Password',
  'signin.submit': 'Sign in',
  'signin.failed': 'Wrong email or password.',
  'signin.demo': 'Demo accounts: password relais-demo',
  'role.client': 'Client',
  'role.manager': 'Manager',
  'role.agent': 'Agent',
  'role.quality': 'Quality',
  'role.admin': 'Administrator',
  'home.client.title': 'Your outsourced campaigns',
  'home.client.lead': 'Follow live the campaigns {org} entrusts to its partners.',
  'home.manager.title': 'Campaign control',
  'home.manager.lead': 'Every campaign of {org} and its clients.',
  'home.agent.title': 'Your desk',
  'home.agent.lead': 'The campaigns you are assigned to.',
  'home.quality.title': 'Quality',
  'home.quality.lead': 'The campaigns followed by the {org} quality team.',
  'home.admin.title': 'Administration',
  'home.admin.lead': 'Users and partnerships of {org}.',
  'stat.partnerships': 'Partnerships',
  'stat.campaigns': 'Campaigns',
  'stat.inbound': 'Inbound',
  'stat.outbound': 'Outbound',
  'stat.active': 'Active',
  'stat.agents': 'Agents',
  'campaigns.title': 'Campaigns',
  'campaigns.empty': 'No campaign visible.',
  'campaigns.code': 'Code',
  'campaigns.name': 'Name',
  'campaigns.client': 'Client',
  'campaigns.direction': 'Direction',
  'campaigns.mode': 'Mode',
  'campaigns.status': 'Status',
  'campaigns.timezone': 'Time zone',
  'direction.inbound': 'Inbound',
  'direction.outbound': 'Outbound',
  'mode.none': '—',
  'mode.preview': 'Preview',
  'mode.progressive': 'Progressive',
  'mode.predictive': 'Predictive',
  'mode.blended': 'Blended',
  'status.draft': 'Draft',
  'status.active': 'Active',
  'status.paused': 'Paused',
  'status.stopped': 'Stopped',
  'team.title': 'Agents',
  'team.name': 'Name',
  'team.email': 'Email',
  'team.team': 'Team',
  'team.campaigns': 'Campaigns',
  'users.title': 'Users of the organization',
  'users.role': 'Role',
  'common.loading': 'Loading…',
  'common.error': 'Something went wrong.',
};

export const messages: Record<Locale, Record<MessageKey, string>> = { fr, en };

export function translate(locale: Locale, key: MessageKey, vars: Record<string, string> = {}): string {
  return messages[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? `{${name}}`);
}

/** The first supported language of an Accept-Language header; French when none matches. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  const tags = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { lang: tag.slice(0, 2).toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .sort((a, b) => b.q - a.q);
  return (tags.find((t) => (LOCALES as readonly string[]).includes(t.lang))?.lang as Locale | undefined) ?? 'fr';
}

export function isLocale(value: string | undefined): value is Locale {
  return (LOCALES as readonly string[]).includes(value ?? '');
}
