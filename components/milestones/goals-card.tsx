import Link from 'next/link';
import { ActionButton } from '@/components/ui/action-button';
import { ActionForm } from '@/components/ui/action-form';
import { goalKinds, goalPeriods } from '@/lib/milestones/kinds';
import { createGoalAction, deleteGoalAction } from '@/lib/milestones/actions';
import type { GoalProgress } from '@/lib/milestones/goals';

const kindText = { posts: 'Posts', comments: 'Posts commented on', groups_joined: 'Groups joined', reactions_given: 'Posts reacted to' } as const;

/**
 * The person's own goals with progress bars, and a small form to add one. No streaks, no guilt. In the feed's sidebar
 * (`compact`) the form is a link to the celebrations page, where it stands: the feed is for reading, and the form was
 * rendered on every view of it for the rare one that sets a goal (bench/README.md, eleventh round).
 */
export function GoalsCard({ goals, compact = false }: { goals: GoalProgress[]; compact?: boolean }) {
  return (
    <section aria-labelledby="goals" className="rounded-2xl border border-line bg-surface p-5">
      <h2 id="goals" className="scroll-mt-20 font-semibold">
        Your goals
      </h2>
      {goals.length === 0 ? (
        <p className="mt-1 text-sm text-muted">
          Set yourself a small goal — only progress counts, nothing resets a streak.
          {compact && (
            <>
              {' '}
              <Link href="/celebrations#goals" className="underline">
                Set a goal
              </Link>
            </>
          )}
        </p>
      ) : (
        <ul className="mt-3 flex flex-col gap-3" aria-label="Goals">
          {goals.map((g) => (
            <li key={g.id} className="text-sm">
              <div className="flex items-baseline justify-between gap-2">
                <span id={`goal-${g.id}`}>
                  {g.label}
                  {g.reached && <span className="ml-1 text-success">✓ done</span>}
                </span>
                <span className="shrink-0 tabular-nums text-muted">
                  {g.done}/{g.target}
                </span>
              </div>
              <div
                role="progressbar"
                aria-labelledby={`goal-${g.id}`}
                aria-valuemin={0}
                aria-valuemax={g.target}
                aria-valuenow={g.done}
                className="mt-1 h-2 overflow-hidden rounded-full bg-raised"
              >
                <div className="h-full rounded-full bg-accent transition-[width]" style={{ width: `${Math.round((g.done / g.target) * 100)}%` }} />
              </div>
              <ActionButton action={deleteGoalAction} submit="Remove" variant="ghost" label={`Remove goal: ${g.label}`}>
                <input type="hidden" name="goalId" value={g.id} />
              </ActionButton>
            </li>
          ))}
        </ul>
      )}
      {compact ? (
        goals.length > 0 && (
          <p className="mt-3 text-sm">
            <Link href="/celebrations#goals" className="underline">
              Add a goal
            </Link>
          </p>
        )
      ) : (
        <ActionForm action={createGoalAction} submit="Add goal" size="sm" className="mt-4" label="Add a goal" resetOnSuccess>
          <label className="flex flex-col gap-1 text-sm">
            What
            <select name="kind" className="h-9 rounded-lg border border-line bg-surface px-2">
              {goalKinds.map((k) => (
                <option key={k} value={k}>
                  {kindText[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm">
            How many
            <input name="target" type="number" min={1} max={100} defaultValue={4} className="h-9 w-20 rounded-lg border border-line bg-surface px-2" />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            Per
            <select name="period" defaultValue="month" className="h-9 rounded-lg border border-line bg-surface px-2">
              {goalPeriods.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
        </ActionForm>
      )}
    </section>
  );
}
