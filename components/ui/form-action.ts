import type { ActionState } from '@/lib/action-state';

/**
 * A validated Server Action (lib/action-state.ts) as a plain `<form action>`, for a control that answers in place once
 * hydrated (its onSubmit calls the action) and only needs the form to work before then. React renders such a form with
 * one hidden field naming the action; through useActionState it would also carry the action's bound state, its
 * initial value and a key for the answer (four fields, and their encoding on every render), for an answer these
 * controls never show. Without JavaScript the page comes back with the change.
 */
export function plainFormAction(action: (prev: ActionState, formData: FormData) => Promise<ActionState>) {
  return action as unknown as (formData: FormData) => Promise<void>;
}
