// Root layout: language, UI kit theme and the tRPC/React Query providers.
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import type { ReactNode } from 'react';
import type { Metadata } from 'next';
import { ColorSchemeScript, mantineHtmlProps } from '@mantine/core';
import { LocaleProvider } from './i18n/client';
import { requestLocale } from './i18n/server';
import { TrpcQueryProvider } from './trpc/client';
import { UiProvider } from './ui-provider';

export const metadata: Metadata = { title: 'Relais', description: 'Client × contact center partnership portal' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await requestLocale();
  return (
    <html lang={locale} {...mantineHtmlProps}>
      <head>
        <ColorSchemeScript defaultColorScheme="light" />
      </head>
      <body>
        <UiProvider>
          <LocaleProvider locale={locale}>
            <TrpcQueryProvider>{children}</TrpcQueryProvider>
          </LocaleProvider>
        </UiProvider>
      </body>
    </html>
  );
}
