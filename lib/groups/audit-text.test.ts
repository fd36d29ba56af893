import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupAuditText } from './audit-text';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) && !name.includes('.test.') ? [path] : [];
  });
}

describe('the group audit log in words', () => {
  it('says what was done and the details worth reading, never JSON or ids', () => {
    expect(groupAuditText('member.ban', { reason: 'spam links' })).toEqual({ what: 'banned', lines: ['Reason: spam links'] });
    expect(groupAuditText('group.settings', { changed: ['accentColor', 'description'] })).toEqual({ what: 'changed the settings', lines: ['Changed: accent color, description'] });
    expect(groupAuditText('role.create', { name: 'Mentor', permissions: ['pin', 'comment'] }).lines).toEqual(['Name: Mentor', 'Permissions: Pin posts, Comment']);
    expect(groupAuditText('invite.create', { invite: 'f3c1a8e2-0000-4000-8000-000000000000', expiresInHours: 24, maxUses: null }).lines).toEqual(['Expires after (hours): 24', 'Uses allowed: no limit']);
    expect(groupAuditText('comment.remove', { post: 'p-1', comment: 'c-1', reason: 'off topic' })).toEqual({ what: 'removed a comment by', lines: ['Reason: off topic'] });
  });

  it('has words for every action Hearth writes to a group’s audit log', () => {
    const written = new Set<string>();
    for (const path of sources('lib')) {
      const code = readFileSync(path, 'utf8');
      for (const m of code.matchAll(/audit\(\w+, ([^)]*?)(?:,|\))/g)) for (const a of m[1].matchAll(/'([a-z_]+\.[a-z_.]+)'/g)) written.add(a[1]);
      for (const m of code.matchAll(/groupAuditLog\)\.values\(\{[^}]*?action: '([a-z_.]+)'/gs)) written.add(m[1]);
    }
    expect(written.size).toBeGreaterThan(20);
    for (const action of written) expect(groupAuditText(action, {}).what, action).not.toBe(action.replace(/[._]/g, ' '));
  });

  it('no page prints stored data as JSON', () => {
    const offenders = [...sources('app').filter((p) => !p.startsWith(join('app', 'api'))), ...sources('components')].filter((p) => /JSON\.stringify\((?!answer|response|\{ events)/.test(readFileSync(p, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
