import type { Metadata } from 'next';
import { SettingsForm } from '@/components/admin/settings-form';
import { getSettingsForEditing } from '@/lib/admin/queries';

export const metadata: Metadata = { title: 'Settings' };

export default async function AdminSettingsPage() {
  const settings = await getSettingsForEditing();
  return (
    <div className="max-w-2xl">
      <h1 className="text-2xl font-bold">Settings</h1>
      <p className="mb-6 mt-1 text-muted">What this instance is called, its rules, and who may join. Every change is written to the audit log.</p>
      <SettingsForm settings={settings} />
    </div>
  );
}
