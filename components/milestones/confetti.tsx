// A short, CSS-only burst of confetti over a new milestone. Decorative: hidden from assistive technology, and not
// drawn at all when the person prefers reduced motion (app/globals.css).
import type { CSSProperties } from 'react';

const colours = ['#b4471f', '#f0b429', '#2f6f73', '#6a4c93', '#3d7a3a', '#e25c7a'];

export function Confetti({ pieces = 18 }: { pieces?: number }) {
  return (
    <div aria-hidden="true" className="pointer-events-none absolute inset-0 overflow-hidden" data-testid="confetti">
      {Array.from({ length: pieces }, (_, i) => {
        // Spread evenly around, with a little deterministic variety (no Math.random: server and client agree).
        const angle = (i / pieces) * Math.PI * 2;
        const reach = 70 + ((i * 37) % 60);
        const style = {
          background: colours[i % colours.length],
          '--dx': `${Math.round(Math.cos(angle) * reach * 2)}px`,
          '--dy': `${Math.round(Math.sin(angle) * reach)}px`,
          '--turn': `${(i % 2 ? 1 : -1) * (180 + ((i * 53) % 360))}deg`,
          '--delay': `${(i % 5) * 40}ms`,
        } as CSSProperties;
        return <span key={i} className="confetti-piece" style={style} />;
      })}
    </div>
  );
}
