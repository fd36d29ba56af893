import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

vi.mock('@/lib/auth/viewer', () => ({ getViewer: async () => ({ id: 'u1', handle: 'ana', name: 'Ana', image: null }) }));
// The action hook's For you write is the db suite's business: here it would open a database, which timed out at 5 s in CI.
vi.mock('@/lib/recommend/for-you-list', () => ({ forgetForYou: async () => {} }));
// So is the suspension check (lib/admin/suspended.db.test.ts proves it on both databases).
vi.mock('@/lib/admin/suspended', () => ({ isSuspended: async () => false, suspendedActionMessage: 'suspended' }));

const { databaseUnavailableMessage, validatedAction, validatedActionWithUser } = await import('./action-state');

const dropped = () => new Error('Failed query', { cause: Object.assign(new Error('terminating connection'), { code: '57P01' }) });

describe('actions while the database is unreachable', () => {
  it('answer with a message beside the form, keeping what was typed, instead of an error page', async () => {
    const action = validatedActionWithUser(z.object({ body: z.string() }), async () => {
      throw dropped();
    });
    const form = new FormData();
    form.set('body', 'Hello there');
    form.set('password', 'secret-value');
    const state = await action({}, form);
    expect(state.error).toBe(databaseUnavailableMessage);
    expect(state.values).toEqual({ body: 'Hello there' });
  });
  it('still throw other errors', async () => {
    const action = validatedAction(z.object({}), async () => {
      throw new Error('a bug');
    });
    await expect(action({}, new FormData())).rejects.toThrow('a bug');
  });
});

describe('an action used as a plain form action', () => {
  // <form action={plainFormAction(action)}> (components/ui/form-action.ts): without JavaScript, Next calls the action
  // with the form alone.
  it('reads the form from its only argument, validates it and acts as the person', async () => {
    const seen: unknown[] = [];
    const action = validatedActionWithUser(z.object({ postId: z.string().min(1, 'Which post?') }), async (data, viewer) => {
      seen.push([data.postId, viewer.id]);
    });
    const form = new FormData();
    form.set('postId', 'p1');
    const plain = action as unknown as (formData: FormData) => ReturnType<typeof action>;
    expect(await plain(form)).toEqual({});
    expect(seen).toEqual([['p1', 'u1']]);
    const empty = new FormData();
    empty.set('postId', '');
    expect((await plain(empty)).fieldErrors?.postId).toBe('Which post?');
    expect(seen).toHaveLength(1);
  });
});
