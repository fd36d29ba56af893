import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/app-shell';
import { requireUser } from '@/lib/auth/viewer';

export default async function MainLayout({ children }: { children: ReactNode }) {
  const viewer = await requireUser();
  return <AppShell viewer={viewer}>{children}</AppShell>;
}
