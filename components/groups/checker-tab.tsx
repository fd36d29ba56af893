// The Permission checker tab of a group's settings: what one member may do, in one channel, and why.
import type { GroupSettings, PermissionCheck } from '@/lib/groups/queries';
import { settingsInput as input } from './settings-input';

export function CheckerTab({ s, memberId, channelId, slug, result }: { s: GroupSettings; memberId?: string; channelId?: string; slug: string; result: PermissionCheck | null }) {
  return (
    <div className="flex flex-col gap-4">
      <form method="get" action={`/g/${slug}/settings`} className="flex flex-wrap items-end gap-3" aria-label="Check permissions">
        <input type="hidden" name="tab" value="checker" />
        <label className="flex flex-col gap-1 text-sm font-medium">
          Member
          <select name="member" defaultValue={memberId} className={input}>
            {s.members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name} (@{m.handle})
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Channel
          <select name="channel" defaultValue={channelId} className={input}>
            {s.channels.map((c) => (
              <option key={c.id} value={c.id}>
                #{c.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="h-9 rounded-lg border border-line px-3 text-sm">
          Check
        </button>
      </form>
      {result && (
        <table className="w-full text-left text-sm">
          <caption className="mb-2 text-left font-medium">
            What {result.member.name} can do{result.channel ? ` in #${result.channel.name}` : ''}
          </caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-1">Permission</th>
              <th scope="col">Allowed</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {result.results.map((r) => (
              <tr key={r.permission} className="border-b border-line">
                <th scope="row" className="py-1 font-normal">{r.label}</th>
                <td className={r.allowed ? 'text-success' : 'text-danger'}>{r.allowed ? 'Yes' : 'No'}</td>
                <td className="text-muted">{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
