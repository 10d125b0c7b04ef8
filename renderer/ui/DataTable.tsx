import { Table } from '@mantine/core';
import { tableFeatures, useTable, type ColumnDef, type RowData } from '@tanstack/react-table';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

const features = tableFeatures({});
type Features = typeof features;
export type Columns<T extends RowData> = ColumnDef<Features, T, unknown>[];

export interface DataTableProps<T extends RowData> {
  columns: Columns<T>;
  data: T[];
  rowKey: (row: T) => string;
  rowTestId?: string;
  onOpen?: (row: T) => void;
  empty?: ReactNode;
  caption?: string;
}

/**
 * Pages up to this long render whole: a server page of 25 or 50 rows is
 * cheap, and every row stays findable in the page. Longer ones (Today asks
 * for 200) keep only the rows in view.
 */
const RENDER_ALL_UP_TO = 50;
/** A dense row's height before it is measured (14 px text, Mantine's xs cell padding, a border). */
const ESTIMATED_ROW_HEIGHT = 40;
/** Rows kept rendered beyond each edge of the window: enough that the arrow keys always find the next row in the DOM. */
const OVERSCAN = 10;
/**
 * The page's top edge of `element`, in document coordinates: where the list
 * starts on the page, which the window virtualizer subtracts from the
 * window's scroll position. Read again whenever the page changes size, as
 * it does when something above the table (filters, alerts, counts) comes or
 * goes. A ResizeObserver reports once as it starts, so no first read is needed.
 */
function useDocumentTop(element: RefObject<HTMLElement | null>, enabled: boolean): number {
  const [top, setTop] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    const observer = new ResizeObserver(() => {
      const el = element.current;
      if (el) setTop(Math.round(el.getBoundingClientRect().top + window.scrollY));
    });
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [element, enabled]);
  return top;
}

/**
 * Dense, keyboard-friendly table: rows are focusable and Enter opens them,
 * because the front desk works from the keyboard with a phone in hand.
 *
 * A long body is virtualized against the window's scroll (the page scrolls,
 * not the table, so it looks and scrolls as any page does): only the rows in
 * view and a few either side are in the DOM, with a spacer row above and
 * below standing in for the rest. aria-rowcount and aria-rowindex tell
 * assistive technology where each rendered row sits among all of them.
 */
export function DataTable<T extends RowData>({ columns, data, rowKey, rowTestId, onOpen, empty, caption }: DataTableProps<T>) {
  const table = useTable({ features, columns, data, getRowId: (row: T) => rowKey(row) });
  const rows = table.getRowModel().rows;
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const virtualized = rows.length > RENDER_ALL_UP_TO;
  const scrollMargin = useDocumentTop(bodyRef, virtualized);
  const virtualizer = useWindowVirtualizer({
    enabled: virtualized,
    count: rows.length,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const inView = virtualized ? virtualizer.getVirtualItems() : [];
  const items = virtualized ? inView : rows.map((_, index) => ({ index }));
  const first = inView[0];
  const last = inView.at(-1);
  const spaceAbove = first ? first.start - scrollMargin : 0;
  const spaceBelow = last ? Math.max(0, virtualizer.getTotalSize() - (last.end - scrollMargin)) : 0;

  /** Moves focus to row `index`, scrolling it into the DOM first when it is outside the rendered range. */
  const focusRow = (index: number) => {
    const target = Math.min(Math.max(index, 0), rows.length - 1);
    const find = () => bodyRef.current?.querySelector<HTMLElement>(`tr[data-index="${target}"]`);
    const rendered = find();
    if (rendered) {
      rendered.focus();
      return;
    }
    virtualizer.scrollToIndex(target, { align: 'auto' });
    requestAnimationFrame(() => requestAnimationFrame(() => find()?.focus()));
  };

  const onKey = (event: KeyboardEvent<HTMLTableRowElement>, row: T, index: number) => {
    // Keys pressed in a control inside the row are that control's.
    if (event.target !== event.currentTarget) return;
    const move: Partial<Record<string, number>> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: rows.length - 1 };
    if (event.key === 'Enter' && onOpen) {
      event.preventDefault();
      onOpen(row);
    } else if (move[event.key] !== undefined) {
      event.preventDefault();
      focusRow(move[event.key]!);
    }
  };

  const columnCount = table.getAllLeafColumns().length;
  // aria-rowindex counts from 1 across header and body rows alike.
  const headerGroups = table.getHeaderGroups();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover={Boolean(onOpen)} striped={false} className="data-table" aria-rowcount={headerGroups.length + rows.length}>
        {caption ? <Table.Caption>{caption}</Table.Caption> : null}
        <Table.Thead>
          {headerGroups.map((group, i) => (
            <Table.Tr key={group.id} aria-rowindex={i + 1}>
              {group.headers.map((header) => (
                <Table.Th key={header.id}>
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </Table.Th>
              ))}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody ref={bodyRef}>
          {spaceAbove > 0 ? <SpacerRow height={spaceAbove} columns={columnCount} /> : null}
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <Table.Tr
                key={row.id}
                ref={virtualized ? virtualizer.measureElement : undefined}
                data-index={item.index}
                aria-rowindex={headerGroups.length + item.index + 1}
                data-testid={rowTestId}
                tabIndex={onOpen ? 0 : undefined}
                onClick={onOpen ? () => onOpen(row.original) : undefined}
                onKeyDown={onOpen ? (e) => onKey(e, row.original, item.index) : undefined}
                className={onOpen ? 'clickable-row' : undefined}
              >
                {row.getAllCells().map((cell) => (
                  <Table.Td key={cell.id}>
                    <table.FlexRender cell={cell} />
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
          {spaceBelow > 0 ? <SpacerRow height={spaceBelow} columns={columnCount} /> : null}
        </Table.Tbody>
      </Table>
      {rows.length === 0 && empty ? empty : null}
    </Table.ScrollContainer>
  );
}

/** Holds the place of the rows scrolled out of the DOM; hidden from assistive technology, which counts by aria-rowindex. */
function SpacerRow({ height, columns }: { height: number; columns: number }) {
  return (
    <tr aria-hidden="true" className="data-table-spacer">
      <td colSpan={columns} style={{ height }} />
    </tr>
  );
}
