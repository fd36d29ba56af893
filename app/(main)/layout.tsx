import type { ReactNode } from 'react';
import { ConfirmAddressBanner } from '@/components/auth/confirm-address-banner';
import { AppShell } from '@/components/shell/app-shell';
import { requireUser } from '@/lib/auth/viewer';

export default async function MainLayout({ children }: { children: ReactNode }) {
  const viewer = await requireUser();
  return (
    <AppShell viewer={viewer}>
      {viewer.unconfirmedEmail && <ConfirmAddressBanner email={viewer.unconfirmedEmail} />}
      {children}
    </AppShell>
  );
}
