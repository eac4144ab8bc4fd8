import type { ReactNode } from 'react';

/**
 * The horizontal scroll around a table that can be wider than a phone (large text, English, many
 * columns). It takes keyboard focus and has a name, so someone without a pointer can scroll it
 * too: a scrolling region with nothing focusable inside is out of reach of the keyboard (axe's
 * `scrollable-region-focusable`, WCAG 2.1.1). Tables whose rows hold links scroll as their links
 * take focus and can keep a plain `overflow-x-auto`.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
