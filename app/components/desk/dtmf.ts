// DTMF on the desk (pure): the keypad's keys and which keyboard keys send them. Digits, * and # only: the desk's
// letter shortcuts (D, P, R, H, Enter) are not DTMF; A-D tones exist in RFC 4733 but no customer menu uses them.

/** The keypad, row by row as on a phone. */
export const KEYPAD: readonly (readonly string[])[] = [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9'], ['*', '0', '#']];

/** The DTMF tone a key press sends, or null: 0-9, * and # (the numeric keypad's * included, its other keys not). */
export function dtmfOfKey(key: string): string | null {
  return /^[0-9*#]$/.test(key) ? key : null;
}

/** Whether a keyboard event comes from a place where typing is text (an input, a text area, an editable element). */
export function typingTarget(target: EventTarget | null): boolean {
  const el = target as unknown as { tagName?: unknown; isContentEditable?: boolean } | null;
  if (!el || typeof el.tagName !== 'string') return false;
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable === true;
}

/** The digits sent in a call, as shown on the card: the last `max` ones, older ones elided. */
export function sentDigits(sent: string, max = 24): string {
  return sent.length > max ? `…${sent.slice(-max)}` : sent;
}
