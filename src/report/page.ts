/** Decree 30/2020/NĐ-CP: A4, Times New Roman, margins top/bottom 20 mm, left 30, right 15. */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  marginMm: { top: 20, bottom: 20, left: 30, right: 15 },
  font: 'Times New Roman',
};
