import type { Store } from '../ports';
import { notify } from './notify';

// The notices of people performance: small calls the appraisal use-cases make in their own transaction.

async function userOfPerson(store: Store, personId: number | null): Promise<number | null> {
  if (personId === null) return null;
  return (await store.people.findById(personId))?.userId ?? null;
}

/** A target was proposed (or revised) on a KPI item: the sheet's person is asked to agree. Once per item version. */
export async function tellTargetProposed(
  store: Store,
  sheet: { id: number; personId: number },
  item: { id: number; name: { vi: string; en: string } },
  version: number,
  target: number | null,
  now: Date,
): Promise<void> {
  const userId = await userOfPerson(store, sheet.personId);
  if (userId === null) return;
  const value = (locale: string) => (target === null ? '–' : new Intl.NumberFormat(locale).format(target));
  await notify(
    store,
    {
      userId,
      category: 'appraisal',
      kind: 'appraisal.agreement',
      dedupeKey: `appraisal.agreement|${item.id}|${version}`,
      link: `/appraisal/sheets/${sheet.id}`,
      text: (lang) =>
        lang === 'vi'
          ? { title: `Đề nghị thống nhất chỉ tiêu: ${item.name.vi}`, body: `Chỉ tiêu đề xuất: ${value('vi-VN')}. Hãy đồng ý hoặc gửi đề xuất điều chỉnh trên phiếu đánh giá KPI.` }
          : { title: `Target agreement requested: ${item.name.en}`, body: `Proposed target: ${value('en-US')}. Accept it or counter-propose on the KPI evaluation sheet.` },
      event: { name: 'appraisal.agreement', payload: { sheetId: sheet.id, itemId: item.id, target } },
    },
    now,
  );
}

/** A self-assessment was submitted: the sheet's reviewer is asked for the manager review. */
export async function tellSelfAssessed(store: Store, sheet: { id: number; personName: string; reviewerId: number | null }, now: Date): Promise<void> {
  const userId = await userOfPerson(store, sheet.reviewerId);
  if (userId === null) return;
  await notify(
    store,
    {
      userId,
      category: 'appraisal',
      kind: 'appraisal.review',
      dedupeKey: `appraisal.review|${sheet.id}`,
      link: `/appraisal/sheets/${sheet.id}`,
      text: (lang) =>
        lang === 'vi'
          ? { title: `${sheet.personName} đã gửi bản tự đánh giá`, body: 'Hãy đánh giá (Quản lý đánh giá) trên phiếu đánh giá KPI.' }
          : { title: `${sheet.personName} submitted a self-assessment`, body: 'Please write the manager review on the KPI evaluation sheet.' },
      event: { name: 'appraisal.review', payload: { sheetId: sheet.id } },
    },
    now,
  );
}

/** A cycle was locked or published: everyone with a sheet in it is told (once per cycle, phase and its stamp). */
export async function tellCyclePhase(store: Store, cycle: { id: number; name: string }, phase: 'locked' | 'published', now: Date): Promise<void> {
  const { items } = await store.appraisal.sheets.list({ cycleId: cycle.id, visible: { selfPersonId: null }, limit: 100_000, offset: 0 });
  const told = new Set<number>();
  for (const sheet of items) {
    const userId = await userOfPerson(store, sheet.personId);
    if (userId === null || told.has(userId)) continue;
    told.add(userId);
    await notify(
      store,
      {
        userId,
        category: 'cycles',
        kind: `cycle.${phase}`,
        dedupeKey: `cycle.${phase}|${cycle.id}|${now.toISOString()}`,
        link: `/appraisal/sheets/${sheet.id}`,
        text: (lang) =>
          phase === 'locked'
            ? lang === 'vi'
              ? { title: `Kỳ đánh giá "${cycle.name}" đã chốt kết quả`, body: 'Kết quả đã được chốt; không sửa được nữa cho đến khi kỳ được mở lại.' }
              : { title: `Evaluation cycle "${cycle.name}" is locked`, body: 'The results are locked; they cannot change unless the cycle is reopened.' }
            : lang === 'vi'
              ? { title: `Kỳ đánh giá "${cycle.name}" đã công bố kết quả`, body: 'Bạn có thể xem kết quả đánh giá của mình.' }
              : { title: `Evaluation cycle "${cycle.name}" results are published`, body: 'You can now see your evaluation results.' },
        event: { name: `cycle.${phase}`, payload: { cycleId: cycle.id, cycle: cycle.name } },
      },
      now,
    );
  }
}
