/**
 * A list that renders only the rows in view (@tanstack/react-virtual), for lists longer than a screen:
 * a unit's inbox across incidents, the directory, an incident's task matrix. Rows may differ in height;
 * each is measured once rendered.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useRef } from 'react';

export function VirtualList<T>({
  items,
  estimate,
  rowKey,
  render,
  label,
  height = '70vh',
}: {
  items: readonly T[];
  estimate: number;
  rowKey: (item: T) => string;
  render: (item: T) => ReactNode;
  label: string;
  height?: string;
}) {
  const parent = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: items.length,
    getScrollElement: () => parent.current,
    estimateSize: () => estimate,
    getItemKey: (i) => rowKey(items[i]!),
    overscan: 6,
  });
  return (
    <div
      ref={parent}
      className="vlist"
      style={{ maxHeight: height }}
      role="list"
      aria-label={label}
      tabIndex={0}
    >
      <div style={{ height: v.getTotalSize(), position: 'relative' }}>
        {v.getVirtualItems().map((row) => (
          <div
            key={row.key}
            role="listitem"
            data-index={row.index}
            ref={v.measureElement}
            style={{
              position: 'absolute',
              top: 0,
              left: 0,
              right: 0,
              transform: `translateY(${row.start}px)`,
            }}
          >
            {render(items[row.index]!)}
          </div>
        ))}
      </div>
    </div>
  );
}
