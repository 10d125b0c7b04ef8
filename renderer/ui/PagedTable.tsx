import { Group, Pagination, Paper } from '@mantine/core';
import type { RowData } from '@tanstack/react-table';
import type { Ref } from 'react';
import { DataTable, type DataTableProps } from './DataTable';

interface Props<T extends RowData> extends DataTableProps<T> {
  /** Rows in all pages; undefined while the first page loads. */
  total: number | undefined;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  /** The bordered box around the table (e.g. to move focus into it). */
  containerRef?: Ref<HTMLDivElement>;
}

/** The arrow buttons show only an icon; these are their names. */
const CONTROL_LABELS = { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page' } as const;

/** A bordered DataTable with page buttons under it once there is more than one page. */
export function PagedTable<T extends RowData>({ total, page, pageSize, onPage, containerRef, ...table }: Props<T>) {
  const pages = total ? Math.max(1, Math.ceil(total / pageSize)) : 1;
  return (
    <>
      <Paper withBorder radius="md" ref={containerRef}>
        <DataTable {...table} />
      </Paper>
      {pages > 1 ? (
        <Group justify="flex-end" mt="md">
          <Pagination total={pages} value={page} onChange={onPage} size="sm" getControlProps={(control) => ({ 'aria-label': CONTROL_LABELS[control] })} />
        </Group>
      ) : null}
    </>
  );
}
