// Helpers for tests that call Server Actions. In the test file:
//   vi.mock('@/lib/auth/viewer', () => import('@/test/actions'));
//   vi.mock('next/cache', () => import('@/test/actions'));
// then actAs(viewer) chooses who is calling.
import type { ActionState } from '@/lib/action-state';
import type { Viewer } from '@/lib/auth/viewer';

let current: Viewer | null = null;

export function actAs(viewer: Viewer | null) {
  current = viewer;
}

// Stand-ins for lib/auth/viewer: the session is whoever actAs() named.
export async function getViewer() {
  return current;
}
export async function requireUser() {
  if (!current) throw new Error('requireUser called while signed out');
  return current;
}

// Stand-ins for next/cache, which needs a request to revalidate.
export const revalidated: string[] = [];
export function revalidatePath(path: string) {
  revalidated.push(path);
}
export function revalidateTag(tag: string) {
  revalidated.push(`tag:${tag}`);
}

export function form(fields: Record<string, string | number | boolean | string[] | undefined | null>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) data.append(`${key}[]`, v);
    else data.append(key, String(value));
  }
  return data;
}

export type Action = (prev: ActionState, data: FormData) => Promise<ActionState>;

export function call(action: Action, fields: Parameters<typeof form>[0]) {
  return action({}, form(fields));
}
