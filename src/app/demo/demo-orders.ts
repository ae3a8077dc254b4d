import type { DatasetColumnInfo } from '../../core/dataset/types';
import type { IsoDate } from '../../core/period';
import { mulberry32, noise } from '../demo-actuals/prng';

/**
 * The demo company's orders: two years of online and in-store orders of a Vietnamese retailer, generated
 * deterministically (the same `today` gives the same rows). Customers come back (about a third of orders are
 * repeat orders), the business grows ~25 % a year, Tết and the 11/11 and 12/12 sales are peaks, evenings and
 * weekends busier. Values are the canonical text the dataset import writes (datetimes local to the company).
 */
export const DEMO_ORDERS_DATASET = 'orders';
export const DEMO_ORDERS_LABEL = 'Đơn hàng';

export const DEMO_ORDER_COLUMNS: DatasetColumnInfo[] = [
  { name: 'order_id', label: 'Mã đơn', type: 'text' },
  { name: 'ordered_at', label: 'Thời điểm đặt', type: 'datetime' },
  { name: 'customer_id', label: 'Mã khách hàng', type: 'text' },
  { name: 'province', label: 'Tỉnh/Thành', type: 'text' },
  { name: 'region', label: 'Miền', type: 'text' },
  { name: 'channel', label: 'Kênh', type: 'text' },
  { name: 'category', label: 'Ngành hàng', type: 'text' },
  { name: 'product', label: 'Sản phẩm', type: 'text' },
  { name: 'quantity', label: 'Số lượng', type: 'integer' },
  { name: 'unit_price', label: 'Đơn giá', type: 'decimal' },
  { name: 'revenue', label: 'Doanh thu', type: 'decimal' },
];

/** Provinces by region, with a weight (share of customers). */
const PROVINCES: readonly [name: string, region: string, weight: number][] = [
  ['Hà Nội', 'Miền Bắc', 20],
  ['Hải Phòng', 'Miền Bắc', 5],
  ['Quảng Ninh', 'Miền Bắc', 3],
  ['Bắc Ninh', 'Miền Bắc', 3],
  ['Nam Định', 'Miền Bắc', 2],
  ['Thái Nguyên', 'Miền Bắc', 2],
  ['Đà Nẵng', 'Miền Trung', 5],
  ['Thừa Thiên Huế', 'Miền Trung', 2],
  ['Nghệ An', 'Miền Trung', 3],
  ['Khánh Hòa', 'Miền Trung', 2],
  ['Quảng Nam', 'Miền Trung', 2],
  ['Bình Định', 'Miền Trung', 2],
  ['TP. Hồ Chí Minh', 'Miền Nam', 24],
  ['Bình Dương', 'Miền Nam', 6],
  ['Đồng Nai', 'Miền Nam', 5],
  ['Cần Thơ', 'Miền Nam', 3],
  ['Bà Rịa - Vũng Tàu', 'Miền Nam', 2],
  ['Long An', 'Miền Nam', 2],
];

const CHANNELS: readonly [name: string, weight: number][] = [
  ['Facebook', 30],
  ['Zalo', 22],
  ['Website', 25],
  ['Cửa hàng', 15],
  ['Hotline', 8],
];

/** Products: category, name, price in VND, weight. */
const PRODUCTS: readonly [category: string, product: string, price: number, weight: number][] = [
  ['Gia dụng', 'Nồi cơm điện 1,8L', 1_290_000, 6],
  ['Gia dụng', 'Nồi chiên không dầu 5L', 1_890_000, 7],
  ['Gia dụng', 'Máy xay sinh tố', 890_000, 5],
  ['Gia dụng', 'Bình giữ nhiệt 500ml', 350_000, 8],
  ['Điện tử', 'Tai nghe Bluetooth', 790_000, 6],
  ['Điện tử', 'Sạc dự phòng 20.000mAh', 450_000, 7],
  ['Điện tử', 'Loa di động', 1_150_000, 3],
  ['Mỹ phẩm', 'Kem chống nắng', 285_000, 9],
  ['Mỹ phẩm', 'Sữa rửa mặt', 165_000, 9],
  ['Mỹ phẩm', 'Son dưỡng', 120_000, 6],
  ['Thực phẩm', 'Cà phê rang xay 500g', 185_000, 10],
  ['Thực phẩm', 'Trà Thái Nguyên 200g', 150_000, 6],
  ['Thực phẩm', 'Hạt điều rang muối 500g', 240_000, 7],
  ['Thời trang', 'Áo thun nam', 199_000, 8],
  ['Thời trang', 'Áo khoác gió', 459_000, 4],
  ['Thời trang', 'Túi xách nữ', 650_000, 3],
];

/** Share of an hour's orders by local hour (0–23): little at night, peaks late morning and evening. */
const HOURS = [1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 2, 3, 4, 5, 5.5, 4.5, 3.5, 3.5, 4, 4, 4, 4.5, 6, 7, 6.5, 4, 2];

/** Orders on an average day at the start of the two years. */
const BASE_PER_DAY = 140;
const YEARLY_GROWTH = 0.25;
/** Chance that an order is from a customer who bought before (when there is one). */
const REPEAT_SHARE = 0.34;
/** Chance that a returning customer uses their first channel again. */
const SAME_CHANNEL = 0.7;
const DAY_MS = 86_400_000;

export interface DemoOrderSink {
  add(values: readonly (string | null)[]): void;
}

function picker<T>(items: readonly T[], weight: (t: T) => number): (r: number) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) cumulative.push((total += weight(item)));
  return (r) => {
    const x = r * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!;
  };
}

/** Demand on a day: Tết (late Jan – mid Feb), 11/11 and 12/12 sales, the year-end rush, weekends. */
function seasonOf(day: Date): number {
  const m = day.getUTCMonth() + 1;
  const d = day.getUTCDate();
  let f = 1;
  if ((m === 1 && d >= 15) || (m === 2 && d <= 5)) f *= 1.6;
  if (m === 2 && d > 5 && d <= 15) f *= 0.6; // the Tết holiday itself is quiet
  if ((m === 11 && d === 11) || (m === 12 && d === 12)) f *= 3;
  if (m === 12) f *= 1.15;
  const weekday = day.getUTCDay();
  if (weekday === 0 || weekday === 6) f *= 1.2;
  return f;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Every order of the two years before `today` (the day itself excluded), in time order, handed to `sink` as
 * values in `DEMO_ORDER_COLUMNS` order. Returns the number of orders.
 */
export function generateDemoOrders(today: IsoDate, sink: DemoOrderSink, seed = 20_261_205): number {
  const rand = mulberry32(seed);
  const pickProvince = picker(PROVINCES, (p) => p[2]);
  const pickChannel = picker(CHANNELS, (c) => c[1]);
  const pickProduct = picker(PRODUCTS, (p) => p[3]);
  const end = Date.parse(`${today}T00:00:00Z`);
  const start = end - 730 * DAY_MS;
  // Customers: province index and first channel index, by customer number.
  const homes: number[] = [];
  const firstChannels: number[] = [];
  const provinceIndex = new Map(PROVINCES.map((p, i) => [p, i]));
  const channelIndex = new Map(CHANNELS.map((c, i) => [c, i]));
  const values: (string | null)[] = new Array(DEMO_ORDER_COLUMNS.length).fill(null);
  let orders = 0;
  for (let t = start, dayNo = 0; t < end; t += DAY_MS, dayNo++) {
    const day = new Date(t);
    const dateText = day.toISOString().slice(0, 10);
    const growth = Math.pow(1 + YEARLY_GROWTH, dayNo / 365);
    const count = Math.round(BASE_PER_DAY * growth * seasonOf(day) * noise(rand, 0.25));
    const hours = pickHours(count, rand);
    for (let k = 0; k < count; k++) {
      let customer: number;
      let channel: number;
      if (homes.length > 0 && rand() < REPEAT_SHARE) {
        // Recent customers come back more often than old ones.
        const back = Math.floor(Math.pow(rand(), 2.5) * homes.length);
        customer = homes.length - 1 - back;
        channel = rand() < SAME_CHANNEL ? firstChannels[customer]! : channelIndex.get(pickChannel(rand()))!;
      } else {
        customer = homes.length;
        homes.push(provinceIndex.get(pickProvince(rand()))!);
        channel = channelIndex.get(pickChannel(rand()))!;
        firstChannels.push(channel);
      }
      const [province, region] = PROVINCES[homes[customer]!]!;
      const [category, product, price] = pickProduct(rand());
      const quantity = rand() < 0.72 ? 1 : rand() < 0.7 ? 2 : 3 + Math.floor(rand() * 3);
      orders++;
      values[0] = `DH${pad(orders, 7)}`;
      values[1] = `${dateText} ${pad(hours[k]!)}:${pad(Math.floor(rand() * 60))}:${pad(Math.floor(rand() * 60))}`;
      values[2] = `KH${pad(customer + 1, 6)}`;
      values[3] = province;
      values[4] = region;
      values[5] = CHANNELS[channel]![0];
      values[6] = category;
      values[7] = product;
      values[8] = String(quantity);
      values[9] = String(price);
      values[10] = String(price * quantity);
      sink.add(values);
    }
  }
  return orders;
}

const pickHourOf = picker(
  HOURS.map((weight, hour) => ({ hour, weight })),
  (h) => h.weight,
);

/** The local hour of each of a day's orders, sorted, so orders are in time order within the day. */
function pickHours(count: number, rand: () => number): number[] {
  return Array.from({ length: count }, () => pickHourOf(rand()).hour).sort((a, b) => a - b);
}
