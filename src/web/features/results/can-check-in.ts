/** Mirrors the server's rule (app/actuals/access.ts) to decide whether to show the check-in form; the server still decides. */
export function canCheckIn(
  user: { role: string; personId: number | null },
  kpi: { ownerId: number | null; measurerId: number | null } | undefined,
  scope: { type: 'company' | 'unit' | 'person'; id?: number | null },
): boolean {
  if (user.role === 'admin') return true;
  if (user.role === 'viewer') return false;
  const me = user.personId;
  if (me !== null && kpi && (kpi.ownerId === me || kpi.measurerId === me)) return true;
  if (scope.type === 'company') return false;
  if (scope.type === 'person' && scope.id === me) return true;
  return user.role === 'manager';
}
