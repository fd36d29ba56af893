// The Celebrations tab of a group's settings: its own milestones and its thank-you templates.
import { ActionForm } from '@/components/ui/action-form';
import { groupMilestoneKinds } from '@/lib/milestones/kinds';
import type { CelebrationSetup } from '@/lib/milestones/celebrations';
import { createGroupMilestoneAction, deleteGroupMilestoneAction, deleteThankYouTemplateAction, saveThankYouTemplateAction } from '@/lib/milestones/group-actions';
import { MILESTONE_TITLE_MAX, TEMPLATE_MAX, groupMilestoneKindLabels } from '@/lib/milestones/templates';

const input = 'h-9 rounded-lg border border-line bg-surface px-2 text-sm';
const placeholderHelp = 'You can use {name}, {count}, {nth} (1st, 10th …), {group} and {milestone}.';

export function CelebrationSettings({ groupId, setup }: { groupId: string; setup: CelebrationSetup }) {
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="group-milestones" className="flex flex-col gap-3">
        <h2 id="group-milestones" className="font-semibold">
          Your group’s milestones
        </h2>
        <p className="text-sm text-muted">On top of Hearth’s own (first post, 100 posts, anniversaries …). Each member earns each one once; the founding day comes every year.</p>
        {setup.milestones.length === 0 ? (
          <p className="text-sm text-muted">No milestones of your own yet.</p>
        ) : (
          <ul className="flex flex-col gap-2" aria-label="Group milestones">
            {setup.milestones.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-line p-3 text-sm">
                <span>
                  <strong>{m.title}</strong> · {m.description}
                  {m.message && <span className="block text-muted">{m.message}</span>}
                </span>
                <ActionForm action={deleteGroupMilestoneAction} submit="Remove" variant="ghost" size="sm" label={`Remove milestone ${m.title}`}>
                  <input type="hidden" name="groupMilestoneId" value={m.id} />
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
        <ActionForm action={createGroupMilestoneAction} submit="Add milestone" label="Add a group milestone" resetOnSuccess className="rounded-xl border border-line p-4">
          <input type="hidden" name="groupId" value={groupId} />
          <label className="flex flex-col gap-1 text-sm">
            Counts
            <select name="kind" className={input} defaultValue="group_posts">
              {groupMilestoneKinds.map((k) => (
                <option key={k} value={k}>
                  {groupMilestoneKindLabels[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm">
            How many
            <input name="threshold" type="number" min={0} max={100000} defaultValue={10} className={`${input} w-24`} aria-describedby="threshold-help" />
          </label>
          <span id="threshold-help" className="basis-full text-xs text-muted">
            Posts or months; ignored for the founding day.
          </span>
          <label className="flex flex-1 flex-col gap-1 text-sm">
            Milestone name
            <input name="title" required maxLength={MILESTONE_TITLE_MAX} placeholder="{count} posts in {group}" className={input} />
          </label>
          <label className="flex basis-full flex-col gap-1 text-sm">
            Message to the member (optional)
            <input name="message" maxLength={TEMPLATE_MAX} placeholder="You keep this place lively, {name}." className={input} />
          </label>
          <span className="basis-full text-xs text-muted">{placeholderHelp}</span>
        </ActionForm>
      </section>

      <section aria-labelledby="thank-you-templates" className="flex flex-col gap-3">
        <h2 id="thank-you-templates" className="font-semibold">
          Thank-you messages
        </h2>
        <p className="text-sm text-muted">Sent personally, from you, when a member earns the milestone through something they did here.</p>
        {setup.templates.length === 0 ? (
          <p className="text-sm text-muted">No thank-you messages yet.</p>
        ) : (
          <ul className="flex flex-col gap-2" aria-label="Thank-you messages">
            {setup.templates.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-line p-3 text-sm">
                <span>
                  <strong>{t.label}</strong>
                  <span className="block whitespace-pre-wrap">{t.body}</span>
                  {t.authorHandle && <span className="block text-xs text-muted">from @{t.authorHandle}</span>}
                </span>
                <ActionForm action={deleteThankYouTemplateAction} submit="Remove" variant="ghost" size="sm" label={`Remove thank-you for ${t.label}`}>
                  <input type="hidden" name="templateId" value={t.id} />
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
        <ActionForm action={saveThankYouTemplateAction} submit="Save thank-you" label="Write a thank-you message" resetOnSuccess className="rounded-xl border border-line p-4">
          <input type="hidden" name="groupId" value={groupId} />
          <label className="flex flex-col gap-1 text-sm">
            For the milestone
            <select name="milestoneKind" className={input}>
              {setup.kinds.map((k) => (
                <option key={k.key} value={k.key}>
                  {k.label}
                </option>
              ))}
            </select>
          </label>
          <label className="flex basis-full flex-col gap-1 text-sm">
            Thank-you message
            <textarea name="body" required maxLength={TEMPLATE_MAX} rows={2} placeholder="Thanks {name} for your {nth} post in {group}!" className="rounded-lg border border-line bg-surface px-2 py-1 text-sm" />
          </label>
          <span className="basis-full text-xs text-muted">{placeholderHelp} Saving for a milestone that has one replaces it.</span>
        </ActionForm>
      </section>
    </div>
  );
}
