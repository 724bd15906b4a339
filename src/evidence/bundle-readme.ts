/** What the bundle's README says about its own content. */
export interface ReadmeFacts {
  label: string;
  entries: number;
  size: number;
  root: string;
  origin: string;
  signedAt: string;
  files: number;
  /** Checkpoints signed before this one. */
  earlier: number;
}

/**
 * The README of an auditor bundle, in Vietnamese (its readers are auditors at the Sở Nội vụ
 * or the Bộ Nội vụ): what each file is and how to check the bundle without loa.
 */
export function bundleReadme(facts: ReadmeFacts): string {
  return `# Bộ tài liệu kiểm chứng tuyên truyền CCHC

Khoảng thời gian: ${facts.label}. Số mục minh chứng: ${facts.entries}.
Mốc kiểm chứng (checkpoint) của nhật ký \`${facts.origin}\`: ${facts.size} mục,
mã băm gốc SHA-256 \`${facts.root}\`, ký lúc ${facts.signedAt}.

## Các tệp

| tệp | nội dung |
|---|---|
| \`entries.jsonl\` | TOÀN BỘ nhật ký từ mục số 0 đến mục số ${facts.size - 1}, mỗi dòng đúng nguyên các byte đã ghi (JSON chuẩn hoá, UTF-8); các mục của kỳ được chọn theo thời điểm ghi trong chính các byte đó |
| \`leaves.txt\` | mã băm lá (RFC 9162) của từng mục, theo thứ tự |
| \`checkpoint.txt\` | mốc kiểm chứng ký Ed25519 lúc xuất (định dạng C2SP tlog-checkpoint), ${facts.size} mục |
| \`checkpoints/\` | ${facts.earlier} mốc đã ký trước đây |
| \`key.pem\`, \`key.txt\` | khoá công khai của đơn vị (PEM và chuỗi xác minh signed-note) |
| \`files/\` | ${facts.files} tệp đính kèm của các mục trong kỳ, tên tệp là mã SHA-256 của nội dung |
| \`audit.json\` | kết quả kiểm tra từng kế hoạch trong kỳ, kèm quy tắc của từng nhiệm vụ và loại của từng kênh |
| \`summary.csv\` | tổng hợp thực hiện định mức theo nhiệm vụ và kỳ (mở bằng Excel/LibreOffice) |
| \`manifest.txt\` | danh sách mọi tệp trên cùng mã SHA-256 của chúng và kỳ, có chữ ký của đơn vị |
| \`verify.mjs\` | chương trình kiểm tra độc lập, chỉ cần Node.js (phiên bản 18 trở lên) |

## Cách kiểm tra

1. Giải nén bộ tài liệu vào một thư mục.
2. Đối chiếu khoá công khai trong \`key.txt\` với khoá đơn vị đã công bố (văn bản, cổng thông tin).
3. Đối chiếu kích thước và mã băm gốc trong \`checkpoint.txt\` (hoặc một mốc trong \`checkpoints/\`)
   với các số đã in trong báo cáo định kỳ, bản tin, hoặc do cơ quan chứng kiến (Sở Nội vụ) lưu giữ.
4. Chạy \`node verify.mjs\` trong thư mục đó. Chương trình kiểm tra:
   - chữ ký của \`manifest.txt\` và mã SHA-256 của mọi tệp nó liệt kê (tệp thiếu hoặc bị sửa đều bị nêu tên);
   - chữ ký của \`checkpoint.txt\` và của từng mốc trong \`checkpoints/\`;
   - các mục trong \`entries.jsonl\` liên tục từ số 0, không thiếu, không thừa, không đảo thứ tự, mỗi mục
     đúng mã băm lá trong \`leaves.txt\`, và toàn bộ cho đúng mã băm gốc của \`checkpoint.txt\`; các mục
     đầu tiên cho đúng mã băm gốc của từng mốc trước (nhật ký chỉ nối thêm, không viết lại);
   - mỗi tệp đính kèm của các mục trong kỳ có mặt trong \`files/\` và đúng mã SHA-256;
   - tính lại kết quả từ các mục (đính chính, huỷ, kênh phục vụ nhiệm vụ, thời lượng tối thiểu, khung giờ,
     ngày trong tuần, chủ đề, trạng thái đạt / không đạt) và so với \`audit.json\` và từng dòng của
     \`summary.csv\`: một dòng không khớp bị nêu tên.
   Kết quả \`HỢP LỆ\` (mã thoát 0) nghĩa là mọi điều trên đều đúng. Kết quả \`KHÔNG HỢP LỆ\` (mã thoát 1)
   nêu từng mục (số thứ tự), từng tệp hoặc từng dòng sai.
5. Điều chương trình không tự kiểm tra được: khoá và quy tắc trong \`audit.json\` có đúng là của đơn vị
   và của kế hoạch đã ban hành không (bước 2 và đối chiếu với văn bản kế hoạch); giữa "nguy cơ không đạt"
   và "đang thực hiện" (phụ thuộc lịch đăng còn lại) chương trình chấp nhận cả hai.

Bộ tài liệu do loa lập; không cần cài loa để kiểm tra.
`;
}
