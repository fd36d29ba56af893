'use client';

import { createContext, useCallback, useContext, useState, type ComponentProps } from 'react';
import { ActionForm } from '@/components/ui/action-form';
import { Toast } from '@/components/ui/toast';
import type { ActionState } from '@/lib/action-state';

// An answered card leaves the open queue as soon as the page is fresh again, and its form with it: the answer is
// announced by the queue instead, which stays.
const Announce = createContext<(message: string) => void>(() => {});

export function QueueAnnouncer({ children }: { children: React.ReactNode }) {
  const [shown, setShown] = useState<{ message: string; id: number } | null>(null);
  const announce = useCallback((message: string) => setShown({ message, id: Date.now() }), []);
  return (
    <Announce.Provider value={announce}>
      {children}
      <Toast message={shown?.message} id={shown?.id} />
    </Announce.Provider>
  );
}

/** An ActionForm whose success is announced by the queue (its own card may be gone by then). */
export function QueueActionForm({ action, ...props }: ComponentProps<typeof ActionForm>) {
  const announce = useContext(Announce);
  const announced = useCallback(
    async (state: ActionState, data: FormData) => {
      const result = await action(state, data);
      if (result.success) announce(result.success);
      return result;
    },
    [action, announce],
  );
  return <ActionForm {...props} action={announced} />;
}
