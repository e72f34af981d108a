'use client';
// A refusal of a people form: the server names the field it is about (`vars.field`), the form shows it under it.
import { useCallback } from 'react';
import { useErrorText } from '@/app/i18n/client';

export interface FormRefusal {
  field: string | null;
  text: string;
}

export function useRefusal() {
  const errorText = useErrorText();
  return useCallback((err: unknown): FormRefusal => {
    const field = (err as { data?: { i18n?: { vars?: Record<string, string> } | null } } | null)?.data?.i18n?.vars?.field ?? null;
    return { field, text: errorText(err) };
  }, [errorText]);
}

/** The error prop of one field: the refusal's text when it names this field. */
export const fieldError = (r: FormRefusal | null, field: string) => (r?.field === field ? r.text : undefined);
/** The refusal to show above the form: one naming no field of the form. */
export const formError = (r: FormRefusal | null, fields: readonly string[]) => (r && !fields.includes(r.field ?? '') ? r.text : null);
