import type { Metadata, Viewport } from 'next';
import { cookies, headers } from 'next/headers';
import type { ReactNode } from 'react';
import { DateContextProvider } from '@/components/ui/relative-time';
import { env } from '@/lib/env';
import { defaultDateContext, localeFrom, renderMinute } from '@/lib/intl';
import { parseTheme, themeCookie } from '@/lib/theme/theme';
import './globals.css';

export const metadata: Metadata = {
  // Absolute URLs for Open Graph images and canonical links.
  metadataBase: new URL(env.AUTH_URL ?? `http://localhost:${env.PORT ?? 3000}`),
  title: { default: 'Hearth', template: '%s · Hearth' },
  description: 'Interest groups, expressive profiles and a feed that says why — community software that feels personal without feeling watched.',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#faf7f2' },
    { media: '(prefers-color-scheme: dark)', color: '#16120f' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = parseTheme((await cookies()).get(themeCookie)?.value);
  // Times are rendered in the reader's locale, in UTC, relative to this minute (the browser then refines them: RelativeTime).
  const dates = { ...defaultDateContext, locale: localeFrom((await headers()).get('accept-language')) };
  return (
    <html lang="en" data-theme={theme}>
      <body className="min-h-dvh">
        {/* Shown only on pages with a list of posts (app/globals.css): it lands on the posts, past the header and what leads to them. */}
        <a href="#posts" className="skip-to-posts sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:p-2">
          Skip to posts
        </a>
        <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:p-2">
          Skip to content
        </a>
        <DateContextProvider value={dates} minute={renderMinute()}>{children}</DateContextProvider>
      </body>
    </html>
  );
}
