import { z } from 'zod';
import type * as T from '../types';
import { ALL, channel, id, isoDate, money, optionalText, pageInput, required, text, version } from './define';

/** Who orders and receives supplies: the administrator, the front desk and the assistants who stock the rooms. */
const STOCK_KEEPERS = ['ADMIN', 'FRONT_DESK', 'ASSISTANT'] as const;

const SKU = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
export const productId = text(100)
  .min(1, 'The product code (SKU) is required.')
  .regex(SKU, 'A product code is letters, digits and . _ / - (no spaces).');

export const orderItemFields = z.object({
  /** Present for an item already on the order. */
  id: id.optional(),
  productId,
  productName: required('Product name', 255),
  quantity: z.number().int('Order whole units.').min(1, 'Order at least 1.').max(1_000_000, 'At most 1,000,000 units.'),
  unitCost: money.nullish().transform((v) => v ?? null),
  lotNumber: optionalText(60),
  expiryDate: isoDate.nullish().transform((v) => v ?? null),
});

export const orderFields = z.object({
  supplier: required('Supplier', 120),
  orderNumber: optionalText(60),
  orderDate: isoDate,
  notes: optionalText(2000),
  items: z.array(orderItemFields).min(1, 'An order has at least one item.').max(200, 'At most 200 items on one order.'),
});

export const suppliesContract = {
  'orders.create': channel<T.Order>()({ input: orderFields, roles: STOCK_KEEPERS, writes: true }),
  'orders.get': channel<T.Order>()({ input: z.object({ id }), roles: ALL }),
  /** Newest first, by status and supplier (part of the name). */
  'orders.list': channel<T.Page<T.OrderSummary>>()({
    input: z.object({ status: z.enum(['ORDERED', 'RECEIVED', 'CANCELLED']).optional(), supplier: text(120).optional(), ...pageInput }),
    roles: ALL,
  }),
  /** The header and the whole item list (items without an id are added, missing ones removed) under the order's version. */
  'orders.update': channel<T.Order>()({ input: orderFields.extend({ id, version }), roles: STOCK_KEEPERS, writes: true }),
  /** The box arrived: its day (default today), and the lots and expiry dates read off it. */
  'orders.receive': channel<T.Order>()({
    input: z.object({
      id,
      version,
      receivedDate: isoDate.optional(),
      lots: z.array(z.object({ id, lotNumber: optionalText(60), expiryDate: isoDate.nullish().transform((v) => v ?? null) })).max(200).default([]),
    }),
    roles: STOCK_KEEPERS,
    writes: true,
  }),
  /** Cancels an order from which nothing was used; it stays on record. */
  'orders.cancel': channel<T.Order>()({
    input: z.object({ id, version, reason: z.string().trim().min(1, 'Say why the order is cancelled.').max(300, 'At most 300 characters.') }),
    roles: STOCK_KEEPERS,
    writes: true,
  }),
  /** Stock per product across its lots; `lowOnly` for the products at or below their threshold. */
  'stock.list': channel<T.StockProduct[]>()({
    input: z.object({ productId: productId.optional(), lowOnly: z.boolean().default(false), includeEmpty: z.boolean().default(false) }),
    roles: ALL,
  }),
  /** Sets (or, with null, clears) the units at or below which a product shows as low. */
  'stock.setThreshold': channel<{ productId: string; threshold: number | null }>()({
    input: z.object({ productId, threshold: z.number().int('Whole units.').min(0, 'Cannot be negative.').max(1_000_000).nullable() }),
    roles: STOCK_KEEPERS,
    writes: true,
  }),
} as const;
