/** The demo company: a Vietnamese trading company with ~40 people. */
export const DEMO_PASSWORD = 'openkpi-demo';

export const DEMO_COMPANY = {
  name: 'Công ty TNHH Thương mại Minh An',
  timezone: 'Asia/Ho_Chi_Minh',
  currency: 'VND',
  locale: 'vi-VN' as const,
  fiscalYearStartMonth: 1,
};

export const DEMO_UNITS: { code: string; name: string; parent: string | null }[] = [
  { code: 'MA', name: 'Công ty Minh An', parent: null },
  { code: 'BGD', name: 'Ban Giám đốc', parent: 'MA' },
  { code: 'KD', name: 'Phòng Kinh doanh', parent: 'MA' },
  { code: 'KD-MB', name: 'Nhóm Kinh doanh Miền Bắc', parent: 'KD' },
  { code: 'KD-MN', name: 'Nhóm Kinh doanh Miền Nam', parent: 'KD' },
  { code: 'MKT', name: 'Phòng Marketing', parent: 'MA' },
  { code: 'NS', name: 'Phòng Nhân sự', parent: 'MA' },
  { code: 'KT', name: 'Phòng Kế toán', parent: 'MA' },
];

export const DEMO_POSITIONS = [
  { code: 'giam-doc', name: 'Giám đốc' },
  { code: 'pho-giam-doc', name: 'Phó Giám đốc' },
  { code: 'truong-phong', name: 'Trưởng phòng' },
  { code: 'truong-nhom', name: 'Trưởng nhóm' },
  { code: 'nv-kinh-doanh', name: 'Nhân viên kinh doanh' },
  { code: 'cv-marketing', name: 'Chuyên viên Marketing' },
  { code: 'cv-nhan-su', name: 'Chuyên viên Nhân sự' },
  { code: 'ke-toan-vien', name: 'Kế toán viên' },
  { code: 'ke-toan-truong', name: 'Kế toán trưởng' },
  { code: 'quan-tri-he-thong', name: 'Quản trị hệ thống' },
];

export interface DemoPerson {
  name: string;
  email: string;
  unit: string;
  position: string;
  manager: string | null;
  login?: 'admin' | 'manager' | 'employee' | 'viewer';
}

const p = (name: string, email: string, unit: string, position: string, manager: string | null, login?: DemoPerson['login']): DemoPerson =>
  login ? { name, email, unit, position, manager, login } : { name, email, unit, position, manager };

export const DEMO_PEOPLE: DemoPerson[] = [
  p('Nguyễn Minh An', 'an.nguyen@minhan.vn', 'BGD', 'giam-doc', null, 'viewer'),
  p('Trần Thị Hồng Nhung', 'nhung.tran@minhan.vn', 'BGD', 'pho-giam-doc', 'an.nguyen@minhan.vn'),
  p('Phạm Quốc Huy', 'admin@minhan.vn', 'BGD', 'quan-tri-he-thong', 'an.nguyen@minhan.vn', 'admin'),
  p('Lê Văn Đức', 'truong.kd@minhan.vn', 'KD', 'truong-phong', 'an.nguyen@minhan.vn', 'manager'),
  p('Hoàng Thị Lan', 'lan.hoang@minhan.vn', 'KD-MB', 'truong-nhom', 'truong.kd@minhan.vn'),
  p('Vũ Đình Khoa', 'nhanvien@minhan.vn', 'KD-MB', 'nv-kinh-doanh', 'lan.hoang@minhan.vn', 'employee'),
  p('Đặng Thu Trang', 'trang.dang@minhan.vn', 'KD-MB', 'nv-kinh-doanh', 'lan.hoang@minhan.vn'),
  p('Bùi Tiến Dũng', 'dung.bui@minhan.vn', 'KD-MB', 'nv-kinh-doanh', 'lan.hoang@minhan.vn'),
  p('Đỗ Ngọc Ánh', 'anh.do@minhan.vn', 'KD-MB', 'nv-kinh-doanh', 'lan.hoang@minhan.vn'),
  p('Ngô Thanh Tùng', 'tung.ngo@minhan.vn', 'KD-MB', 'nv-kinh-doanh', 'lan.hoang@minhan.vn'),
  p('Dương Mỹ Linh', 'linh.duong@minhan.vn', 'KD-MB', 'nv-kinh-doanh', 'lan.hoang@minhan.vn'),
  p('Lý Hoàng Nam', 'nam.ly@minhan.vn', 'KD-MB', 'nv-kinh-doanh', 'lan.hoang@minhan.vn'),
  p('Trịnh Văn Phúc', 'phuc.trinh@minhan.vn', 'KD-MN', 'truong-nhom', 'truong.kd@minhan.vn'),
  p('Nguyễn Thị Thảo', 'thao.nguyen@minhan.vn', 'KD-MN', 'nv-kinh-doanh', 'phuc.trinh@minhan.vn'),
  p('Phan Minh Quân', 'quan.phan@minhan.vn', 'KD-MN', 'nv-kinh-doanh', 'phuc.trinh@minhan.vn'),
  p('Huỳnh Gia Bảo', 'bao.huynh@minhan.vn', 'KD-MN', 'nv-kinh-doanh', 'phuc.trinh@minhan.vn'),
  p('Võ Thị Kim Ngân', 'ngan.vo@minhan.vn', 'KD-MN', 'nv-kinh-doanh', 'phuc.trinh@minhan.vn'),
  p('Tạ Đức Thịnh', 'thinh.ta@minhan.vn', 'KD-MN', 'nv-kinh-doanh', 'phuc.trinh@minhan.vn'),
  p('Lâm Tú Anh', 'tuanh.lam@minhan.vn', 'KD-MN', 'nv-kinh-doanh', 'phuc.trinh@minhan.vn'),
  p('Châu Văn Lộc', 'loc.chau@minhan.vn', 'KD-MN', 'nv-kinh-doanh', 'phuc.trinh@minhan.vn'),
  p('Mai Phương Thảo', 'truong.mkt@minhan.vn', 'MKT', 'truong-phong', 'nhung.tran@minhan.vn', 'manager'),
  p('Kiều Anh Tuấn', 'tuan.kieu@minhan.vn', 'MKT', 'cv-marketing', 'truong.mkt@minhan.vn'),
  p('Hà Thị Yến', 'yen.ha@minhan.vn', 'MKT', 'cv-marketing', 'truong.mkt@minhan.vn'),
  p('Đinh Công Minh', 'minh.dinh@minhan.vn', 'MKT', 'cv-marketing', 'truong.mkt@minhan.vn'),
  p('Tô Bảo Ngọc', 'ngoc.to@minhan.vn', 'MKT', 'cv-marketing', 'truong.mkt@minhan.vn'),
  p('Quách Thị Hạnh', 'hanh.quach@minhan.vn', 'MKT', 'cv-marketing', 'truong.mkt@minhan.vn'),
  p('Lương Thế Vinh', 'vinh.luong@minhan.vn', 'MKT', 'cv-marketing', 'truong.mkt@minhan.vn'),
  p('Nguyễn Thu Hà', 'truong.ns@minhan.vn', 'NS', 'truong-phong', 'nhung.tran@minhan.vn', 'manager'),
  p('Phạm Thị Huyền', 'huyen.pham@minhan.vn', 'NS', 'cv-nhan-su', 'truong.ns@minhan.vn'),
  p('Trần Đức Anh', 'ducanh.tran@minhan.vn', 'NS', 'cv-nhan-su', 'truong.ns@minhan.vn'),
  p('Vương Khánh Linh', 'khanhlinh.vuong@minhan.vn', 'NS', 'cv-nhan-su', 'truong.ns@minhan.vn'),
  p('Đoàn Thị Mai', 'ktt@minhan.vn', 'KT', 'ke-toan-truong', 'an.nguyen@minhan.vn', 'manager'),
  p('Lê Thị Thu Hương', 'huong.le@minhan.vn', 'KT', 'ke-toan-vien', 'ktt@minhan.vn'),
  p('Nguyễn Văn Hải', 'hai.nguyen@minhan.vn', 'KT', 'ke-toan-vien', 'ktt@minhan.vn'),
  p('Trương Mỹ Duyên', 'duyen.truong@minhan.vn', 'KT', 'ke-toan-vien', 'ktt@minhan.vn'),
  p('Cao Xuân Trường', 'truong.cao@minhan.vn', 'KT', 'ke-toan-vien', 'ktt@minhan.vn'),
  p('Hồ Ngọc Diệp', 'diep.ho@minhan.vn', 'KD-MN', 'nv-kinh-doanh', 'phuc.trinh@minhan.vn'),
  p('Doãn Quốc Việt', 'viet.doan@minhan.vn', 'KD-MB', 'nv-kinh-doanh', 'lan.hoang@minhan.vn'),
  p('Thái Bảo Châu', 'chau.thai@minhan.vn', 'MKT', 'cv-marketing', 'truong.mkt@minhan.vn'),
  p('Âu Dương Phong', 'phong.au@minhan.vn', 'NS', 'cv-nhan-su', 'truong.ns@minhan.vn'),
];
