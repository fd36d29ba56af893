import { ActionForm } from '@/components/ui/action-form';
import { endSessionAction } from '@/lib/auth/actions';
import type { SessionSummary } from '@/lib/auth/sessions';
import { RelativeTime } from '@/components/ui/relative-time';

/** Where the person is signed in, each device with its own "Sign out". */
export function SessionsList({ sessions }: { sessions: SessionSummary[] }) {
  return (
    <ul aria-label="Signed-in devices" className="mt-3 divide-y divide-line">
      {sessions.map((s) => (
        <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
          <div>
            <p className="font-medium">
              {s.device}
              {s.current && <span className="ml-2 rounded-full bg-raised px-2 py-0.5 text-xs font-normal text-muted">This device</span>}
            </p>
            <p className="text-sm text-muted">
              Signed in <RelativeTime date={s.createdAt} /> · last used{' '}
              <RelativeTime date={s.lastSeenAt} />
            </p>
          </div>
          {/* No name on the form: named forms are landmarks, and two devices of one kind would share one. */}
          <ActionForm action={endSessionAction} submit={<>Sign out<span className="sr-only"> {s.current ? 'this device' : s.device}</span></>} variant="secondary" size="sm" pending="Signing out…">
            <input type="hidden" name="sessionId" value={s.id} />
          </ActionForm>
        </li>
      ))}
    </ul>
  );
}
