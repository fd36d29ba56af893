'use client';
// "Show less like this" on a feed post folds the post, in its place, to a one-line notice with Undo (focus on Undo):
// the list never re-ranks under the person. Undo takes the signal back and unfolds the post where it was, focus on
// its "Show less like this…" again.
import { createContext, use, useEffect, useRef, useState, useTransition, type ReactNode } from 'react';
import { buttonClass } from '@/components/ui/button';
import { undoShowLessAction } from '@/lib/recommend/actions';

type Folded = { message: string; controlId: string };
type Fold = { fold: (folded: Folded) => void; round: number };

const FoldContext = createContext<Fold | null>(null);

/** Where focus returns when Undo unfolds the post: its "Show less like this…" (components/feed/item-controls.tsx). */
export const showLessSummaryId = (postId: string) => `show-less-${postId}`;

/** For the feed's controls inside a post: fold it, and how many times it was unfolded (to start them afresh). */
export function usePostFold() {
  return use(FoldContext);
}

export function CollapsiblePost({ postId, foldable, children }: { postId: string; foldable: boolean; children: ReactNode }) {
  const [folded, setFolded] = useState<Folded | null>(null);
  const [round, setRound] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const undoButton = useRef<HTMLButtonElement>(null);
  const undone = useRef(false);
  useEffect(() => {
    if (folded) undoButton.current?.focus();
    else if (undone.current) {
      undone.current = false;
      document.getElementById(showLessSummaryId(postId))?.focus();
    }
  }, [folded, postId]);
  const undo = () => {
    if (!folded || pending) return;
    startTransition(async () => {
      const data = new FormData();
      data.set('controlId', folded.controlId);
      const result = await undoShowLessAction({}, data);
      if (result.error) return setError(result.error);
      setError(null);
      undone.current = true;
      setRound((r) => r + 1);
      setFolded(null);
    });
  };
  if (!foldable) return children;
  return (
    <FoldContext value={{ fold: setFolded, round }}>
      {folded && (
        <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
          <p role="status" className="min-w-0 flex-1 text-muted">
            {folded.message}
          </p>
          <button ref={undoButton} type="button" onClick={undo} aria-disabled={pending || undefined} className={buttonClass('secondary', 'sm')}>
            {pending ? 'Undoing…' : 'Undo'}
          </button>
          {error && (
            <p role="alert" className="basis-full text-danger">
              {error}
            </p>
          )}
        </div>
      )}
      <div hidden={Boolean(folded)}>
        {children}
      </div>
    </FoldContext>
  );
}
