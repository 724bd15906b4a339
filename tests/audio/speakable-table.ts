/**
 * Real sentences of CCHC communication (plans, commune notices, procedure guides) and how a
 * Vietnamese voice must read them. Each expected reading was checked by hand.
 */
export const SPEAKABLE_TABLE: readonly (readonly [string, string])[] = [
  [
    'Ngày 15/3/2024, Ủy ban nhân dân xã tổ chức hội nghị triển khai Kế hoạch CCHC năm 2024.',
    'Ngày mười lăm tháng ba năm hai nghìn không trăm hai mươi tư, Ủy ban nhân dân xã tổ chức hội nghị triển khai Kế hoạch cải cách hành chính năm hai nghìn không trăm hai mươi tư.',
  ],
  [
    'Căn cứ Quyết định Số 35/QĐ-BNV ngày 10/01/2024 của Bộ trưởng Bộ Nội vụ.',
    'Căn cứ Quyết định Số ba mươi lăm ngày mười tháng một năm hai nghìn không trăm hai mươi tư của Bộ trưởng Bộ Nội vụ.',
  ],
  [
    'Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư.',
    'Thực hiện Nghị định số ba mươi năm hai nghìn không trăm hai mươi ngày năm tháng ba năm hai nghìn không trăm hai mươi của Chính phủ về công tác văn thư.',
  ],
  [
    'Theo Kế hoạch số 120/KH-UBND ngày 28/12/2023 của UBND tỉnh Thái Bình.',
    'Theo Kế hoạch số một trăm hai mươi ngày hai mươi tám tháng mười hai năm hai nghìn không trăm hai mươi ba của Ủy ban nhân dân tỉnh Thái Bình.',
  ],
  [
    'Công văn 581/BNV-CCHC hướng dẫn báo cáo công tác CCHC định kỳ.',
    'Công văn năm trăm tám mươi mốt hướng dẫn báo cáo công tác cải cách hành chính định kỳ.',
  ],
  [
    'Thông tư số 39/2020/TT-BTTTT quy định về quản lý đài truyền thanh cấp xã.',
    'Thông tư số ba mươi chín năm hai nghìn không trăm hai mươi của Bộ Thông tin và Truyền thông quy định về quản lý đài truyền thanh cấp xã.',
  ],
  [
    'Nghị quyết số 76/NQ-CP ngày 15/7/2021 ban hành Chương trình tổng thể CCHC giai đoạn 2021–2030.',
    'Nghị quyết số bảy mươi sáu của Chính phủ ngày mười lăm tháng bảy năm hai nghìn không trăm hai mươi mốt ban hành Chương trình tổng thể cải cách hành chính giai đoạn hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm ba mươi.',
  ],
  [
    'Chỉ thị số 23/CT-TTg của Thủ tướng Chính phủ về đẩy mạnh CCHC.',
    'Chỉ thị số hai mươi ba của Thủ tướng Chính phủ về đẩy mạnh cải cách hành chính.',
  ],
  [
    'Quyết định 1291/QĐ-BNV phê duyệt Chỉ số CCHC năm 2023.',
    'Quyết định một nghìn hai trăm chín mươi mốt của Bộ Nội vụ phê duyệt Chỉ số cải cách hành chính năm hai nghìn không trăm hai mươi ba.',
  ],
  [
    'Kế hoạch 2021-2030 đặt mục tiêu 100% TTHC đủ điều kiện được cung cấp trực tuyến toàn trình.',
    'Kế hoạch hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm ba mươi đặt mục tiêu một trăm phần trăm thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình.',
  ],
  [
    'Tỷ lệ hồ sơ nộp trực tuyến của xã đạt 45,5% trong quý I.',
    'Tỷ lệ hồ sơ nộp trực tuyến của xã đạt bốn mươi lăm phẩy năm phần trăm trong quý một.',
  ],
  [
    'Năm 2023, toàn tỉnh tiếp nhận 1.250.000 hồ sơ TTHC, trong đó 98,7% được giải quyết đúng hạn.',
    'Năm hai nghìn không trăm hai mươi ba, toàn tỉnh tiếp nhận một triệu hai trăm năm mươi nghìn hồ sơ thủ tục hành chính, trong đó chín mươi tám phẩy bảy phần trăm được giải quyết đúng hạn.',
  ],
  [
    'Chỉ số hài lòng của người dân đạt 87,25%.',
    'Chỉ số hài lòng của người dân đạt tám mươi bảy phẩy hai mươi lăm phần trăm.',
  ],
  [
    'Xã đã số hóa 12.500 hồ sơ hộ tịch, đạt 60% kế hoạch.',
    'Xã đã số hóa mười hai nghìn năm trăm hồ sơ hộ tịch, đạt sáu mươi phần trăm kế hoạch.',
  ],
  [
    'Lệ phí đăng ký kết hôn là 0 đồng; lệ phí chứng thực là 2.000 đồng một trang.',
    'Lệ phí đăng ký kết hôn là không đồng, lệ phí chứng thực là hai nghìn đồng một trang.',
  ],
  [
    'Bộ phận một cửa làm việc từ 7h30 đến 11h30 và từ 13h30 đến 17h.',
    'Bộ phận một cửa làm việc từ bảy giờ ba mươi phút đến mười một giờ ba mươi phút và từ mười ba giờ ba mươi phút đến mười bảy giờ.',
  ],
  [
    'Chương trình phát lúc 17:30 thứ Sáu hằng tuần trên hệ thống loa của xã.',
    'Chương trình phát lúc mười bảy giờ ba mươi phút thứ Sáu hằng tuần trên hệ thống loa của xã.',
  ],
  [
    'Lãnh đạo xã tiếp công dân vào sáng thứ 5 hằng tuần, từ 8 giờ đến 11 giờ.',
    'Lãnh đạo xã tiếp công dân vào sáng thứ năm hằng tuần, từ tám giờ đến mười một giờ.',
  ],
  [
    'Phiên tiếp dân định kỳ diễn ra vào ngày 15 hằng tháng.',
    'Phiên tiếp dân định kỳ diễn ra vào ngày mười lăm hằng tháng.',
  ],
  [
    'Bà con gọi đường dây nóng 0912 345 678 khi gặp khó khăn.',
    'Bà con gọi đường dây nóng không chín một hai, ba bốn năm, sáu bảy tám khi gặp khó khăn.',
  ],
  [
    'Tổng đài dịch vụ công quốc gia: 1900 9068.',
    'Tổng đài dịch vụ công quốc gia: một chín không không, chín không sáu tám.',
  ],
  [
    'Số điện thoại của Bộ phận Tiếp nhận và Trả kết quả là 0227.3831.234.',
    'Số điện thoại của Bộ phận Tiếp nhận và Trả kết quả là không hai hai bảy, ba tám ba một, hai ba bốn.',
  ],
  [
    'Khi cần hỗ trợ, gọi 113 hoặc đến trụ sở Công an xã.',
    'Khi cần hỗ trợ, gọi một một ba hoặc đến trụ sở Công an xã.',
  ],
  [
    'Liên hệ ĐT: (0227) 3831 234 trong giờ hành chính.',
    'Liên hệ điện thoại: không hai hai bảy, ba tám ba một, hai ba bốn trong giờ hành chính.',
  ],
  [
    'Hotline: 0987654321 hoạt động 24/7.',
    'Hotline: không chín tám bảy sáu năm bốn ba hai một hoạt động hai mươi tư trên bảy.',
  ],
  [
    'Người dân dùng tài khoản VNeID mức độ 2 để đăng nhập Cổng Dịch vụ công quốc gia.',
    'Người dân dùng tài khoản vê en e i đê mức độ hai để đăng nhập Cổng Dịch vụ công quốc gia.',
  ],
  [
    'Ứng dụng VNeID giúp tích hợp thẻ BHYT, giấy phép lái xe vào căn cước.',
    'Ứng dụng vê en e i đê giúp tích hợp thẻ bảo hiểm y tế, giấy phép lái xe vào căn cước.',
  ],
  [
    'Thẻ CCCD gắn chip được dùng thay thẻ BHYT khi đi khám chữa bệnh.',
    'Thẻ căn cước công dân gắn chip được dùng thay thẻ bảo hiểm y tế khi đi khám chữa bệnh.',
  ],
  [
    'BHXH huyện hướng dẫn gia hạn thẻ BHYT trực tuyến.',
    'Bảo hiểm xã hội huyện hướng dẫn gia hạn thẻ bảo hiểm y tế trực tuyến.',
  ],
  [
    'HĐND xã khóa XXI tổ chức kỳ họp thứ 7 vào tháng 6/2024.',
    'Hội đồng nhân dân xã khóa hai mươi mốt tổ chức kỳ họp thứ bảy vào tháng sáu năm hai nghìn không trăm hai mươi tư.',
  ],
  [
    'UBND huyện Kiến Xương triển khai Đề án 06 về dữ liệu dân cư.',
    'Ủy ban nhân dân huyện Kiến Xương triển khai Đề án sáu về dữ liệu dân cư.',
  ],
  [
    'MTTQ xã phối hợp tuyên truyền về CCHC tại các thôn.',
    'Mặt trận Tổ quốc xã phối hợp tuyên truyền về cải cách hành chính tại các thôn.',
  ],
  [
    'Đoàn thanh niên hỗ trợ người dân cài đặt VNeID tại nhà văn hóa thôn.',
    'Đoàn thanh niên hỗ trợ người dân cài đặt vê en e i đê tại nhà văn hóa thôn.',
  ],
  [
    'Quét mã QR dán tại nhà văn hóa thôn để theo dõi trang Zalo của xã.',
    'Quét mã quy a dán tại nhà văn hóa thôn để theo dõi trang da lô của xã.',
  ],
  [
    'Ban hành ngày 01/01/2024, có hiệu lực từ ngày 15/02/2024.',
    'Ban hành ngày một tháng một năm hai nghìn không trăm hai mươi tư, có hiệu lực từ ngày mười lăm tháng hai năm hai nghìn không trăm hai mươi tư.',
  ],
  [
    'Từ ngày 1/7/2024, trẻ dưới 6 tuổi được cấp thẻ BHYT qua liên thông điện tử.',
    'Từ ngày một tháng bảy năm hai nghìn không trăm hai mươi tư, trẻ dưới sáu tuổi được cấp thẻ bảo hiểm y tế qua liên thông điện tử.',
  ],
  [
    'Hạn chót nộp báo cáo quý là ngày 15 của tháng cuối quý.',
    'Hạn chót nộp báo cáo quý là ngày mười lăm của tháng cuối quý.',
  ],
  ['Báo cáo 6 tháng gửi trước ngày 20/6.', 'Báo cáo sáu tháng gửi trước ngày hai mươi tháng sáu.'],
  [
    'Số liệu báo cáo tính từ ngày 15/12/2023 đến ngày 14/3/2024.',
    'Số liệu báo cáo tính từ ngày mười lăm tháng mười hai năm hai nghìn không trăm hai mươi ba đến ngày mười bốn tháng ba năm hai nghìn không trăm hai mươi tư.',
  ],
  [
    'Hội nghị tập huấn diễn ra ngày 2024-03-20 tại hội trường xã.',
    'Hội nghị tập huấn diễn ra ngày hai mươi tháng ba năm hai nghìn không trăm hai mươi tư tại hội trường xã.',
  ],
  [
    'Kỳ họp lần thứ 1 đã thông qua 12 nghị quyết.',
    'Kỳ họp lần thứ nhất đã thông qua mười hai nghị quyết.',
  ],
  [
    'Đây là lần thứ 4 xã tổ chức cuộc thi tìm hiểu về CCHC.',
    'Đây là lần thứ tư xã tổ chức cuộc thi tìm hiểu về cải cách hành chính.',
  ],
  [
    'Cuộc thi có 3 giải nhất, 5 giải nhì và 10 giải ba.',
    'Cuộc thi có ba giải nhất, năm giải nhì và mười giải ba.',
  ],
  ['Giải nhất trị giá 5.000.000 đồng.', 'Giải nhất trị giá năm triệu đồng.'],
  [
    'Xã có 1.024 hộ với 4.356 nhân khẩu.',
    'Xã có một nghìn không trăm hai mươi tư hộ với bốn nghìn ba trăm năm mươi sáu nhân khẩu.',
  ],
  [
    'Diện tích tự nhiên của xã là 8,5 km2.',
    'Diện tích tự nhiên của xã là tám phẩy năm ki lô mét vuông.',
  ],
  ['Cánh đồng mẫu lớn rộng 120 ha.', 'Cánh đồng mẫu lớn rộng một trăm hai mươi héc ta.'],
  [
    'Năm 2024 tỉnh phấn đấu 80% người dân có tài khoản định danh điện tử.',
    'Năm hai nghìn không trăm hai mươi tư tỉnh phấn đấu tám mươi phần trăm người dân có tài khoản định danh điện tử.',
  ],
  [
    'Tỷ lệ thanh toán trực tuyến phí, lệ phí đạt 30%.',
    'Tỷ lệ thanh toán trực tuyến phí, lệ phí đạt ba mươi phần trăm.',
  ],
  [
    'Hồ sơ được trả kết quả trong 3 ngày làm việc.',
    'Hồ sơ được trả kết quả trong ba ngày làm việc.',
  ],
  [
    'Thời hạn giải quyết là 05 ngày làm việc kể từ ngày nhận đủ hồ sơ.',
    'Thời hạn giải quyết là năm ngày làm việc kể từ ngày nhận đủ hồ sơ.',
  ],
  [
    'Thủ tục đăng ký khai sinh được giải quyết ngay trong ngày.',
    'Thủ tục đăng ký khai sinh được giải quyết ngay trong ngày.',
  ],
  [
    'Xã niêm yết công khai 105 thủ tục hành chính cấp xã.',
    'Xã niêm yết công khai một trăm linh năm thủ tục hành chính cấp xã.',
  ],
  [
    'Đã có 21 TTHC được cắt giảm thời gian giải quyết.',
    'Đã có hai mươi mốt thủ tục hành chính được cắt giảm thời gian giải quyết.',
  ],
  [
    'Mức thu lệ phí giảm 50% khi nộp hồ sơ trực tuyến.',
    'Mức thu lệ phí giảm năm mươi phần trăm khi nộp hồ sơ trực tuyến.',
  ],
  [
    'Theo mục IV.1.a của Kế hoạch, đài truyền thanh xã phát ít nhất 1 lần mỗi tuần.',
    'Theo mục bốn chấm một chấm a của Kế hoạch, đài truyền thanh xã phát ít nhất một lần mỗi tuần.',
  ],
  [
    'Nội dung tuyên truyền nêu tại mục III.3 được thực hiện hằng tháng.',
    'Nội dung tuyên truyền nêu tại mục ba chấm ba được thực hiện hằng tháng.',
  ],
  [
    'Quý II năm 2024 xã tổ chức 2 đợt tuyên truyền lưu động.',
    'Quý hai năm hai nghìn không trăm hai mươi tư xã tổ chức hai đợt tuyên truyền lưu động.',
  ],
  ['Chương II của Nghị định quy định về thủ tục.', 'Chương hai của Nghị định quy định về thủ tục.'],
  [
    'Nhiệm kỳ 2021 - 2026, HĐND xã có 25 đại biểu.',
    'Nhiệm kỳ hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi sáu, Hội đồng nhân dân xã có hai mươi lăm đại biểu.',
  ],
  [
    'Buổi chào cờ đầu tháng diễn ra lúc 7h00 ngày thứ Hai đầu tiên của tháng.',
    'Buổi chào cờ đầu tháng diễn ra lúc bảy giờ ngày thứ Hai đầu tiên của tháng.',
  ],
  [
    'Phản ánh kiến nghị gửi qua hòm thư góp ý hoặc thư điện tử của xã.',
    'Phản ánh kiến nghị gửi qua hòm thư góp ý hoặc thư điện tử của xã.',
  ],
  [
    'Thư điện tử tiếp nhận phản ánh: motcua@vuninh.thaibinh.gov.vn',
    'Thư điện tử tiếp nhận phản ánh: motcua a còng vuninh chấm thaibinh chấm gov chấm vn.',
  ],
  [
    'Xem chi tiết tại https://dichvucong.gov.vn/p/home/dvc-trang-chu.html.',
    'Xem chi tiết tại dichvucong chấm gov chấm vn.',
  ],
  [
    'Xem thêm [hướng dẫn nộp hồ sơ](https://dichvucong.thaibinh.gov.vn/huong-dan) trên Cổng.',
    'Xem thêm hướng dẫn nộp hồ sơ trên Cổng.',
  ],
  ['![Ảnh bộ phận một cửa](mot-cua.jpg)', ''],
  ['## Thông báo của UBND xã', 'Thông báo của Ủy ban nhân dân xã.'],
  [
    '- Đăng ký khai sinh;\n- Đăng ký kết hôn;\n- Chứng thực bản sao.',
    'Đăng ký khai sinh. Đăng ký kết hôn. Chứng thực bản sao.',
  ],
  [
    '**Lưu ý:** bà con mang theo CCCD khi đến làm thủ tục.',
    'Lưu ý: bà con mang theo căn cước công dân khi đến làm thủ tục.',
  ],
  [
    'Người dân *không* phải nộp bản sao giấy tờ đã có trong CSDL quốc gia về dân cư.',
    'Người dân không phải nộp bản sao giấy tờ đã có trong cơ sở dữ liệu quốc gia về dân cư.',
  ],
  [
    '> Cải cách hành chính vì người dân, doanh nghiệp.',
    'Cải cách hành chính vì người dân, doanh nghiệp.',
  ],
  [
    '1. Chuẩn bị hồ sơ.\n2. Nộp hồ sơ.\n3. Nhận kết quả.',
    'Chuẩn bị hồ sơ. Nộp hồ sơ. Nhận kết quả.',
  ],
  [
    '| Thủ tục | Thời hạn |\n|---|---|\n| Khai sinh | 1 ngày |\n| Kết hôn | 3 ngày |',
    'Thủ tục, Thời hạn. Khai sinh, một ngày. Kết hôn, ba ngày.',
  ],
  [
    'Chuyển đổi số & CCHC là nhiệm vụ trọng tâm.',
    'Chuyển đổi số và cải cách hành chính là nhiệm vụ trọng tâm.',
  ],
  ['Người dân/doanh nghiệp phản ánh qua Zalo.', 'Người dân hoặc doanh nghiệp phản ánh qua da lô.'],
  [
    'Các xã, phường, thị trấn (gọi chung là cấp xã) thực hiện theo hướng dẫn.',
    'Các xã, phường, thị trấn, gọi chung là cấp xã, thực hiện theo hướng dẫn.',
  ],
  [
    'Hồ sơ gồm: tờ khai; bản sao giấy tờ tùy thân…',
    'Hồ sơ gồm: tờ khai, bản sao giấy tờ tùy thân.',
  ],
  [
    'Bộ TTTT và BNV phối hợp hướng dẫn các địa phương.',
    'Bộ Thông tin và Truyền thông và Bộ Nội vụ phối hợp hướng dẫn các địa phương.',
  ],
  [
    'Sở TT&TT tỉnh hỗ trợ nâng cấp hệ thống loa truyền thanh thông minh.',
    'Sở Thông tin và Truyền thông tỉnh hỗ trợ nâng cấp hệ thống loa truyền thanh thông minh.',
  ],
  [
    'Đài TT-TH huyện phát lại chuyên mục vào 20h tối thứ Bảy.',
    'Đài truyền thanh, truyền hình huyện phát lại chuyên mục vào hai mươi giờ tối thứ Bảy.',
  ],
  [
    'Ngày 3 tháng 2 năm 2024 là ngày kỷ niệm thành lập Đảng.',
    'Ngày ba tháng hai năm hai nghìn không trăm hai mươi tư là ngày kỷ niệm thành lập Đảng.',
  ],
  [
    'Tháng 3/2024 xã hoàn thành số hóa dữ liệu hộ tịch.',
    'Tháng ba năm hai nghìn không trăm hai mươi tư xã hoàn thành số hóa dữ liệu hộ tịch.',
  ],
  [
    'Tháng 4 hằng năm là tháng cao điểm tuyên truyền CCHC của tỉnh.',
    'Tháng tư hằng năm là tháng cao điểm tuyên truyền cải cách hành chính của tỉnh.',
  ],
  [
    'Lịch tiếp công dân tháng 12 đã được niêm yết.',
    'Lịch tiếp công dân tháng mười hai đã được niêm yết.',
  ],
  [
    'Đợt II năm 2024 bắt đầu từ ngày 1/9.',
    'Đợt hai năm hai nghìn không trăm hai mươi tư bắt đầu từ ngày một tháng chín.',
  ],
  [
    'Điều 5, khoản 2 của Luật quy định rõ trách nhiệm.',
    'Điều năm, khoản hai của Luật quy định rõ trách nhiệm.',
  ],
  [
    'Xã xếp thứ 3 trong số 35 xã của huyện về Chỉ số CCHC.',
    'Xã xếp thứ ba trong số ba mươi lăm xã của huyện về Chỉ số cải cách hành chính.',
  ],
  [
    'Thu nhập bình quân đạt 65 triệu đồng/người/năm.',
    'Thu nhập bình quân đạt sáu mươi lăm triệu đồng mỗi người mỗi năm.',
  ],
  [
    'Mỗi năm có khoảng 2.500 lượt người đến giao dịch.',
    'Mỗi năm có khoảng hai nghìn năm trăm lượt người đến giao dịch.',
  ],
  [
    'Mức phạt từ 500.000 đồng đến 1.000.000 đồng.',
    'Mức phạt từ năm trăm nghìn đồng đến một triệu đồng.',
  ],
  [
    'Kinh phí thực hiện 1,2 tỷ đồng từ ngân sách tỉnh.',
    'Kinh phí thực hiện một phẩy hai tỷ đồng từ ngân sách tỉnh.',
  ],
  [
    'Tốc độ đường truyền đạt 100 Mbps tại trụ sở xã.',
    'Tốc độ đường truyền đạt một trăm mê ga bít trên giây tại trụ sở xã.',
  ],
  [
    'Kho dữ liệu của người dân trên Cổng DVC lưu bản sao điện tử.',
    'Kho dữ liệu của người dân trên Cổng dịch vụ công lưu bản sao điện tử.',
  ],
  [
    'Đến ngày 30/6/2024, 100% cán bộ một cửa được tập huấn về DVCTT.',
    'Đến ngày ba mươi tháng sáu năm hai nghìn không trăm hai mươi tư, một trăm phần trăm cán bộ một cửa được tập huấn về dịch vụ công trực tuyến.',
  ],
  [
    'Thôn 3 và thôn 7 tổ chức họp dân ngày 10/4.',
    'Thôn ba và thôn bảy tổ chức họp dân ngày mười tháng tư.',
  ],
  [
    'Trẻ em dưới 6 tuổi được cấp thẻ BHYT miễn phí.',
    'Trẻ em dưới sáu tuổi được cấp thẻ bảo hiểm y tế miễn phí.',
  ],
  [
    'Phí cấp bản sao trích lục hộ tịch là 8.000 đồng/bản.',
    'Phí cấp bản sao trích lục hộ tịch là tám nghìn đồng mỗi bản.',
  ],
  [
    'Cán bộ tư pháp – hộ tịch hướng dẫn bà con điền tờ khai.',
    'Cán bộ tư pháp, hộ tịch hướng dẫn bà con điền tờ khai.',
  ],
  [
    'Từ 01/7/2025, sử dụng căn cước thay cho CCCD.',
    'Từ ngày một tháng bảy năm hai nghìn không trăm hai mươi lăm, sử dụng căn cước thay cho căn cước công dân.',
  ],
  [
    'Hồ sơ trễ hẹn giảm từ 5% xuống 0,5% so với cùng kỳ.',
    'Hồ sơ trễ hẹn giảm từ năm phần trăm xuống không phẩy năm phần trăm so với cùng kỳ.',
  ],
  [
    'Chương trình tuyên truyền phát 3 lần/tuần, mỗi lần 15 phút.',
    'Chương trình tuyên truyền phát ba lần mỗi tuần, mỗi lần mười lăm phút.',
  ],
  [
    'Đến năm 2030, 100% hồ sơ TTHC được số hóa.',
    'Đến năm hai nghìn không trăm ba mươi, một trăm phần trăm hồ sơ thủ tục hành chính được số hóa.',
  ],
];
