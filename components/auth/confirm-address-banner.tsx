import { ActionForm } from '@/components/ui/action-form';
import { resendConfirmationAction } from '@/lib/auth/reset-actions';

/** On every signed-in page while the person's address is not confirmed. */
export function ConfirmAddressBanner({ email }: { email: string }) {
  return (
    <section aria-label="Confirm your email address" className="mb-6 rounded-2xl border border-line bg-accent-soft/40 p-4 text-sm">
      <p className="mb-2">
        <strong>Please confirm your email address</strong> (<span className="break-all">{email}</span>). Until then you can read and post as usual, but Hearth
        sends you no mail except what concerns your account (like this link), so no digest and no moderation mail.
      </p>
      <ActionForm action={resendConfirmationAction} submit="Send the link again" variant="secondary" size="sm" pending="Sending…" />
    </section>
  );
}
