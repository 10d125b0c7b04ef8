-- Supplies (issue 10), first step: orders have a status and are cancelled,
-- never deleted; the practice sets a low-stock threshold per product.

-- ORDERED until the box arrives, RECEIVED with its day, or CANCELLED while
-- nothing from it has been used on a patient.
ALTER TABLE orders ADD COLUMN status TEXT NOT NULL DEFAULT 'ORDERED' CHECK (status IN ('ORDERED','RECEIVED','CANCELLED'));
ALTER TABLE orders ADD COLUMN cancelled_date TEXT;
ALTER TABLE orders ADD COLUMN cancel_reason TEXT CHECK (cancel_reason IS NULL OR length(cancel_reason) <= 300);
UPDATE orders SET status = 'RECEIVED' WHERE received_date IS NOT NULL;
CREATE INDEX idx_orders_tenant_status ON orders(tenant_id, status, order_date);

-- Below this many units left (across every received, unexpired lot) a product shows as low.
CREATE TABLE product_settings (
  tenant_id           TEXT NOT NULL REFERENCES tenants(id) ON DELETE RESTRICT,
  product_id          TEXT NOT NULL CHECK (length(product_id) BETWEEN 1 AND 100),
  low_stock_threshold INTEGER NOT NULL CHECK (low_stock_threshold >= 0),
  updated_at          TEXT NOT NULL,
  PRIMARY KEY (tenant_id, product_id)
) WITHOUT ROWID;
