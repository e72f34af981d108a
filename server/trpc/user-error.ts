// A refusal worded for the person using the portal: the message key travels to the client (init.ts's error
// formatter puts it in `data.i18n`), which shows it in the user's language; the error's own message is the
// English text, for API callers and logs.
import { TRPCError } from '@trpc/server';
import { refusalText, type RefusalKey } from './refusals';

type Code = ConstructorParameters<typeof TRPCError>[0]['code'];

export class UserMessage extends Error {
  constructor(readonly key: RefusalKey, readonly vars: Record<string, string>) {
    super(refusalText('en', key, vars));
  }
}

export function userError(code: Code, key: RefusalKey, vars: Record<string, string> = {}): TRPCError {
  const cause = new UserMessage(key, vars);
  return new TRPCError({ code, message: cause.message, cause });
}

/** What the client needs to word the refusal itself, or null for any other error. */
export function userMessageOf(error: TRPCError): { key: RefusalKey; vars: Record<string, string> } | null {
  return error.cause instanceof UserMessage ? { key: error.cause.key, vars: error.cause.vars } : null;
}
