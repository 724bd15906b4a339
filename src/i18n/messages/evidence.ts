import type { MessageEntry } from '../entry.js';

/** The evidence log: canonical entries, Merkle proofs, signing key, checkpoints, bundles, `loa evidence`. */
export const evidenceMessages = {
  EVIDENCE_VALUE_UNSUPPORTED: {
    vi: 'Minh chứng chứa giá trị không ghi được ở {path} (kiểu {type})',
    en: 'Evidence entry holds a value that cannot be recorded at {path} (type {type})',
    hintVi:
      'Chỉ dùng chuỗi, số, true/false, null, mảng và đối tượng thường; thời điểm ghi dạng chuỗi ISO UTC.',
    hintEn:
      'Use only strings, numbers, booleans, null, arrays and plain objects; instants as UTC ISO strings.',
  },
  EVIDENCE_NUMBER_NOT_FINITE: {
    vi: 'Minh chứng chứa số không hữu hạn ở {path}: {value}',
    en: 'Evidence entry holds a non-finite number at {path}: {value}',
    hintVi: 'Kiểm tra phép tính tạo ra giá trị này; ghi null nếu không có số liệu.',
    hintEn: 'Check the computation that produced it; record null when there is no figure.',
  },
  EVIDENCE_TEXT_MALFORMED: {
    vi: 'Minh chứng chứa chuỗi Unicode hỏng (nửa cặp surrogate) ở {path}',
    en: 'Evidence entry holds broken Unicode text (a lone surrogate) at {path}',
    hintVi: 'Văn bản có thể bị cắt giữa một ký tự; lấy lại văn bản gốc.',
    hintEn: 'The text was probably cut inside a character; take the original text again.',
  },
  EVIDENCE_DUPLICATE_KEY: {
    vi: 'Minh chứng có hai trường cùng tên "{key}" sau khi chuẩn hoá NFC ở {path}',
    en: 'Evidence entry has two fields named "{key}" once normalised to NFC, at {path}',
    hintVi: 'Hai tên trường chỉ khác nhau về cách dựng dấu; giữ lại một.',
    hintEn: 'The two names differ only in how diacritics are composed; keep one.',
  },
  EVIDENCE_VALUE_CYCLE: {
    vi: 'Minh chứng tham chiếu vòng tới chính nó ở {path}',
    en: 'Evidence entry refers back to itself at {path}',
    hintVi: 'Ghi bản sao dữ liệu dạng cây, không có tham chiếu vòng.',
    hintEn: 'Record a tree-shaped copy of the data, without cycles.',
  },
  EVIDENCE_TREE_RANGE: {
    vi: 'Yêu cầu ngoài phạm vi cây Merkle: {detail}',
    en: 'Request outside the Merkle tree: {detail}',
    hintVi: 'Chỉ số bắt đầu từ 0 và nhỏ hơn kích thước cây; kích thước không vượt số bản ghi.',
    hintEn: 'Indices start at 0 and stay below the tree size; sizes never exceed the entry count.',
  },
  EVIDENCE_PROOF_INVALID: {
    vi: 'Bằng chứng Merkle không hợp lệ ({reason}): {detail}',
    en: 'Invalid Merkle proof ({reason}): {detail}',
    hintVi: 'Nhật ký minh chứng có thể đã bị sửa, xoá hoặc sắp xếp lại so với mốc đã công bố.',
    hintEn:
      'The evidence log may have been edited, truncated or reordered since the published checkpoint.',
  },
  EVIDENCE_KEY_NAME_INVALID: {
    vi: 'Tên khoá ký không hợp lệ: "{name}"',
    en: 'Invalid signing key name: "{name}"',
    hintVi: 'Dùng tên không rỗng, không dấu cách, không dấu +, ví dụ sonoivu.example.gov.vn/loa.',
    hintEn: 'Use a non-empty name without spaces or +, e.g. sonoivu.example.gov.vn/loa.',
  },
  EVIDENCE_KEY_PERMISSIONS: {
    vi: 'Tệp khoá ký {file} cho người khác truy cập được (quyền {mode})',
    en: 'Signing key file {file} is open to other users (mode {mode})',
    hintVi:
      'Chạy `chmod 600 {file}`; nếu khoá có thể đã lộ, hãy tạo khoá mới và công bố khoá công khai mới.',
    hintEn:
      'Run `chmod 600 {file}`; if the key may have leaked, make a new one and publish its public key.',
  },
  EVIDENCE_KEY_UNREADABLE: {
    vi: 'Không đọc được khoá ký {file}: {reason}',
    en: 'Cannot read the signing key {file}: {reason}',
    hintVi: 'Khôi phục tệp khoá từ bản sao lưu; không tạo khoá mới khi nhật ký đã có mốc ký.',
    hintEn: 'Restore the key file from a backup; do not make a new key once checkpoints exist.',
  },
  EVIDENCE_CHECKPOINT_MALFORMED: {
    vi: 'Mốc kiểm chứng (checkpoint) sai định dạng: {reason}',
    en: 'Malformed checkpoint: {reason}',
    hintVi: 'Dùng nguyên văn mốc do loa in ra, kể cả dòng trống và dòng chữ ký.',
    hintEn: 'Use the checkpoint exactly as loa printed it, blank line and signature line included.',
  },
  EVIDENCE_CHECKPOINT_UNSIGNED: {
    vi: 'Mốc kiểm chứng không có chữ ký của khoá {name}',
    en: 'The checkpoint carries no signature by key {name}',
    hintVi: 'Kiểm tra khoá công khai dùng để xác minh có đúng của đơn vị phát hành không.',
    hintEn: "Check that the public key used to verify is the issuing unit's key.",
  },
  EVIDENCE_CHECKPOINT_FORGED: {
    vi: 'Chữ ký của khoá {name} không khớp với mốc kiểm chứng: nội dung đã bị sửa',
    en: 'The signature by key {name} does not match the checkpoint: its text was altered',
    hintVi: 'Lấy lại mốc từ báo cáo gốc; không tin số liệu trong bản đã bị sửa.',
    hintEn: 'Take the checkpoint again from the original report; do not trust the altered one.',
  },
  EVIDENCE_ENTRY_INVALID: {
    vi: 'Minh chứng không hợp lệ: trường {field} = "{value}"',
    en: 'Invalid evidence entry: field {field} = "{value}"',
    hintVi: 'kind là một loại minh chứng đã biết, time là thời điểm ISO 8601, actor không rỗng.',
    hintEn: 'kind is a known evidence kind, time an ISO 8601 instant, actor not empty.',
  },
  EVIDENCE_TASK_NOT_FOUND: {
    vi: 'Kế hoạch {plan} không có nhiệm vụ "{task}"',
    en: 'Plan {plan} has no task "{task}"',
    hintVi: 'Các nhiệm vụ của kế hoạch: {known}.',
    hintEn: "The plan's tasks: {known}.",
  },
  EVIDENCE_PROOF_USAGE: {
    vi: 'Cần --index N [--size S] (chứng minh có mặt) hoặc --from S1 --to S2 (chứng minh nhất quán)',
    en: 'Give --index N [--size S] (inclusion) or --from S1 --to S2 (consistency)',
    hintVi: 'Ví dụ: loa evidence proof --index 12, loa evidence proof --from 100 --to 250.',
    hintEn: 'For example: loa evidence proof --index 12, loa evidence proof --from 100 --to 250.',
  },
  EVIDENCE_ADDED: {
    vi: 'Đã ghi minh chứng số {index} ({task}, {time}); {files} tệp đính kèm',
    en: 'Recorded evidence entry {index} ({task}, {time}); {files, plural, one {# file} other {# files}} attached',
  },
  EVIDENCE_VERIFY_OK: {
    vi: 'Nhật ký minh chứng nguyên vẹn: {size} mục, gốc {root}; {checkpoints} mốc đã ký đều khớp',
    en: 'Evidence log intact: {size, plural, one {# entry} other {# entries}}, root {root}; {checkpoints, plural, one {# signed checkpoint matches} other {# signed checkpoints match}}',
  },
  EVIDENCE_VERIFY_FAILED: {
    vi: 'Nhật ký minh chứng đã bị thay đổi: {count} sai lệch',
    en: 'The evidence log was altered: {count, plural, one {# discrepancy} other {# discrepancies}}',
    hintVi:
      'Không dùng số liệu của nhật ký này; đối chiếu với bản xuất và mốc kiểm chứng đã gửi đi.',
    hintEn: 'Do not rely on this log; compare it with exports and checkpoints handed out earlier.',
  },
  EVIDENCE_PROBLEM_BYTES_CHANGED: {
    vi: 'mục {index}: nội dung đã bị sửa (mã băm lá lưu {expected}, tính lại được {found})',
    en: 'entry {index}: its bytes were edited (stored leaf hash {expected}, recomputed {found})',
  },
  EVIDENCE_PROBLEM_MOVED: {
    vi: 'mục {index}: nằm sai vị trí (vị trí {expected}, nội dung ghi số {found})',
    en: 'entry {index}: out of place (position {expected}, the entry says {found})',
  },
  EVIDENCE_PROBLEM_MISSING: {
    vi: 'mục {index}: bị xoá (cần số {expected}, gặp số {found})',
    en: 'entry {index}: removed (expected index {expected}, found {found})',
  },
  EVIDENCE_PROBLEM_HEAD: {
    vi: 'đầu nhật ký không khớp từ mục {index} (đầu ghi {expected}, tính lại {found})',
    en: 'the log head differs from entry {index} on (head says {expected}, recomputed {found})',
  },
  EVIDENCE_PROBLEM_TRUNCATED: {
    vi: 'mốc {checkpoint}: nhật ký bị cắt từ mục {index} (mốc có {expected} mục, còn {found})',
    en: 'checkpoint {checkpoint}: the log was cut from entry {index} (checkpoint has {expected}, log {found})',
  },
  EVIDENCE_PROBLEM_ROOT: {
    vi: 'mốc {checkpoint}: mã băm gốc khác (thay đổi nằm từ mục {index} trở đi; mốc {expected}, tính lại {found})',
    en: 'checkpoint {checkpoint}: root differs (the change lies at entry {index} or later; checkpoint {expected}, recomputed {found})',
  },
  EVIDENCE_PROBLEM_REWRITTEN: {
    vi: 'mốc {checkpoint}: nhật ký đã bị viết lại từ mục {index} (mã băm lá khi đó {expected}, nay {found})',
    en: 'checkpoint {checkpoint}: the log was rewritten from entry {index} on (leaf hash then {expected}, now {found})',
  },
  EVIDENCE_PROBLEM_SIGNATURE: {
    vi: 'mốc {checkpoint}: chữ ký hoặc nội dung không hợp lệ (cần {expected}, gặp {found})',
    en: 'checkpoint {checkpoint}: bad signature or text (expected {expected}, found {found})',
  },
  EVIDENCE_EXPORTED: {
    vi: 'Đã xuất {entries} mục minh chứng vào {path}; kiểm tra bằng: node verify.mjs',
    en: 'Exported {entries, plural, one {# evidence entry} other {# evidence entries}} to {path}; check with: node verify.mjs',
  },
  EVIDENCE_WRITTEN: { vi: 'Đã ghi {path}', en: 'Wrote {path}' },
  EVIDENCE_KIND_UNKNOWN: {
    vi: 'Không có loại minh chứng "{kind}"',
    en: 'No evidence kind "{kind}"',
    hintVi: 'Dùng một trong: {known}',
    hintEn: 'Use one of: {known}',
  },
  EVIDENCE_LIST_LINE: {
    vi: '#{index}  {when}  {kind}  {task}  {channel}  {what}  {corrects}',
    en: '#{index}  {when}  {kind}  {task}  {channel}  {what}  {corrects}',
  },
  EVIDENCE_LIST_CORRECTS: { vi: '(đính chính #{index})', en: '(corrects #{index})' },
  EVIDENCE_LIST_VOIDS: { vi: '(huỷ #{index})', en: '(voids #{index})' },
  EVIDENCE_APPROVED: {
    vi: '(duyệt: {by}, phiên bản {version}, {hash})',
    en: '(approved by {by}, version {version}, {hash})',
  },
  EVIDENCE_LIST_COUNT: {
    vi: '{count} mục (giờ {zone})',
    en: '{count, plural, one {# entry} other {# entries}} (times in {zone})',
  },
  EVIDENCE_PROBLEM_INSERTED: {
    vi: 'mục {index}: có hai mục cùng ghi số {found} (cần số {expected}): một mục đã bị chèn vào',
    en: 'entry {index}: two entries say index {found} (expected {expected}): one was inserted',
  },
  EVIDENCE_PROBLEM_COLUMN: {
    vi: 'mục {index}: cột {field} đã bị sửa (nội dung đã ký ghi "{expected}", cột ghi "{found}")',
    en: 'entry {index}: its {field} column was edited (the signed bytes say "{expected}", the column "{found}")',
  },
  EVIDENCE_PROBLEM_FILE_MISSING: {
    vi: 'mục {index}: mất tệp đính kèm {expected}',
    en: 'entry {index}: attached file {expected} is missing',
  },
  EVIDENCE_PROBLEM_FILE_CHANGED: {
    vi: 'mục {index}: tệp đính kèm {expected} đã bị sửa (mã SHA-256 hiện là {found})',
    en: 'entry {index}: attached file {expected} was changed (its SHA-256 is now {found})',
  },
  EVIDENCE_COSIGNATURE_REFUSED: {
    vi: 'Không nhận chữ ký chứng kiến: {reason}',
    en: 'Cosignature refused: {reason}',
    hintVi:
      'Gửi mốc kiểm chứng của chính nhật ký này, có chữ ký của một cơ quan chứng kiến có khoá trong LOA_WITNESS_KEYS.',
    hintEn: 'Send a checkpoint of this log, signed by a witness whose key is in LOA_WITNESS_KEYS.',
  },
  EVIDENCE_WITNESSED: {
    vi: 'Cơ quan chứng kiến {witness} đã thấy và ký nhật ký đến {size} mục (ký lúc {time})',
    en: 'Witness {witness} has seen and cosigned the log up to {size, plural, one {# entry} other {# entries}} (cosigned {time})',
  },
  EVIDENCE_NOT_WITNESSED: {
    vi: 'Chưa có cơ quan chứng kiến nào ký mốc kiểm chứng của nhật ký này',
    en: 'No witness has cosigned a checkpoint of this log yet',
  },
  EVIDENCE_TASK_NOT_MANUAL: {
    vi: 'Nhiệm vụ "{task}" của kế hoạch {plan} không nhận minh chứng nhập tay',
    en: 'Task "{task}" of plan {plan} takes no evidence by hand',
    hintVi:
      'Nhiệm vụ này được tính từ các lượt đăng của kênh; chọn một nhiệm vụ ghi nhận bằng tay (hội nghị, tập huấn, tờ rơi, báo chí…).',
    hintEn:
      "This task counts the channels' publications; choose a task recorded by hand (conferences, trainings, leaflets, press…).",
  },
  EVIDENCE_DATE_OUTSIDE_PLAN: {
    vi: 'Ngày {date} nằm ngoài thời gian thực hiện kế hoạch {plan} ({start} – {end})',
    en: 'The date {date} lies outside plan {plan} ({start} – {end})',
    hintVi: 'Chọn một ngày trong thời gian thực hiện kế hoạch.',
    hintEn: "Choose a date inside the plan's period.",
  },
} as const satisfies Record<string, MessageEntry>;
