// What the desk specs share: an agent's desk opened and logged in to the dialer (paused), the softphone's statistics,
// and the manager's widened calling hours for ACME-OUT (consent required, every day, all day) and their undoing, so
// outbound specs run any day at any hour, as a campaign of consenting contacts may.
import { expect, type Locator, type Page } from '@playwright/test';
import { signInAndWaitHome } from './helpers';

export interface PhoneStats { inboundPackets: number; outboundPackets: number; audioLevel: number | null }
export interface DtmfState { sent: string; played: string; toneBuffer: string; canInsertDTMF: boolean }
type Relais = { relaisPhone: { stats: () => Promise<PhoneStats | null>; dtmfState: () => DtmfState | null } };

export async function openDesk(page: Page, email: string): Promise<void> {
  await signInAndWaitHome(page, email);
  await page.goto('/desk');
  await expect(page.getByTestId('desk-phone')).toHaveText('Connecté', { timeout: 30_000 });
  await page.getByTestId('desk-login').click();
  await expect(page.getByTestId('desk-state')).toContainText('En pause');
}

export const phoneStats = (page: Page) => page.evaluate(() => (window as unknown as Relais).relaisPhone.stats());
export const dtmfState = (page: Page) => page.evaluate(() => (window as unknown as Relais).relaisPhone.dtmfState());

/** Voice both ways through rtpengine, and what the agent hears is not silence. */
export const hasVoice = (s: PhoneStats | null) => !!s && s.inboundPackets > 50 && s.outboundPackets > 50 && (s.audioLevel ?? 0) > 0.01;

/** On the /dialer card: consent required, then hours widened to every day, 00:00–24:00, holidays included, with a reason. */
export async function widenHoursForConsentingContacts(card: Locator): Promise<void> {
  const consent = card.getByRole('switch', { name: 'Consentement exigé' });
  // The switch shows the saved setting: clicked, it is checked once the server saved it.
  if (!(await consent.isChecked())) await consent.click();
  await expect(consent).toBeChecked();
  await card.getByTestId('dialer-hours-edit').click();
  for (const day of ['sam.', 'dim.']) if (!(await card.getByRole('checkbox', { name: day }).isChecked())) await card.getByText(day, { exact: true }).click();
  await expect(card.getByRole('checkbox', { name: 'dim.' })).toBeChecked();
  if (await card.getByTestId('dialer-hours-from-1').count()) await card.getByRole('button', { name: 'Retirer' }).nth(1).click();
  await card.getByTestId('dialer-hours-from-0').fill('00:00');
  await card.getByTestId('dialer-hours-to-0').fill('23:59');
  const holidays = card.getByRole('switch', { name: 'Jamais les jours fériés' });
  if (await holidays.isChecked()) await holidays.click();
  await expect(holidays).not.toBeChecked();
  await expect(card.getByTestId('dialer-hours-save')).toBeDisabled(); // no reason yet
  await card.getByTestId('dialer-hours-reason').fill('Consentement écrit (formulaire web Acme) : appels acceptés tous les jours');
  await card.getByTestId('dialer-hours-save').click();
  await expect(card.getByTestId('dialer-hours-widened')).toContainText('lun., mar., mer., jeu., ven., sam., dim. · 00:00–24:00');
  await expect(card).toContainText('Motif : Consentement écrit');
}

/** Back to the legal hours, then consent no longer required (in that order: widened hours need consent). */
export async function restoreLegalHours(card: Locator): Promise<void> {
  const restore = card.getByRole('button', { name: 'Revenir aux horaires légaux' });
  if (await restore.isVisible()) await restore.click();
  await expect(card.getByTestId('dialer-hours-widened')).toBeHidden();
  const consent = card.getByRole('switch', { name: 'Consentement exigé' });
  if (await consent.isChecked()) await consent.click();
  await expect(consent).not.toBeChecked();
}
