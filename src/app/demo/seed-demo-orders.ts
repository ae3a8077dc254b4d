import type { IsoDate } from '../../core/period';
import type { DatasetBatch } from '../datasets/ports';
import type { Store } from '../ports';
import { DEMO_ORDER_COLUMNS, DEMO_ORDERS_DATASET, DEMO_ORDERS_LABEL, generateDemoOrders } from './demo-orders';

const CHUNK = 50_000;
const DEMO_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * Writes the demo `orders` dataset (two years of orders before `today`, see demo-orders.ts) through the dataset
 * import's own writer: the table and catalogue entry as an import defines them, rows by COPY in chunks, indexes
 * and the row count at the end. Runs in the caller's transaction. Returns the number of orders.
 */
export async function seedDemoOrders(store: Store, today: IsoDate): Promise<number> {
  const datasets = store.datasets;
  const dataset = await datasets.define({ name: DEMO_ORDERS_DATASET, label: DEMO_ORDERS_LABEL, columns: DEMO_ORDER_COLUMNS, keyColumns: ['order_id'] }, null);
  await datasets.useTimeZone((await store.company.get())?.timezone ?? DEMO_TIME_ZONE);
  const encoder = datasets.encoder(dataset, 'table');
  const batches: DatasetBatch[] = [];
  let row = 1;
  const orders = generateDemoOrders(today, {
    add(values) {
      encoder.add(++row, values);
      if (encoder.rows >= CHUNK) batches.push(encoder.take());
    },
  });
  if (encoder.rows > 0) batches.push(encoder.take());
  for (const batch of batches) await datasets.copy(dataset, batch, 'table'); // one connection: one COPY at a time
  await datasets.finish(dataset);
  return orders;
}
