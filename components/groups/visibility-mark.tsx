import { Lock } from '@/components/ui/icons';

const labels = { public: 'Public', request: 'Request to join', invite: 'Invite only' } as const;

/** "· 🔒 Invite only" in a group's line of facts; nothing for a public group. */
export function VisibilityMark({ visibility }: { visibility: keyof typeof labels }) {
  if (visibility === 'public') return null;
  return (
    <>
      ·
      <span className="inline-flex items-center gap-1">
        <Lock aria-hidden="true" className="size-3" />
        {labels[visibility]}
      </span>
    </>
  );
}
