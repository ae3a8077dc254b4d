import type { IsoDate } from '../../../core/period';
import type { DatasetBatch } from '../../datasets/ports';
import type { Store } from '../../ports';
import { DEMO_ORDER_COLUMNS, DEMO_ORDERS_DATASET, DEMO_ORDERS_LABEL, generateDemoOrders } from '../demo-orders';

const CHUNK = 50_000;
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * Exactly `count` orders of the demo shape (demo-orders.ts: two years before `today`, Tết and sales peaks),
 * written through the dataset import's writer like seedDemoOrders. The demo generator gives ~140k orders for
 * a seed; more passes with other seeds give more, and an even pick over all of them keeps exactly `count`,
 * spread over the whole two years. Runs in the caller's transaction.
 */
export async function writeOrders(store: Store, today: IsoDate, count: number, seed: number, onProgress: (done: number, total: number) => void): Promise<number> {
  if (count === 0) return 0;
  const perPass = generateDemoOrders(today, { add() {} }, seed);
  const passes = Math.max(1, Math.ceil(count / perPass));
  const all = passes * perPass;
  const datasets = store.datasets;
  const dataset = await datasets.define({ name: DEMO_ORDERS_DATASET, label: DEMO_ORDERS_LABEL, columns: DEMO_ORDER_COLUMNS, keyColumns: ['order_id'] }, null);
  await datasets.useTimeZone((await store.company.get())?.timezone ?? TIME_ZONE);
  const encoder = datasets.encoder(dataset, 'table');
  let seen = 0;
  let kept = 0;
  for (let pass = 0; pass < passes; pass++) {
    const batches: DatasetBatch[] = [];
    generateDemoOrders(
      today,
      {
        add(values) {
          const pick = Math.floor(((seen + 1) * count) / all) > Math.floor((seen * count) / all);
          seen++;
          if (!pick) return;
          kept++;
          const row = [...values];
          row[0] = `DH${String(kept).padStart(8, '0')}`;
          if (passes > 1) row[2] = `KH${pass + 1}-${values[2]!.slice(2)}`;
          encoder.add(kept + 1, row);
          if (encoder.rows >= CHUNK) batches.push(encoder.take());
        },
      },
      (seed + pass * 7919) >>> 0,
    );
    if (encoder.rows > 0) batches.push(encoder.take());
    for (const batch of batches) await datasets.copy(dataset, batch, 'table');
    onProgress(kept, count);
  }
  await datasets.finish(dataset);
  return kept;
}
