import { describe, expect, it } from 'vitest';
import { dtmfOfKey, KEYPAD, sentDigits, typingTarget } from './dtmf';

describe('DTMF keys', () => {
  it('sends digits, * and # only: the desk’s letter shortcuts and other keys are not tones', () => {
    for (const k of '0123456789*#') expect(dtmfOfKey(k)).toBe(k);
    for (const k of ['d', 'D', 'p', 'r', 'h', 'H', 'Enter', 'A', '+', '-', ' ', '', '12', 'F1', 'Escape']) expect(dtmfOfKey(k)).toBeNull();
  });

  it('the keypad holds the twelve keys, as on a phone', () => {
    expect(KEYPAD.flat().join('')).toBe('123456789*0#');
  });

  it('typing in a text field is not DTMF', () => {
    expect(typingTarget({ tagName: 'INPUT' } as unknown as EventTarget)).toBe(true);
    expect(typingTarget({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(typingTarget({ tagName: 'SELECT' } as unknown as EventTarget)).toBe(true);
    expect(typingTarget({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(true);
    expect(typingTarget({ tagName: 'BUTTON', isContentEditable: false } as unknown as EventTarget)).toBe(false);
    expect(typingTarget(null)).toBe(false);
  });

  it('shows the last digits sent', () => {
    expect(sentDigits('123#')).toBe('123#');
    expect(sentDigits('1234567890', 4)).toBe('…7890');
  });
});
