/** What a channel's funnel is built from: sums over its monthly results. */
export interface FunnelSums {
  /** People reached (traffic): recipients of sends, visitors. */
  recipients: number;
  /** Leads: the people who responded. */
  responses: number;
  /** Closed sales: new customers acquired. */
  acquisitions: number;
  /** Revenue attributed to the channel (VND). */
  revenue: number;
}

/** traffic → leads → closed sales → revenue, with the conversion between each step (null over a zero). */
export interface Funnel {
  traffic: number;
  leads: number;
  sales: number;
  revenue: number;
  /** leads ÷ traffic (the response rate). */
  leadRate: number | null;
  /** sales ÷ leads. */
  closeRate: number | null;
  /** sales ÷ traffic, end to end. */
  salesRate: number | null;
  /** revenue ÷ sales: revenue per closed sale. */
  revenuePerSale: number | null;
}

const over = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/**
 * A channel's (or the total's) funnel. The rates are ratios of the sums given, so the total's rates come from the
 * total's sums — never a mean of the channels' rates.
 */
export function funnelOf(s: FunnelSums): Funnel {
  return {
    traffic: s.recipients,
    leads: s.responses,
    sales: s.acquisitions,
    revenue: s.revenue,
    leadRate: over(s.responses, s.recipients),
    closeRate: over(s.acquisitions, s.responses),
    salesRate: over(s.acquisitions, s.recipients),
    revenuePerSale: over(s.revenue, s.acquisitions),
  };
}
