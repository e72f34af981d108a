// Texts of the people administration (issue 20): users, one-time links, teams and assignments, client organizations.
export const peopleFr = {
  'people.password.title': 'Choisissez votre mot de passe',
  'people.password.resetTitle': 'Choisissez un nouveau mot de passe',
  'people.password.for': 'Compte : {email}',
  'people.password.rules': 'Votre mot de passe doit respecter ces règles :',
  'people.password.new': 'Nouveau mot de passe',
  'people.password.confirm': 'Confirmez le mot de passe',
  'people.password.submit': 'Enregistrer le mot de passe',
  'people.password.mismatch': 'Les deux mots de passe ne sont pas identiques.',
  'people.password.done': 'Mot de passe enregistré. Vous pouvez maintenant vous connecter.',
};

export const peopleEn: Record<keyof typeof peopleFr, string> = {
  'people.password.title': 'Choose your password',
  'people.password.resetTitle': 'Choose a new password',
  'people.password.for': 'Account: {email}',
  'people.password.rules': 'Your password must follow these rules:',
  'people.password.new': 'New password',
  'people.password.confirm': 'Confirm the password',
  'people.password.submit': 'Save the password',
  'people.password.mismatch': 'The two passwords are not the same.',
  'people.password.done': 'Password saved. You can now sign in.',
};
