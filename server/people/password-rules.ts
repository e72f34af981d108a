// Pure: the password rules, stated on the set-password page and enforced by the server (one module for both).
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

/** Each rule a password breaks, by the key of its refusal (server/trpc/refusals.ts words them FR/EN). */
export type PasswordRule = 'error.password.short' | 'error.password.long' | 'error.password.email' | 'error.password.repeated';

export function passwordProblems(password: string, email: string): PasswordRule[] {
  const out: PasswordRule[] = [];
  const chars = [...password];
  if (chars.length < PASSWORD_MIN) out.push('error.password.short');
  if (chars.length > PASSWORD_MAX) out.push('error.password.long');
  const lower = password.trim().toLowerCase();
  const mail = email.trim().toLowerCase();
  const local = mail.split('@')[0] ?? '';
  if (mail && (lower === mail || lower.includes(mail) || (local.length >= 4 && lower.includes(local)))) out.push('error.password.email');
  if (chars.length > 0 && new Set(chars).size < 4) out.push('error.password.repeated');
  return out;
}
