// Profiles are the one part of Hearth a signed-out visitor may reach (when their owner allows it): the app shell
// for members, a light public frame for everyone else. What each may see is decided in lib/profiles/queries.
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { PublicShell } from '@/components/shell/public-shell';
import { getViewerOutsideSuspension } from '@/lib/auth/viewer';

export default async function ProfileLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewerOutsideSuspension();
  if (viewer) return <AppShell viewer={viewer}>{children}</AppShell>;
  const path = (await headers()).get('x-hearth-path') ?? undefined;
  return <PublicShell returnTo={path}>{children}</PublicShell>;
}
