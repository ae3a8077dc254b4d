/** Vietnamese names for generated people and units, picked by a seeded generator. */

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const FAMILY_WEIGHTS = [38, 11, 9, 7, 5, 4, 4, 4, 3, 2, 2, 2, 2, 2, 2, 1];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Đức', 'Ngọc', 'Quốc', 'Hữu', 'Thu', 'Gia', 'Hoài', 'Xuân', 'Bảo', 'Kim'];
const GIVEN = [
  'An', 'Anh', 'Bình', 'Châu', 'Chi', 'Cường', 'Dũng', 'Duy', 'Dương', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hòa', 'Hùng', 'Hương',
  'Huy', 'Khánh', 'Khoa', 'Lan', 'Linh', 'Long', 'Mai', 'Minh', 'My', 'Nam', 'Nga', 'Ngân', 'Nhung', 'Phong', 'Phúc', 'Phương', 'Quân',
  'Quang', 'Quỳnh', 'Sơn', 'Tâm', 'Thảo', 'Thắng', 'Thành', 'Thủy', 'Tiến', 'Trang', 'Trung', 'Tú', 'Tuấn', 'Uyên', 'Vân', 'Việt', 'Vy', 'Yến',
];

const FAMILY_TOTAL = FAMILY_WEIGHTS.reduce((a, b) => a + b, 0);

export function personName(rand: () => number): string {
  let x = rand() * FAMILY_TOTAL;
  let f = 0;
  while (x >= FAMILY_WEIGHTS[f]!) x -= FAMILY_WEIGHTS[f++]!;
  const middle = MIDDLE[Math.floor(rand() * MIDDLE.length)]!;
  const given = GIVEN[Math.floor(rand() * GIVEN.length)]!;
  return `${FAMILY[f]!} ${middle} ${given}`;
}

export const PLACES = [
  'Hà Nội', 'Hải Phòng', 'Quảng Ninh', 'Bắc Ninh', 'Nam Định', 'Thái Nguyên', 'Đà Nẵng', 'Huế', 'Nghệ An', 'Khánh Hòa', 'Quảng Nam',
  'Bình Định', 'TP. Hồ Chí Minh', 'Bình Dương', 'Đồng Nai', 'Cần Thơ', 'Vũng Tàu', 'Long An',
];
