import type { ReactNode } from 'react';
import { SettingsNav } from '@/components/settings/settings-nav';

/** Every settings page carries the settings navigation, so each is one click from the others. */
export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SettingsNav />
      {children}
    </>
  );
}
