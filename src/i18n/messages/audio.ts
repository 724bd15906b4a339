import type { MessageEntry } from '../entry.js';

/** Audio programmes: speech, podcast, playout, `loa audio`. */
export const audioMessages = {
  AUDIO_PATH_OUTSIDE: {
    vi: 'Đường dẫn nhạc hiệu "{value}" nằm ngoài thư mục dự án (hoặc ngoài thư mục nhạc hiệu)',
    en: 'The jingle path "{value}" leaves the project folder (or the jingle folder)',
    hintVi:
      'Đặt nhạc hiệu trong một thư mục của dự án, ghi đường dẫn tương đối, không "..", không liên kết ra ngoài.',
    hintEn:
      'Keep jingles in a folder of the project: a relative path, no "..", no link pointing outside.',
  },
  AUDIO_WAV_UNREADABLE: {
    vi: 'Không đọc được tệp âm thanh {file}: {reason}',
    en: 'Cannot read the audio file {file}: {reason}',
    hintVi: 'Dùng tệp WAV PCM (16 bit, đơn kênh hoặc stereo, tần số lấy mẫu bất kỳ).',
    hintEn: 'Use a PCM WAV file (16-bit, mono or stereo, any sample rate).',
  },
  AUDIO_FILE_MISSING: {
    vi: 'Không tìm thấy tệp âm thanh {file}',
    en: 'The audio file {file} was not found',
    hintVi: 'Đặt tệp (WAV hoặc MP3) vào đúng thư mục, hoặc sửa tên tệp trong tệp kênh hoặc bài.',
    hintEn: 'Put the file (WAV or MP3) in its folder, or fix its name in the channel or item file.',
  },
  AUDIO_NO_RUNDOWN: {
    vi: 'Chưa có kịch bản cho buổi phát {slot} của kênh {channel} ({period})',
    en: 'There is no rundown for the airing {slot} of channel {channel} ({period})',
    hintVi: 'Dựng kịch bản trước: loa rundown build {channel} {period}',
    hintEn: 'Build the rundown first: loa rundown build {channel} {period}',
  },
  AUDIO_PHASE_SPEAK: { vi: 'tin đã đọc', en: 'stories spoken' },
  AUDIO_PHASE_MASTER: { vi: 'đang chuẩn hóa âm lượng và mã hóa', en: 'normalising and encoding' },
  AUDIO_BUILT: {
    vi: '{air}  {file}  {duration} (kịch bản {planned}), {lufs} LUFS, SHA-256 {sha}…',
    en: '{air}  {file}  {duration} (rundown {planned}), {lufs} LUFS, SHA-256 {sha}…',
  },
  AUDIO_PODCAST_WRITTEN: {
    vi: 'Đã ghi nguồn tin podcast: {path}',
    en: 'Podcast feed written: {path}',
  },
  AUDIO_EMERGENCY_FILE_INVALID: {
    vi: 'Tệp danh sách thông báo khẩn cấp {file} không đọc được (không phải danh sách JSON)',
    en: 'The emergency announcement list {file} cannot be read (not a JSON list)',
    hintVi: 'Khôi phục tệp từ bản sao lưu, hoặc xoá nó rồi phát lại các thông báo còn hiệu lực.',
    hintEn: 'Restore the file from a backup, or delete it and announce the ones still due again.',
  },
  AUDIO_EMERGENCY_ITEM_UNKNOWN: {
    vi: 'Không có bài {item} (hoặc có nhiều bài cùng tên) để phát khẩn cấp',
    en: 'There is no item {item} (or several share that name) to announce',
    hintVi: 'Ghi mã đầy đủ của bài, ví dụ 2024/03/ten-bai; chạy loa sync nếu bài mới viết.',
    hintEn: 'Give the item’s full id, e.g. 2024/03/item-name; run loa sync if it is new.',
  },
  AUDIO_EMERGENCY_NOT_APPROVED: {
    vi: 'Bài {item} chưa được duyệt (status: approved) nên không phát khẩn cấp được',
    en: 'The item {item} is not approved (status: approved), so it cannot be announced',
    hintVi: 'Người có thẩm quyền duyệt bài, chạy loa sync, rồi phát lại.',
    hintEn: 'Have it approved, run loa sync, then announce it again.',
  },
  AUDIO_EMERGENCY_ANNOUNCED: {
    vi: 'KHẨN CẤP {station}: {title}, phát lúc {start} ({duration}), tệp {file}, SHA-256 {sha}…{preempts}',
    en: 'EMERGENCY {station}: {title}, cuts in at {start} ({duration}), file {file}, SHA-256 {sha}…{preempts}',
  },
  AUDIO_EMERGENCY_PREEMPTS: {
    vi: '; ngắt chương trình {what}',
    en: '; preempts {what}',
  },
  AUDIO_UNCHANGED: {
    vi: '{air}  {file}  không có gì thay đổi, giữ nguyên tệp ({duration}, SHA-256 {sha}…)',
    en: '{air}  {file}  nothing changed, file kept ({duration}, SHA-256 {sha}…)',
  },
  AUDIO_KEPT_AIRED: {
    vi: '{air}  {id}  đã phát sóng: giữ nguyên tệp đã phát',
    en: '{air}  {id}  already aired: the aired file is kept',
  },
  AUDIO_EMPTY: {
    vi: '{air}  {id}  kịch bản không có tin nào để đọc: chưa dựng tệp',
    en: '{air}  {id}  the rundown has no story to read: no file built',
  },
  AUDIO_REASON_MISMATCH: {
    vi: 'tệp đã phát không phải tệp đã lên lịch (mã SHA-256 khác)',
    en: 'the file played is not the file scheduled (SHA-256 differs)',
  },
  AUDIO_AS_RUN_INVALID: {
    vi: '{file}:{line}: trường {field} không hợp lệ ({value}); chưa ghi nhận dòng nào',
    en: '{file}:{line}: the field {field} is not valid ({value}); nothing was recorded',
    hintVi:
      'Mỗi dòng cần: station (mã kênh hoặc tên đài), start (2024-03-08T17:30), duration (giây), sha256 (64 ký tự hex).',
    hintEn:
      'Each row needs: station (channel id or station name), start (2024-03-08T17:30), duration (seconds), sha256 (64 hex digits).',
  },
  AUDIO_AS_RUN_REFUSED: {
    vi: '{file}:{line}: {reason}; chưa ghi nhận dòng nào của tệp',
    en: '{file}:{line}: {reason}; nothing of the file was recorded',
    hintVi: 'Sửa hoặc bỏ dòng {line} rồi nhập lại cả tệp.',
    hintEn: 'Fix or remove line {line}, then import the whole file again.',
  },
  AUDIO_AS_RUN_LINE: {
    vi: '{channel}  {start}  {duration}  {compliance} (minh chứng số {index})',
    en: '{channel}  {start}  {duration}  {compliance} (evidence entry {index})',
  },
  AUDIO_STATION_UNKNOWN: {
    vi: 'Không có đài {station} (mã kênh phát thanh hoặc tên đài)',
    en: 'There is no station {station} (a broadcast channel id or a station name)',
    hintVi: 'Các kênh phát thanh: {known}',
    hintEn: 'Broadcast channels: {known}',
  },
  AUDIO_PLAYLIST_EMPTY: {
    vi: 'Đài {station} chưa có tệp chương trình nào trong {period} (loa audio build)',
    en: 'Station {station} has no programme file in {period} (loa audio build)',
  },
  AUDIO_PLAYLIST_LINE: {
    vi: '{start}  {duration}  [{level}]  {title}  {url}  SHA-256 {sha}…  {mark}',
    en: '{start}  {duration}  [{level}]  {title}  {url}  SHA-256 {sha}…  {mark}',
  },
  AUDIO_LEVEL_NORMAL: { vi: 'thông thường', en: 'normal' },
  AUDIO_LEVEL_PRIORITY: { vi: 'ưu tiên', en: 'priority' },
  AUDIO_LEVEL_EMERGENCY: { vi: 'khẩn cấp', en: 'emergency' },
  AUDIO_PREEMPTED: { vi: 'bị ngắt bởi tin khẩn cấp {by}', en: 'preempted by the emergency {by}' },
  AUDIO_PREEMPTS: { vi: 'KHẨN CẤP: ngắt {what}', en: 'EMERGENCY: preempts {what}' },
  AUDIO_SPEECH_FAILED: {
    vi: 'Bộ đọc {engine} không tạo được giọng đọc: {reason}',
    en: 'The speech engine {engine} produced no speech: {reason}',
    hintVi:
      'Kiểm tra mục audio.engine và audio.voice trong tệp kênh; thử lại lệnh với bộ đọc mặc định (embedded).',
    hintEn:
      'Check audio.engine and audio.voice in the channel file; try the default engine (embedded).',
  },
  AUDIO_SPEECH_TIMEOUT: {
    vi: 'Bộ đọc {engine} không trả lời sau {seconds} giây và đã bị dừng',
    en: 'The speech engine {engine} did not answer within {seconds} s and was stopped',
    hintVi: 'Tăng audio.engine.timeoutSec trong tệp kênh, hoặc kiểm tra dịch vụ đọc.',
    hintEn: 'Raise audio.engine.timeoutSec in the channel file, or check the speech service.',
  },
} as const satisfies Record<string, MessageEntry>;
