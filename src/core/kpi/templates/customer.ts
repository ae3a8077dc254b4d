import type { KpiTemplate } from './template';

export const CUSTOMER_TEMPLATES: KpiTemplate[] = [
  {
    id: 'csat',
    code: 'CSAT',
    category: 'customer',
    name: { vi: 'Điểm hài lòng khách hàng (CSAT)', en: 'Customer satisfaction (CSAT)' },
    description: {
      vi: 'Điểm trung bình của các phiếu khảo sát hài lòng (thang 1–5) nhận được trong kỳ',
      en: 'Average score of satisfaction surveys (1–5 scale) received in the period',
    },
    unit: 'score', direction: 'increase', aggregation: 'avg', frequency: 'monthly',
    level: 'tactical', perspective: 'customer', source: 'import',
    exampleTarget: { value: 4.5, note: { vi: 'Trung bình ≥ 4,5/5 mỗi tháng', en: 'Average ≥ 4.5/5 each month' } },
    tags: ['customer', 'service'],
  },
  {
    id: 'nps',
    code: 'NPS',
    category: 'customer',
    name: { vi: 'Chỉ số sẵn lòng giới thiệu (NPS)', en: 'Net Promoter Score (NPS)' },
    description: {
      vi: '% người chấm 9–10 trừ % người chấm 0–6 cho câu hỏi "Bạn có giới thiệu chúng tôi không?" (thang 0–10)',
      en: '% of respondents scoring 9–10 minus % scoring 0–6 on "Would you recommend us?" (0–10 scale)',
    },
    unit: 'score', direction: 'increase', aggregation: 'ratio', frequency: 'quarterly',
    level: 'strategic', perspective: 'customer', source: 'import',
    exampleTarget: { value: 40, note: { vi: 'NPS từ 40 trở lên', en: 'NPS of 40 or more' } },
    tags: ['customer'],
  },
  {
    id: 'returning-customer-rate',
    code: 'RETURNING_CUSTOMER_RATE',
    category: 'customer',
    name: { vi: 'Tỷ lệ khách hàng quay lại', en: 'Returning-customer rate' },
    description: {
      vi: 'Số khách hàng mua lần thứ hai trở lên trong kỳ chia tổng số khách hàng có mua trong kỳ',
      en: 'Customers buying for the second time or more in the period divided by all buying customers in the period',
    },
    unit: '%', direction: 'increase', aggregation: 'ratio', frequency: 'monthly',
    level: 'tactical', perspective: 'customer', source: 'import',
    exampleTarget: { value: 0.35, note: { vi: '35% khách hàng quay lại', en: '35% of customers return' } },
    tags: ['customer', 'retention'],
  },
  {
    id: 'complaint-resolution-time',
    code: 'COMPLAINT_RESOLUTION_HOURS',
    category: 'customer',
    name: { vi: 'Thời gian xử lý khiếu nại trung bình', en: 'Average complaint resolution time' },
    description: {
      vi: 'Số giờ trung bình từ khi nhận đến khi đóng khiếu nại, tính trên các khiếu nại đóng trong kỳ',
      en: 'Average hours from receiving to closing a complaint, over complaints closed in the period',
    },
    unit: 'hours', direction: 'decrease', aggregation: 'avg', frequency: 'monthly',
    level: 'operational', perspective: 'process', source: 'import',
    exampleTarget: { value: 24, note: { vi: 'Không quá 24 giờ', en: 'At most 24 hours' } },
    tags: ['customer', 'service'],
  },
  {
    id: 'churn-rate',
    code: 'CHURN_RATE',
    category: 'customer',
    name: { vi: 'Tỷ lệ khách hàng rời bỏ', en: 'Customer churn rate' },
    description: {
      vi: 'Số khách hàng ngừng sử dụng dịch vụ trong kỳ chia số khách hàng đang hoạt động đầu kỳ',
      en: 'Customers who stopped using the service in the period divided by active customers at the start of the period',
    },
    unit: '%', direction: 'decrease', aggregation: 'ratio', frequency: 'monthly',
    level: 'tactical', perspective: 'customer', source: 'import',
    exampleTarget: { value: 0.02, note: { vi: 'Không quá 2% mỗi tháng', en: 'At most 2% per month' } },
    tags: ['customer', 'retention'],
  },
];
