/** What the bundle's README says about its own content. */
export interface ReadmeFacts {
  label: string;
  entries: number;
  size: number;
  root: string;
  origin: string;
  signedAt: string;
  files: number;
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
| \`entries.jsonl\` | các mục minh chứng, mỗi dòng đúng nguyên các byte đã ghi vào nhật ký (JSON chuẩn hoá, UTF-8) |
| \`proofs.json\` | với mỗi mục: số thứ tự, mã băm lá và đường chứng minh có mặt (RFC 9162) trong mốc kiểm chứng |
| \`checkpoint.txt\` | mốc kiểm chứng đã ký Ed25519 (định dạng C2SP tlog-checkpoint) |
| \`checkpoints/\`, \`consistency.json\` | các mốc đã phát hành trước đây và chứng minh nhất quán: nhật ký hiện tại chỉ nối thêm, không sửa, xoá hay đảo thứ tự gì so với các mốc đó |
| \`key.pem\`, \`key.txt\` | khoá công khai của đơn vị (PEM và chuỗi xác minh signed-note) |
| \`files/\` | ${facts.files} tệp đính kèm (ảnh, biên bản…), tên tệp là mã SHA-256 của nội dung |
| \`summary.csv\` | tổng hợp thực hiện định mức theo nhiệm vụ và kỳ (mở bằng Excel/LibreOffice) |
| \`verify.mjs\` | chương trình kiểm tra độc lập, chỉ cần Node.js (phiên bản 18 trở lên) |

## Cách kiểm tra

1. Giải nén bộ tài liệu vào một thư mục.
2. Đối chiếu khoá công khai trong \`key.txt\` với khoá đơn vị đã công bố (văn bản, cổng thông tin).
3. Đối chiếu kích thước và mã băm gốc trong \`checkpoint.txt\` với các số đã in trong báo cáo định kỳ.
4. Chạy \`node verify.mjs\` trong thư mục đó. Kết quả \`HỢP LỆ\` nghĩa là: chữ ký của mốc đúng, mọi mục
   nằm trong cây Merkle của mốc, các mốc trước nhất quán với mốc này và các tệp đính kèm không bị đổi.
   Kết quả \`KHÔNG HỢP LỆ\` nêu từng mục (số thứ tự) bị sửa, bị xoá, sai thứ tự hoặc không thuộc mốc.

Bộ tài liệu do loa lập; không cần cài loa để kiểm tra.
`;
}
