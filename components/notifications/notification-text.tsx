import type { NotificationItem } from '@/lib/notifications/queries';
import { outcomeText, type OutcomeData } from '@/lib/reports/outcome';

function people(actors: NotificationItem['actors']) {
  if (actors.length === 0) return 'Someone';
  if (actors.length === 1) return actors[0].name;
  if (actors.length === 2) return `${actors[0].name} and ${actors[1].name}`;
  return `${actors[0].name} and ${actors.length - 1} others`;
}

/** One notification in words. Values come from the database and are rendered as text (React escapes them). */
export function notificationText(n: NotificationItem): string {
  const d = n.data;
  const who = people(n.actors);
  switch (n.kind) {
    case 'reply':
      return `${who} commented on “${d.post ?? 'your post'}”: ${d.excerpt ?? ''}`;
    case 'mention':
      return `${who} mentioned you: ${d.excerpt ?? ''}`;
    case 'reaction':
      return `${who} reacted ${n.actors.length > 1 ? '' : `${d.emoji ?? ''} `}to “${d.post ?? 'your post'}”`;
    case 'follow':
      return `${who} started following you`;
    case 'join_request':
      return `${who} asked to join ${d.group ?? 'your group'}`;
    case 'approval':
      return d.approved ? `You are now a member of ${d.group}. Welcome!` : `${d.group} declined your request to join`;
    case 'moderation':
      if (d.what === 'ban') return `You were banned from ${d.group}: “${d.reason}”`;
      return `Moderators of ${d.group} removed your ${d.what}: “${d.reason}”`;
    case 'milestone':
      return `${d.title}! ${d.message ?? ''}`;
    case 'celebration':
      return `${who} congratulated you on “${d.title ?? 'your milestone'}”`;
    case 'thank_you':
      return d.group ? `A thank-you from ${d.group}${n.actors.length ? ` (${who})` : ''}: ${d.message ?? ''}` : `${who} sent you a thank-you note on “${d.milestone ?? 'your milestone'}”: ${d.message ?? ''}`;
    case 'ownership':
      return `You are now the owner of ${d.group ?? 'a group'}: its owner left Hearth, and ownership passed to you as ${d.heir ?? 'its next in line'}.`;
    case 'report_outcome':
      return outcomeText(d as unknown as OutcomeData);
  }
}
