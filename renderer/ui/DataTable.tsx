import { Table } from '@mantine/core';
import { tableFeatures, useTable, type ColumnDef, type RowData } from '@tanstack/react-table';
import type { KeyboardEvent, ReactNode } from 'react';

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
 * Dense, keyboard-friendly table: rows are focusable and Enter opens them,
 * because the front desk works from the keyboard with a phone in hand.
 */
export function DataTable<T extends RowData>({ columns, data, rowKey, rowTestId, onOpen, empty, caption }: DataTableProps<T>) {
  const table = useTable({ features, columns, data, getRowId: (row: T) => rowKey(row) });

  const onKey = (event: KeyboardEvent<HTMLTableRowElement>, row: T) => {
    if (event.key === 'Enter' && onOpen) {
      event.preventDefault();
      onOpen(row);
    } else if (event.key === 'ArrowDown') {
      (event.currentTarget.nextElementSibling as HTMLElement | null)?.focus();
      event.preventDefault();
    } else if (event.key === 'ArrowUp') {
      (event.currentTarget.previousElementSibling as HTMLElement | null)?.focus();
      event.preventDefault();
    }
  };

  const rows = table.getRowModel().rows;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover={Boolean(onOpen)} striped={false} className="data-table">
        {caption ? <Table.Caption>{caption}</Table.Caption> : null}
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => (
                <Table.Th key={header.id}>
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </Table.Th>
              ))}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr
              key={row.id}
              data-testid={rowTestId}
              tabIndex={onOpen ? 0 : undefined}
              onClick={onOpen ? () => onOpen(row.original) : undefined}
              onKeyDown={onOpen ? (e) => onKey(e, row.original) : undefined}
              className={onOpen ? 'clickable-row' : undefined}
            >
              {row.getAllCells().map((cell) => (
                <Table.Td key={cell.id}>
                  <table.FlexRender cell={cell} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows.length === 0 && empty ? empty : null}
    </Table.ScrollContainer>
  );
}
