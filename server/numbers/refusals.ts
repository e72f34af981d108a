// Refusals of the number inventory and the consent records, FR and EN (spread into server/trpc/refusals.ts).
export const numbersErrorsFr = {
  'error.callerId.caller_id_invalid': 'Le numéro présenté {number} n’est pas un numéro valide au format international (+33…).',
  'error.callerId.caller_id_not_owned': 'Le numéro {number} n’est pas dans l’inventaire des numéros de ce partenariat (ceux du centre de contacts ou de ce client) : ajoutez-le d’abord dans Numéros, avec sa preuve d’attribution.',
  'error.callerId.caller_id_mobile': 'Un numéro mobile français (06, 07) ne peut pas être présenté par une campagne automatisée.',
  'error.number.invalid': '« {number} » n’est pas un numéro de téléphone valide. Saisissez-le au format international, par exemple +33 1 80 00 10 00.',
  'error.number.inInventory': 'Ce numéro est déjà dans un inventaire : il n’a pas été ajouté.',
  'error.number.clientRequired': 'Choisissez le client pour lequel ce numéro est détenu.',
  'error.noSuch.number': 'Numéro introuvable.',
  'error.noSuch.client': 'Ce client n’est pas un de vos partenaires.',
};

export const numbersErrorsEn: Record<keyof typeof numbersErrorsFr, string> = {
  'error.callerId.caller_id_invalid': 'The caller ID {number} is not a valid international number (+33…).',
  'error.callerId.caller_id_not_owned': 'The number {number} is not in the number inventory of this partnership (the contact center’s or this client’s): add it in Numbers first, with its proof of assignment.',
  'error.callerId.caller_id_mobile': 'A French mobile number (06, 07) cannot present an automated campaign.',
  'error.number.invalid': '“{number}” is not a valid phone number. Enter it in international format, e.g. +33 1 80 00 10 00.',
  'error.number.inInventory': 'This number is already in an inventory: it was not added.',
  'error.number.clientRequired': 'Choose the client this number is held for.',
  'error.noSuch.number': 'No such number.',
  'error.noSuch.client': 'This client is not one of your partners.',
};
