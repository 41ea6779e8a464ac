<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Hộ Tịch Offline</source>
        <translation>Giới thiệu Hộ Tịch Offline</translation>
    </message>
    <message>
        <source>Offline civil-status registration for commune and ward offices.</source>
        <translation>Đăng ký hộ tịch ngoại tuyến cho Ủy ban nhân dân cấp xã, phường.</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Phiên bản %1</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>Thư mục dữ liệu: %1</translation>
    </message>
    <message>
        <source>Qt %1, PySide6 %2, Python %3</source>
        <translation>Qt %1, PySide6 %2, Python %3</translation>
    </message>
    <message>
        <source>Extracts use the Noto Sans fonts (Regular, Bold; © 2015 Google LLC), bundled under the SIL Open Font License 1.1 (%1); the licence text is shipped with them (OFL.txt). Qt and PySide6 are used under the GNU LGPL version 3.</source>
        <translation>Trích lục dùng phông chữ Noto Sans (Regular, Bold; © 2015 Google LLC), đi kèm theo Giấy phép Phông chữ Mở SIL (SIL Open Font License) 1.1 (%1); văn bản giấy phép được cung cấp cùng phông chữ (OFL.txt). Qt và PySide6 được sử dụng theo giấy phép GNU LGPL phiên bản 3.</translation>
    </message>
    <message>
        <source>A new version %1 is available: %2</source>
        <translation>Phiên bản mới %1 có sẵn: %2</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>AccountsWidget</name>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ, chữ đệm, tên</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Bị khóa đến</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Vô hiệu hóa</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>Thêm tài khoản</translation>
    </message>
    <message>
        <source>new password for the selected account</source>
        <translation>mật khẩu mới cho tài khoản đang chọn</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Đặt lại mật khẩu</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Mở khóa</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Account %1 added.</source>
        <translation>Đã thêm tài khoản %1.</translation>
    </message>
    <message>
        <source>Password of %1 changed.</source>
        <translation>Đã đổi mật khẩu của %1.</translation>
    </message>
    <message>
        <source>Account %1 unlocked.</source>
        <translation>Đã mở khóa tài khoản %1.</translation>
    </message>
</context>
<context>
    <name>ApprovalPage</name>
    <message>
        <source>Sign extracts</source>
        <translation>Ký trích lục</translation>
    </message>
    <message>
        <source>Password of your signing certificate (.p12):</source>
        <translation>Mật khẩu chứng thư số của bạn (.p12):</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Phê duyệt</translation>
    </message>
    <message>
        <source>Verify against the book (four eyes)</source>
        <translation>Kiểm tra đối chiếu sổ (người thứ hai)</translation>
    </message>
    <message>
        <source>Reason for refusal (required)</source>
        <translation>Lý do từ chối (bắt buộc)</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>Chờ phê duyệt</translation>
    </message>
    <message>
        <source>Approve (Ctrl+Enter)</source>
        <translation>Phê duyệt (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Reject (Ctrl+R)</source>
        <translation>Từ chối (Ctrl+R)</translation>
    </message>
    <message>
        <source>Nothing waiting for approval.</source>
        <translation>Không có hồ sơ chờ phê duyệt.</translation>
    </message>
    <message>
        <source>Approved.</source>
        <translation>Đã phê duyệt.</translation>
    </message>
    <message>
        <source>Write the reason for the refusal.</source>
        <translation>Hãy ghi lý do từ chối.</translation>
    </message>
    <message>
        <source>Rejected.</source>
        <translation>Đã từ chối.</translation>
    </message>
    <message>
        <source>Verified.</source>
        <translation>Đã kiểm tra.</translation>
    </message>
</context>
<context>
    <name>AttachmentsWidget</name>
    <message>
        <source>Scan or photo</source>
        <translation>Ảnh quét, ảnh chụp</translation>
    </message>
    <message>
        <source>Signed extract</source>
        <translation>Trích lục đã ký</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ngày thêm</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>chưa</translation>
    </message>
    <message>
        <source>Attach a scan or photo…</source>
        <translation>Đính kèm ảnh quét, ảnh chụp…</translation>
    </message>
    <message>
        <source>A page scan or a photo of a paper (JPEG, PNG or PDF, at most %1 MB), kept encrypted with the record and sent to the centre with it.</source>
        <translation>Ảnh quét trang sổ hoặc ảnh chụp giấy tờ (JPEG, PNG hoặc PDF, tối đa %1 MB), được lưu mã hóa cùng hồ sơ và gửi lên trung ương cùng hồ sơ.</translation>
    </message>
    <message>
        <source>Your role cannot attach files.</source>
        <translation>Vai trò của bạn không được đính kèm tệp.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Gỡ bỏ</translation>
    </message>
    <message>
        <source>Take off a scan added to this draft by mistake. Once the record is submitted its scans are evidence and stay.</source>
        <translation>Gỡ ảnh quét đã đính kèm nhầm vào bản nháp này. Khi hồ sơ đã trình phê duyệt, ảnh quét là chứng cứ và được giữ lại.</translation>
    </message>
    <message>
        <source>No attachments yet.</source>
        <translation>Chưa có tệp đính kèm.</translation>
    </message>
    <message>
        <source>Attach a scan or photo</source>
        <translation>Đính kèm ảnh quét, ảnh chụp</translation>
    </message>
    <message>
        <source>Scans and photos (%1)</source>
        <translation>Ảnh quét, ảnh chụp (%1)</translation>
    </message>
    <message>
        <source>Attaching…</source>
        <translation>Đang đính kèm…</translation>
    </message>
    <message>
        <source>Attached (%1).</source>
        <translation>Đã đính kèm (%1).</translation>
    </message>
    <message>
        <source>Removed from the draft.</source>
        <translation>Đã gỡ khỏi bản nháp.</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <source>Back up</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <source>Back up to a file…</source>
        <translation>Sao lưu ra tệp…</translation>
    </message>
    <message>
        <source>The backup file is encrypted: it opens only with a password of this device or the recovery code.</source>
        <translation>Tệp sao lưu được mã hóa: chỉ mở được bằng mật khẩu của máy này hoặc mã khôi phục.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>Khôi phục từ tệp…</translation>
    </message>
    <message>
        <source>Only an administrator restores backups.</source>
        <translation>Chỉ quản trị viên được khôi phục dữ liệu.</translation>
    </message>
    <message>
        <source>The backup is checked completely before it replaces the current data; the current data is kept aside.</source>
        <translation>Tệp sao lưu được kiểm tra đầy đủ trước khi thay dữ liệu hiện tại; dữ liệu hiện tại được giữ lại riêng.</translation>
    </message>
    <message>
        <source>User name in the backup</source>
        <translation>Tên đăng nhập trong bản sao lưu</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Back up to</source>
        <translation>Sao lưu ra</translation>
    </message>
    <message>
        <source>Backup written: %1 (%2 MB).</source>
        <translation>Đã sao lưu: %1 (%2 MB).</translation>
    </message>
    <message>
        <source>Restore from</source>
        <translation>Khôi phục từ</translation>
    </message>
    <message>
        <source>Restored. Log in again to continue.</source>
        <translation>Đã khôi phục. Hãy đăng nhập lại để tiếp tục.</translation>
    </message>
</context>
<context>
    <name>BooksPage</name>
    <message>
        <source>Book</source>
        <translation>Sổ</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Office (as written)</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Giai đoạn</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Số trang</translation>
    </message>
    <message>
        <source>Entries keyed</source>
        <translation>Mục đã nhập</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Đã kiểm tra</translation>
    </message>
    <message>
        <source>With warnings</source>
        <translation>Có cảnh báo</translation>
    </message>
    <message>
        <source>Require double entry (two officers key each entry independently)</source>
        <translation>Bắt buộc nhập hai lần (hai cán bộ nhập độc lập mỗi mục)</translation>
    </message>
    <message>
        <source>as on the cover, e.g. 01/2010</source>
        <translation>như trên bìa sổ, ví dụ 01/2010</translation>
    </message>
    <message>
        <source>as written, e.g. UBND xã Tân Lập</source>
        <translation>như ghi trong sổ, ví dụ UBND xã Tân Lập</translation>
    </message>
    <message>
        <source>Open the book</source>
        <translation>Mở sổ</translation>
    </message>
    <message>
        <source>A book to digitise</source>
        <translation>Sổ cần số hóa</translation>
    </message>
    <message>
        <source>Book number</source>
        <translation>Quyển số</translation>
    </message>
    <message>
        <source>Registering office</source>
        <translation>Cơ quan đăng ký</translation>
    </message>
    <message>
        <source>Legal phase</source>
        <translation>Giai đoạn pháp lý</translation>
    </message>
    <message>
        <source>Add pages from a folder…</source>
        <translation>Thêm trang từ thư mục…</translation>
    </message>
    <message>
        <source>JPEG, PNG or PDF files of the folder, in name order, become the next pages.</source>
        <translation>Các tệp JPEG, PNG hoặc PDF của thư mục, theo thứ tự tên, thành các trang tiếp theo.</translation>
    </message>
    <message>
        <source>Writing: not said</source>
        <translation>Cách viết: chưa chọn</translation>
    </message>
    <message>
        <source>Handwritten</source>
        <translation>Viết tay</translation>
    </message>
    <message>
        <source>Printed form</source>
        <translation>Mẫu in sẵn</translation>
    </message>
    <message>
        <source>Typed</source>
        <translation>Đánh máy</translation>
    </message>
    <message>
        <source>How the page is written, as you see it: printed or typed pages are read by OCR for suggestions, handwritten ones never.</source>
        <translation>Cách viết của trang, như bạn thấy: trang in sẵn hoặc đánh máy được OCR đọc để gợi ý, trang viết tay thì không bao giờ.</translation>
    </message>
    <message>
        <source>Key the entries of this page…</source>
        <translation>Nhập các mục của trang này…</translation>
    </message>
    <message>
        <source>The page beside the form: key its entries one after the other.</source>
        <translation>Trang sổ bên cạnh biểu mẫu: nhập lần lượt từng mục của trang.</translation>
    </message>
    <message>
        <source>Pages of the book</source>
        <translation>Các trang của sổ</translation>
    </message>
    <message>
        <source>Books being digitised</source>
        <translation>Sổ đang số hóa</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Độ chính xác</translation>
    </message>
    <message>
        <source>%1: %2 books, %3 pages, %4 entries keyed, %5 verified, %6 with warnings</source>
        <translation>%1: %2 sổ, %3 trang, %4 mục đã nhập, %5 đã kiểm tra, %6 có cảnh báo</translation>
    </message>
    <message>
        <source>Double entry is required: two officers key each entry; %1 entries wait for a decision.</source>
        <translation>Bắt buộc nhập hai lần: hai cán bộ nhập độc lập mỗi mục; %1 mục chờ quyết định.</translation>
    </message>
    <message>
        <source>Single entry: a second officer verifies each entry (four eyes).</source>
        <translation>Nhập một lần: một cán bộ khác kiểm tra từng mục (bốn mắt).</translation>
    </message>
    <message>
        <source>Book %1 opened: add its pages.</source>
        <translation>Đã mở sổ %1: hãy thêm các trang.</translation>
    </message>
    <message>
        <source>Reconciliation with the registry</source>
        <translation>Đối chiếu với CSDL dân cư</translation>
    </message>
    <message>
        <source>No book selected.</source>
        <translation>Chưa chọn sổ nào.</translation>
    </message>
    <message>
        <source>Page %1 (%2)</source>
        <translation>Trang %1 (%2)</translation>
    </message>
    <message>
        <source>No page yet: add the book&apos;s scans or photos.</source>
        <translation>Chưa có trang nào: hãy thêm ảnh quét hoặc ảnh chụp của sổ.</translation>
    </message>
    <message>
        <source>Folder of page scans or photos</source>
        <translation>Thư mục ảnh quét hoặc ảnh chụp trang sổ</translation>
    </message>
    <message>
        <source>%1 pages in the book.</source>
        <translation>Sổ có %1 trang.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Đổi mật khẩu của tôi</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Đổi mật khẩu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Mật khẩu hiện tại</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Mật khẩu mới</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>Nhập lại mật khẩu mới</translation>
    </message>
    <message>
        <source>The two new passwords differ: type the new one again.</source>
        <translation>Hai lần nhập mật khẩu mới không giống nhau: hãy nhập lại.</translation>
    </message>
    <message>
        <source>Checking the current password…</source>
        <translation>Đang kiểm tra mật khẩu hiện tại…</translation>
    </message>
    <message>
        <source>Your password was changed. Use the new one from the next login.</source>
        <translation>Đã đổi mật khẩu. Từ lần đăng nhập sau hãy dùng mật khẩu mới.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Received today</source>
        <translation>Tiếp nhận hôm nay</translation>
    </message>
    <message>
        <source>Registered today</source>
        <translation>Đăng ký hôm nay</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>Chờ phê duyệt</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <source>Waiting to sync</source>
        <translation>Chờ đồng bộ</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Kết nối</translation>
    </message>
    <message>
        <source>Days since the last sync</source>
        <translation>Số ngày từ lần đồng bộ cuối</translation>
    </message>
    <message>
        <source>Signing certificate valid until</source>
        <translation>Chứng thư ký số còn hạn đến</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Quyển</translation>
    </message>
    <message>
        <source>Book number</source>
        <translation>Quyển số</translation>
    </message>
    <message>
        <source>Numbers left</source>
        <translation>Số còn lại</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Đã khóa sổ</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>Records received, last 30 days</source>
        <translation>Hồ sơ tiếp nhận trong 30 ngày qua</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Numbers left in each book</source>
        <translation>Số còn lại trong từng sổ</translation>
    </message>
    <message>
        <source>never</source>
        <translation>chưa bao giờ</translation>
    </message>
    <message>
        <source>Records by state: </source>
        <translation>Hồ sơ theo trạng thái: </translation>
    </message>
    <message>
        <source>No records yet.</source>
        <translation>Chưa có hồ sơ.</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Hồ sơ</translation>
    </message>
</context>
<context>
    <name>DecisionsPage</name>
    <message>
        <source>Entry</source>
        <translation>Mục</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Trang</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <source>Keyed by</source>
        <translation>Người nhập</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>Chỗ khác nhau</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>First keying</source>
        <translation>Lần nhập thứ nhất</translation>
    </message>
    <message>
        <source>Second keying</source>
        <translation>Lần nhập thứ hai</translation>
    </message>
    <message>
        <source>As read on the page…</source>
        <translation>Theo trang sổ…</translation>
    </message>
    <message>
        <source>the value the page gives (empty: the book is silent)</source>
        <translation>giá trị ghi trên trang sổ (để trống: sổ không ghi)</translation>
    </message>
    <message>
        <source>As in the book</source>
        <translation>Như trong sổ</translation>
    </message>
    <message>
        <source>Decide</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Keep, for each field, the value the page of the book shows.</source>
        <translation>Giữ, cho từng trường, giá trị mà trang sổ ghi.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Double-entered entries whose keyings disagree</source>
        <translation>Các mục nhập hai lần có chỗ khác nhau</translation>
    </message>
    <message>
        <source>Only the fields that differ</source>
        <translation>Chỉ các trường khác nhau</translation>
    </message>
    <message>
        <source>The page of the book</source>
        <translation>Trang sổ</translation>
    </message>
    <message>
        <source>No double-entered entry waits for a decision.</source>
        <translation>Không có mục nhập hai lần nào chờ quyết định.</translation>
    </message>
    <message>
        <source>Decided: the entry is verified and waits for the supervisor&apos;s approval.</source>
        <translation>Đã quyết định: mục đã được kiểm tra và chờ lãnh đạo phê duyệt.</translation>
    </message>
</context>
<context>
    <name>EnrolmentWidget</name>
    <message>
        <source>Looking up the enrolment of this device…</source>
        <translation>Đang xem tình trạng đăng ký của máy này…</translation>
    </message>
    <message>
        <source>given by the central operators, used once</source>
        <translation>do cán bộ vận hành trung ương cấp, chỉ dùng một lần</translation>
    </message>
    <message>
        <source>empty: the certificates trusted by this computer</source>
        <translation>để trống: dùng các chứng chỉ máy tính này tin cậy</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Enrol again, replacing the current enrolment</source>
        <translation>Đăng ký lại, thay cho đăng ký hiện tại</translation>
    </message>
    <message>
        <source>Enrol this device</source>
        <translation>Đăng ký máy này</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Địa chỉ máy chủ</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>Mã dùng một lần</translation>
    </message>
    <message>
        <source>Server&apos;s CA certificate</source>
        <translation>Chứng chỉ CA của máy chủ</translation>
    </message>
    <message>
        <source>Enrolment is not available in this build.</source>
        <translation>Bản cài đặt này chưa có chức năng đăng ký máy.</translation>
    </message>
    <message>
        <source>This device is not enrolled with the central server yet: it works offline, and sends nothing until it is enrolled.</source>
        <translation>Máy này chưa được đăng ký với máy chủ trung ương: máy vẫn làm việc ngoại tuyến, nhưng chưa gửi gì đi cho đến khi được đăng ký.</translation>
    </message>
    <message>
        <source>Ask the administrator of this device to enrol it.</source>
        <translation>Hãy đề nghị quản trị viên của máy đăng ký máy.</translation>
    </message>
    <message>
        <source>Enrolled with %1 as device %2 (commune %3) on %4.</source>
        <translation>Đã đăng ký với %1, mã thiết bị %2 (xã/phường %3), lúc %4.</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Chứng chỉ (*.pem *.crt *.cer);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address.</source>
        <translation>Hãy nhập địa chỉ máy chủ.</translation>
    </message>
    <message>
        <source>Enter the one-time code.</source>
        <translation>Hãy nhập mã dùng một lần.</translation>
    </message>
    <message>
        <source>Enrolling with %1…</source>
        <translation>Đang đăng ký với %1…</translation>
    </message>
    <message>
        <source>This device is enrolled (device %1). Synchronisation can start.</source>
        <translation>Máy đã được đăng ký (mã thiết bị %1). Có thể bắt đầu đồng bộ.</translation>
    </message>
    <message>
        <source>This code enrols a device of commune %1, not of this device&apos;s commune: ask the central operators for a code for this commune.</source>
        <translation>Mã này dùng để đăng ký máy của xã/phường %1, không phải xã/phường của máy này: hãy đề nghị cán bộ vận hành trung ương cấp mã cho xã/phường này.</translation>
    </message>
    <message>
        <source>To enrol it again, tick “Enrol again” first.</source>
        <translation>Muốn đăng ký lại, hãy đánh dấu “Đăng ký lại” trước.</translation>
    </message>
    <message>
        <source>Check that the CA certificate file is the one the central operators gave for this server.</source>
        <translation>Hãy kiểm tra tệp chứng chỉ CA có đúng là tệp cán bộ vận hành trung ương cấp cho máy chủ này không.</translation>
    </message>
    <message>
        <source>The CA certificate file %1 cannot be read or is not a PEM certificate: choose the file the central operators gave for this server.</source>
        <translation>Không đọc được tệp chứng chỉ CA %1 hoặc tệp không phải chứng chỉ PEM: hãy chọn đúng tệp cán bộ vận hành trung ương cấp cho máy chủ này.</translation>
    </message>
    <message>
        <source>Cannot reach the server %1: check the address and the network, then try again.</source>
        <translation>Không kết nối được máy chủ %1: hãy kiểm tra địa chỉ và mạng rồi thử lại.</translation>
    </message>
</context>
<context>
    <name>EntriesImportWidget</name>
    <message>
        <source>Import entries from a file</source>
        <translation>Nhập các mục từ một tệp</translation>
    </message>
    <message>
        <source>Column mapping…</source>
        <translation>Ánh xạ cột…</translation>
    </message>
    <message>
        <source>A JSON file naming the field of each column, e.g. {&quot;Họ tên&quot;: &quot;deceased.full_name&quot;}. Without it the column titles are the field paths.</source>
        <translation>Tệp JSON ghi trường của từng cột, ví dụ {&quot;Họ tên&quot;: &quot;deceased.full_name&quot;}. Không có tệp này thì tiêu đề cột là đường dẫn trường.</translation>
    </message>
    <message>
        <source>Import a CSV, XLSX or JSON file…</source>
        <translation>Nhập tệp CSV, XLSX hoặc JSON…</translation>
    </message>
    <message>
        <source>Column mapping</source>
        <translation>Ánh xạ cột</translation>
    </message>
    <message>
        <source>Mapping (*.json)</source>
        <translation>Ánh xạ (*.json)</translation>
    </message>
    <message>
        <source>Entries to import</source>
        <translation>Các mục cần nhập</translation>
    </message>
    <message>
        <source>Entries (*.csv *.xlsx *.json)</source>
        <translation>Các mục (*.csv *.xlsx *.json)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Đang nhập %1…</translation>
    </message>
    <message>
        <source>Imported %1 entries, %2 with warnings, %3 refused.</source>
        <translation>Đã nhập %1 mục, %2 mục có cảnh báo, %3 mục bị từ chối.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Dòng %1: %2</translation>
    </message>
    <message>
        <source>… and %1 more refused lines (hotich import --json lists them all).</source>
        <translation>… và %1 dòng bị từ chối khác (hotich import --json liệt kê đủ).</translation>
    </message>
    <message>
        <source>Stopped: what was imported stays; importing the same file again continues where it stopped.</source>
        <translation>Đã dừng: các mục đã nhập được giữ; nhập lại cùng tệp sẽ tiếp tục từ chỗ đã dừng.</translation>
    </message>
</context>
<context>
    <name>EntrySlots</name>
    <message>
        <source>Entry %1: keyed</source>
        <translation>Mục %1: đã nhập</translation>
    </message>
    <message>
        <source>Entry %1: your first keying, waiting for the second</source>
        <translation>Mục %1: lần nhập thứ nhất của bạn, chờ lần nhập thứ hai</translation>
    </message>
    <message>
        <source>Entry %1: keyed once by another officer (key it blind)</source>
        <translation>Mục %1: cán bộ khác đã nhập một lần (hãy nhập độc lập)</translation>
    </message>
    <message>
        <source>re-keyed</source>
        <translation>đã nhập lại</translation>
    </message>
    <message>
        <source>to re-key</source>
        <translation>chờ nhập lại</translation>
    </message>
    <message>
        <source>%1. page %2, entry %3: %4</source>
        <translation>%1. trang %2, mục %3: %4</translation>
    </message>
</context>
<context>
    <name>ExtractCheckPage</name>
    <message>
        <source>Check a signed extract</source>
        <translation>Kiểm tra trích lục đã ký</translation>
    </message>
    <message>
        <source>Choose the PDF file of an extract (trích lục) to check its digital signature: that it was signed by a trusted supervisor, that nothing was changed or added after signing, and, for extracts issued here, that it says what the record says.</source>
        <translation>Chọn tệp PDF của một trích lục để kiểm tra chữ ký số: do lãnh đạo có chứng thư số được tin cậy ký, không có gì bị sửa hay thêm vào sau khi ký, và với trích lục cấp tại đây, nội dung đúng với hồ sơ đang lưu.</translation>
    </message>
    <message>
        <source>Choose a PDF file…</source>
        <translation>Chọn tệp PDF…</translation>
    </message>
    <message>
        <source>Checking signatures is not available in this build.</source>
        <translation>Bản cài đặt này không có chức năng kiểm tra chữ ký số.</translation>
    </message>
    <message>
        <source>Choose the extract to check</source>
        <translation>Chọn trích lục cần kiểm tra</translation>
    </message>
    <message>
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation>Tệp PDF (*.pdf);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Checking the signature…</source>
        <translation>Đang kiểm tra chữ ký số…</translation>
    </message>
</context>
<context>
    <name>ExtractPreviewDialog</name>
    <message>
        <source>Extract preview</source>
        <translation>Xem trước trích lục</translation>
    </message>
    <message>
        <source>Rendering the extract…</source>
        <translation>Đang tạo trích lục…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Lưu thành tệp PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>The extract could not be shown.</source>
        <translation>Không hiển thị được trích lục.</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n trang</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the extract</source>
        <translation>Lưu trích lục</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Đang in…</translation>
    </message>
    <message numerus="yes">
        <source>Sent to the printer: %n page(s).</source>
        <translation>
            <numerusform>Đã gửi %n trang đến máy in.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FileKinds</name>
    <message>
        <source>Hộ Tịch backup</source>
        <translation>Bản sao lưu Hộ Tịch</translation>
    </message>
    <message>
        <source>Sync bundle</source>
        <translation>Gói dữ liệu đồng bộ</translation>
    </message>
    <message>
        <source>Sync answer</source>
        <translation>Tệp trả lời đồng bộ</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>%1 file</source>
        <translation>Tệp %1</translation>
    </message>
</context>
<context>
    <name>FormReplacement</name>
    <message>
        <source>Unsaved work</source>
        <translation>Chưa lưu</translation>
    </message>
    <message>
        <source>The record on screen still has errors, so it cannot be saved yet. Discard it and continue?</source>
        <translation>Hồ sơ trên màn hình còn lỗi nên chưa lưu được. Bỏ hồ sơ này và tiếp tục?</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>User guide — Hộ Tịch Offline</source>
        <translation>Hướng dẫn sử dụng — Hộ Tịch Offline</translation>
    </message>
    <message>
        <source>Search the guide (diacritics optional)…</source>
        <translation>Tìm trong hướng dẫn (không cần dấu)…</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>%1 sections contain “%2”.</source>
        <translation>%1 mục có “%2”.</translation>
    </message>
    <message>
        <source>No section contains “%2”.</source>
        <translation>Không có mục nào có “%2”.</translation>
    </message>
</context>
<context>
    <name>IllegibleMarks</name>
    <message>
        <source>Illegible: %1</source>
        <translation>Không đọc được: %1</translation>
    </message>
</context>
<context>
    <name>Inputs</name>
    <message>
        <source>From %1 to %2</source>
        <translation>Từ %1 đến %2</translation>
    </message>
    <message>
        <source>dd/mm/yyyy hh:mm</source>
        <translation>ngày/tháng/năm giờ:phút</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <source>Type the day, month and year (15/03/2025); month and year (03/2025) or the year alone (2025) when only that is known.</source>
        <translation>Nhập ngày, tháng, năm (15/03/2025); tháng và năm (03/2025) hoặc chỉ năm (2025) khi chỉ biết như vậy.</translation>
    </message>
    <message>
        <source>commune name or code</source>
        <translation>tên hoặc mã xã, phường</translation>
    </message>
    <message>
        <source>e.g. xã Ea Tu, TP Buôn Ma Thuột, tỉnh Đắk Lắk</source>
        <translation>ví dụ: xã Ea Tu, TP Buôn Ma Thuột, tỉnh Đắk Lắk</translation>
    </message>
    <message>
        <source>Not recognised as a pre-2025 address</source>
        <translation>Không nhận ra địa danh trước năm 2025</translation>
    </message>
</context>
<context>
    <name>IssuedExtractsWidget</name>
    <message>
        <source>Extract number</source>
        <translation>Số trích lục</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Certified copy (BẢN SAO)</source>
        <translation>Bản sao (BẢN SAO)</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Bản chính</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Ký lúc</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Timestamp</source>
        <translation>Dấu thời gian</translation>
    </message>
    <message>
        <source>waiting for the next sync</source>
        <translation>chờ lần đồng bộ tới</translation>
    </message>
    <message>
        <source>No extract has been signed for this record yet.</source>
        <translation>Hồ sơ này chưa có trích lục nào được ký.</translation>
    </message>
    <message>
        <source>View, save or print…</source>
        <translation>Xem, lưu hoặc in…</translation>
    </message>
    <message>
        <source>Opens the signed document exactly as it is kept: what you see is what is saved and printed.</source>
        <translation>Mở đúng văn bản đã ký đang được lưu giữ: văn bản hiện trên màn hình chính là văn bản được lưu và in ra.</translation>
    </message>
    <message>
        <source>Issue a certified copy (BẢN SAO)…</source>
        <translation>Cấp bản sao trích lục (BẢN SAO)…</translation>
    </message>
    <message>
        <source>Signs a new copy of this extract with your certificate; it gets its own copy number.</source>
        <translation>Ký một bản sao mới của trích lục này bằng chứng thư số của bạn; bản sao có số riêng.</translation>
    </message>
    <message>
        <source>certified copy</source>
        <translation>bản sao</translation>
    </message>
    <message>
        <source>signed extract</source>
        <translation>trích lục đã ký</translation>
    </message>
    <message>
        <source>Extract %1 (%2)</source>
        <translation>Trích lục %1 (%2)</translation>
    </message>
    <message>
        <source>Certified copy</source>
        <translation>Bản sao trích lục</translation>
    </message>
    <message>
        <source>Password of your signing certificate (.p12):</source>
        <translation>Mật khẩu chứng thư số của bạn (.p12):</translation>
    </message>
    <message>
        <source>Signing the certified copy…</source>
        <translation>Đang ký bản sao…</translation>
    </message>
    <message>
        <source>Certified copy signed: open it to save or print it.</source>
        <translation>Đã ký bản sao: hãy mở để lưu hoặc in.</translation>
    </message>
</context>
<context>
    <name>IssuesPanel</name>
    <message>
        <source>Errors and warnings</source>
        <translation>Lỗi và cảnh báo</translation>
    </message>
    <message>
        <source>another record</source>
        <translation>hồ sơ khác</translation>
    </message>
</context>
<context>
    <name>KeyingPage</name>
    <message>
        <source>Page </source>
        <translation>Trang </translation>
    </message>
    <message>
        <source>Back to the books</source>
        <translation>Quay lại danh sách sổ</translation>
    </message>
    <message>
        <source>Previous entry</source>
        <translation>Mục trước</translation>
    </message>
    <message>
        <source>Next entry</source>
        <translation>Mục sau</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>Mục mới</translation>
    </message>
    <message>
        <source>Illegible</source>
        <translation>Không đọc được</translation>
    </message>
    <message>
        <source>Save the entry</source>
        <translation>Lưu mục</translation>
    </message>
    <message>
        <source>Discard my keying</source>
        <translation>Bỏ lần nhập của tôi</translation>
    </message>
    <message>
        <source>Take back your first keying of this entry before anyone keys it again: the position is free again; what you keyed is kept in the audit</source>
        <translation>Rút lại lần nhập đầu của bạn trước khi có người nhập lại mục này: vị trí được để trống lại; những gì bạn đã nhập vẫn được lưu trong nhật ký</translation>
    </message>
    <message>
        <source>Correct my keying</source>
        <translation>Sửa lần nhập của tôi</translation>
    </message>
    <message>
        <source>Reopen your first keying of this entry to correct it, before anyone keys it again: it stays blind; what you keyed before is kept in the audit</source>
        <translation>Mở lại lần nhập đầu của bạn để sửa, trước khi có người nhập lại mục này: người khác vẫn không thấy; bản trước vẫn được lưu trong nhật ký</translation>
    </message>
    <message>
        <source>Mark the field with the focus as illegible in the book (Ctrl+I): it is kept empty and flagged, never guessed</source>
        <translation>Đánh dấu trường đang chọn là không đọc được trong sổ (Ctrl+I): trường để trống và được ghi nhận, không bao giờ đoán</translation>
    </message>
    <message>
        <source>The sample holds no entry to re-key.</source>
        <translation>Mẫu không có mục nào để nhập lại.</translation>
    </message>
    <message>
        <source>Re-check (blind)</source>
        <translation>Kiểm tra lại (nhập độc lập)</translation>
    </message>
    <message>
        <source>Keying</source>
        <translation>Nhập liệu</translation>
    </message>
    <message>
        <source>Entry %1 of page %2</source>
        <translation>Mục %1 của trang %2</translation>
    </message>
    <message>
        <source>A new entry: key it as the book gives it.</source>
        <translation>Mục mới: nhập đúng như sổ ghi.</translation>
    </message>
    <message>
        <source>Another officer keyed this entry once. Key it again yourself, from the page: the two keyings are compared.</source>
        <translation>Một cán bộ khác đã nhập mục này một lần. Hãy tự nhập lại từ trang sổ: hai lần nhập sẽ được so sánh.</translation>
    </message>
    <message>
        <source>Already keyed: shown as saved.</source>
        <translation>Đã nhập: hiển thị như đã lưu.</translation>
    </message>
    <message>
        <source>Your first keying, still blind to everyone else: you may correct it or discard it until another officer keys the entry.</source>
        <translation>Lần nhập đầu của bạn, người khác vẫn không thấy: bạn có thể sửa hoặc bỏ đi cho đến khi cán bộ khác nhập mục này.</translation>
    </message>
    <message>
        <source>Your entry, not submitted yet: correct it and save.</source>
        <translation>Mục của bạn, chưa trình: sửa rồi lưu lại.</translation>
    </message>
    <message>
        <source>Drawn entry %1 of %2: page %3, entry %4</source>
        <translation>Mục mẫu %1/%2: trang %3, mục %4</translation>
    </message>
    <message>
        <source>Re-key this entry from the page, without looking at the entry: the two are compared field by field.</source>
        <translation>Nhập lại mục này từ trang sổ, không xem mục đã lưu: hai bản được so sánh từng trường.</translation>
    </message>
    <message>
        <source>Put the cursor in the field the book does not let you read, then mark it.</source>
        <translation>Hãy đặt con trỏ vào trường không đọc được trong sổ rồi đánh dấu.</translation>
    </message>
    <message>
        <source>Correct your first keying and save it (it stays blind), or discard it.</source>
        <translation>Sửa lần nhập đầu rồi lưu (người khác vẫn không thấy), hoặc bỏ đi.</translation>
    </message>
    <message>
        <source>Your first keying was discarded (kept in the audit): the entry is free to key again.</source>
        <translation>Đã bỏ lần nhập đầu của bạn (vẫn lưu trong nhật ký): mục này có thể nhập lại.</translation>
    </message>
    <message>
        <source>Corrected.</source>
        <translation>Đã sửa.</translation>
    </message>
    <message>
        <source>Saved: a second officer verifies it (four eyes).</source>
        <translation>Đã lưu: một cán bộ khác sẽ kiểm tra (bốn mắt).</translation>
    </message>
    <message>
        <source>Saved as the first keying: it stays blind until another officer keys the entry.</source>
        <translation>Đã lưu lần nhập thứ nhất: được giữ kín cho đến khi cán bộ khác nhập mục này.</translation>
    </message>
    <message>
        <source>Both keyings agree: the entry is verified.</source>
        <translation>Hai lần nhập khớp nhau: mục đã được kiểm tra.</translation>
    </message>
    <message>
        <source>The keyings differ on %1 fields: a third person decides.</source>
        <translation>Hai lần nhập khác nhau ở %1 trường: người thứ ba quyết định.</translation>
    </message>
    <message>
        <source>Re-keyed and compared.</source>
        <translation>Đã nhập lại và so sánh.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Hộ Tịch Offline — Log in</source>
        <translation>Hộ Tịch Offline — Đăng nhập</translation>
    </message>
    <message>
        <source>Civil-status registration — offline</source>
        <translation>Đăng ký hộ tịch — ngoại tuyến</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>The first login after an update upgrades the data and prepares the search, once; this can take a few minutes. If it is interrupted, the next login carries on.</source>
        <translation>Lần đăng nhập đầu tiên sau khi cập nhật phần mềm sẽ nâng cấp dữ liệu và chuẩn bị lại chức năng tìm kiếm, một lần; việc này có thể mất vài phút. Nếu bị gián đoạn, lần đăng nhập sau sẽ làm tiếp.</translation>
    </message>
</context>
<context>
    <name>LunarDateField</name>
    <message>
        <source>give the year (1944, or Giáp Thân with the book&apos;s year)</source>
        <translation>hãy ghi năm (1944, hoặc Giáp Thân khi đã có năm của sổ)</translation>
    </message>
    <message>
        <source>that year has no such leap month</source>
        <translation>năm đó không có tháng nhuận này</translation>
    </message>
    <message>
        <source>that lunar month has no such day</source>
        <translation>tháng âm lịch đó không có ngày này</translation>
    </message>
    <message>
        <source>not a lunar date this form reads</source>
        <translation>không đọc được ngày âm lịch này</translation>
    </message>
    <message>
        <source>Lunar</source>
        <translation>Âm lịch</translation>
    </message>
    <message>
        <source>The book gives this date in the lunar calendar (Ctrl+L)</source>
        <translation>Sổ ghi ngày này theo âm lịch (Ctrl+L)</translation>
    </message>
    <message>
        <source>= %1 (Gregorian)</source>
        <translation>= %1 (dương lịch)</translation>
    </message>
    <message>
        <source>Converted from the lunar date as written; the record keeps both.</source>
        <translation>Đã chuyển từ ngày âm lịch như ghi trong sổ; hồ sơ giữ cả hai.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Hộ Tịch Offline — %1</source>
        <translation>Hộ Tịch Offline — %1</translation>
    </message>
    <message>
        <source>Logged in: %1 (%2) — %3</source>
        <translation>Đã đăng nhập: %1 (%2) — %3</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>New registration</source>
        <translation>Đăng ký mới</translation>
    </message>
    <message>
        <source>Records and search</source>
        <translation>Hồ sơ và tìm kiếm</translation>
    </message>
    <message>
        <source>Check an extract</source>
        <translation>Kiểm tra trích lục</translation>
    </message>
    <message>
        <source>Second check (historical)</source>
        <translation>Kiểm tra lần hai</translation>
    </message>
    <message>
        <source>Digitising old books</source>
        <translation>Số hóa sổ cũ</translation>
    </message>
    <message>
        <source>Double entry: decisions</source>
        <translation>Nhập hai lần: quyết định</translation>
    </message>
    <message>
        <source>Approval and signing</source>
        <translation>Phê duyệt và ký</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Backup and restore</source>
        <translation>Sao lưu và khôi phục</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;Hệ thống</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>Đăng &amp;xuất</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>Đổi &amp;mật khẩu của tôi…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Trợ giúp</translation>
    </message>
    <message>
        <source>User &amp;guide</source>
        <translation>&amp;Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <source>&amp;About Hộ Tịch Offline</source>
        <translation>&amp;Giới thiệu Hộ Tịch Offline</translation>
    </message>
    <message>
        <source>Queue: %1</source>
        <translation>Hàng đợi: %1</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Đang xử lý…</translation>
    </message>
    <message>
        <source>Unsaved work</source>
        <translation>Chưa lưu</translation>
    </message>
    <message>
        <source>The record on screen has changes that are not saved (it may still have errors). Close anyway and lose them?</source>
        <translation>Hồ sơ trên màn hình có thay đổi chưa lưu (có thể còn lỗi). Vẫn đóng và bỏ các thay đổi này?</translation>
    </message>
</context>
<context>
    <name>OcrSuggestions</name>
    <message>
        <source>Text recogniser (its model is on this computer; nothing is sent anywhere)</source>
        <translation>Bộ nhận dạng chữ (mô hình nằm trên máy này; không gửi gì ra ngoài)</translation>
    </message>
    <message>
        <source>Read the page</source>
        <translation>Đọc trang sổ</translation>
    </message>
    <message>
        <source>No page.</source>
        <translation>Chưa có trang sổ.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <source>Read on the page</source>
        <translation>Đọc được trên trang</translation>
    </message>
    <message>
        <source>Sure</source>
        <translation>Độ tin cậy</translation>
    </message>
    <message>
        <source>Accept all</source>
        <translation>Nhận tất cả</translation>
    </message>
    <message>
        <source>Accept every suggestion of this entry (Ctrl+Shift+A)</source>
        <translation>Nhận mọi gợi ý của mục này (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>OCR suggestions</source>
        <translation>Gợi ý đọc tự động (OCR)</translation>
    </message>
    <message>
        <source>Printed text recognition</source>
        <translation>Nhận dạng chữ in</translation>
    </message>
    <message>
        <source>Printed text recognition, second engine</source>
        <translation>Nhận dạng chữ in, bộ máy thứ hai</translation>
    </message>
    <message>
        <source>Reading the page…</source>
        <translation>Đang đọc trang sổ…</translation>
    </message>
    <message>
        <source>%2: %1 entries read in %3 s. Accept what the page shows.</source>
        <translation>%2: đọc được %1 mục trong %3 giây. Chỉ nhận những gì đúng với trang sổ.</translation>
    </message>
    <message>
        <source>Nothing was read at this position of the page.</source>
        <translation>Không đọc được gì ở vị trí này của trang sổ.</translation>
    </message>
    <message>
        <source>The recogniser is unsure: compare with the page.</source>
        <translation>Bộ nhận dạng không chắc chắn: hãy so với trang sổ.</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Nhận</translation>
    </message>
</context>
<context>
    <name>PageFooter</name>
    <message>
        <source>Show more</source>
        <translation>Xem thêm</translation>
    </message>
    <message>
        <source>Load the next page (scrolling to the end of the list does it too)</source>
        <translation>Tải trang tiếp theo (cuộn đến cuối danh sách cũng tải)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln hồ sơ</numerusform>
        </translation>
    </message>
    <message>
        <source>%1–%2 of %3 records</source>
        <translation>%1–%2 trong %3 hồ sơ</translation>
    </message>
    <message>
        <source>None found yet of %1 records; Show more looks further</source>
        <translation>Chưa thấy hồ sơ phù hợp trong %1 hồ sơ; bấm Xem thêm để tìm tiếp</translation>
    </message>
    <message>
        <source>%1–%2, more follow</source>
        <translation>%1–%2, còn nữa</translation>
    </message>
    <message>
        <source>None found yet; Show more looks further</source>
        <translation>Chưa thấy hồ sơ phù hợp; bấm Xem thêm để tìm tiếp</translation>
    </message>
</context>
<context>
    <name>PageScanWidget</name>
    <message>
        <source>No scan to show.</source>
        <translation>Không có ảnh quét để hiển thị.</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Thu nhỏ (-)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Phóng to (+)</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>Cả trang</translation>
    </message>
    <message>
        <source>The whole page in view (0)</source>
        <translation>Xem cả trang (0)</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>Kích thước thật</translation>
    </message>
    <message>
        <source>The scan pixel for pixel, to read a faint hand (1)</source>
        <translation>Ảnh quét đúng từng điểm ảnh, để đọc nét chữ mờ (1)</translation>
    </message>
    <message>
        <source>Turn the page a quarter to the left</source>
        <translation>Xoay trang một phần tư vòng sang trái</translation>
    </message>
    <message>
        <source>Turn left</source>
        <translation>Xoay trái</translation>
    </message>
    <message>
        <source>Turn right</source>
        <translation>Xoay phải</translation>
    </message>
    <message>
        <source>Turn the page a quarter to the right</source>
        <translation>Xoay trang một phần tư vòng sang phải</translation>
    </message>
    <message>
        <source>Crop</source>
        <translation>Cắt trang</translation>
    </message>
    <message>
        <source>Draw the part of the page to read; the scan is kept whole</source>
        <translation>Vẽ vùng trang cần đọc; ảnh quét gốc được giữ nguyên</translation>
    </message>
    <message>
        <source>Whole scan</source>
        <translation>Cả ảnh quét</translation>
    </message>
    <message>
        <source>Show the whole scan again</source>
        <translation>Hiện lại toàn bộ ảnh quét</translation>
    </message>
    <message>
        <source>Loading the page…</source>
        <translation>Đang tải trang sổ…</translation>
    </message>
    <message>
        <source>This PDF could not be read.</source>
        <translation>Không đọc được tệp PDF này.</translation>
    </message>
    <message>
        <source>This image could not be read.</source>
        <translation>Không đọc được ảnh này.</translation>
    </message>
</context>
<context>
    <name>PlaceWords</name>
    <message>
        <source>%1 (the province only: the commune cannot be told)</source>
        <translation>%1 (chỉ xác định được tỉnh, thành phố; không xác định được xã, phường)</translation>
    </message>
    <message>
        <source>%1: now in %2 (which one cannot be told)</source>
        <translation>%1: nay thuộc %2 (không xác định được nơi nào)</translation>
    </message>
</context>
<context>
    <name>Print Device Input Slot</name>
    <message>
        <source>Automatic</source>
        <translation>Tự động</translation>
    </message>
</context>
<context>
    <name>Print Device Output Bin</name>
    <message>
        <source>Automatic</source>
        <translation>Tự động</translation>
    </message>
</context>
<context>
    <name>ProcedureBar</name>
    <message>
        <source>Historical entry (from an old register book)</source>
        <translation>Số hóa sổ hộ tịch cũ</translation>
    </message>
    <message>
        <source>New (Ctrl+N)</source>
        <translation>Mới (Ctrl+N)</translation>
    </message>
    <message>
        <source>Copy from previous (Ctrl+Shift+C)</source>
        <translation>Chép từ hồ sơ trước (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Twins and siblings: the parents, addresses and declarant of the last record of this procedure submitted on this screen; the child&apos;s own details stay empty.</source>
        <translation>Sinh đôi, anh chị em ruột: chép cha mẹ, địa chỉ và người đi đăng ký của hồ sơ cùng thủ tục vừa trình trên màn hình này; thông tin riêng của trẻ để trống.</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Alias</source>
        <translation>Bí danh</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Ổ đĩa</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>File Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Lối tắt</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Không rõ</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>Chọn &amp;tất cả</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>&amp;Tăng</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>&amp;Giảm</translation>
    </message>
</context>
<context>
    <name>QComboBox</name>
    <message>
        <source>False</source>
        <translation>Sai</translation>
    </message>
    <message>
        <source>True</source>
        <translation>Đúng</translation>
    </message>
    <message>
        <source>Open the combo box selection popup</source>
        <translation>Mở danh sách để chọn</translation>
    </message>
</context>
<context>
    <name>QCupsJobWidget</name>
    <message>
        <source>&amp;Billing information:</source>
        <translation>Thông tin &amp;tính phí:</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation>&amp;Cuối:</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>Đầ&amp;u:</translation>
    </message>
    <message>
        <source>Banner Pages</source>
        <translation>Trang bìa lệnh in</translation>
    </message>
    <message>
        <source>Classified</source>
        <translation>Mật</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Kín</translation>
    </message>
    <message>
        <source>Day (06:00 to 17:59)</source>
        <translation>Ban ngày (06:00 đến 17:59)</translation>
    </message>
    <message>
        <source>Hold Indefinitely</source>
        <translation>Giữ lại, chưa in</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Lệnh in</translation>
    </message>
    <message>
        <source>Job &amp;priority:</source>
        <translation>Mức &amp;ưu tiên:</translation>
    </message>
    <message>
        <source>Job Control</source>
        <translation>Điều khiển lệnh in</translation>
    </message>
    <message>
        <source>Night (18:00 to 05:59)</source>
        <translation>Ban đêm (18:00 đến 05:59)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Không</translation>
    </message>
    <message>
        <source>Print Immediately</source>
        <translation>In ngay</translation>
    </message>
    <message>
        <source>Scheduled &amp;printing:</source>
        <translation>&amp;Hẹn giờ in:</translation>
    </message>
    <message>
        <source>Second Shift (16:00 to 23:59)</source>
        <translation>Ca hai (16:00 đến 23:59)</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Tối mật</translation>
    </message>
    <message>
        <source>Specific Time</source>
        <translation>Vào giờ định trước</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Tiêu chuẩn</translation>
    </message>
    <message>
        <source>Third Shift (00:00 to 07:59)</source>
        <translation>Ca ba (00:00 đến 07:59)</translation>
    </message>
    <message>
        <source>Top Secret</source>
        <translation>Tuyệt mật</translation>
    </message>
    <message>
        <source>Unclassified</source>
        <translation>Không mật</translation>
    </message>
    <message>
        <source>Weekend (Saturday to Sunday)</source>
        <translation>Cuối tuần (thứ Bảy, Chủ nhật)</translation>
    </message>
</context>
<context>
    <name>QCupsPrinterSupport</name>
    <message>
        <source>Authentication Needed</source>
        <translation>Cần xác thực</translation>
    </message>
    <message>
        <source>Authentication needed to use %1 on %2.</source>
        <translation>Cần xác thực để dùng %1 trên %2.</translation>
    </message>
    <message>
        <source>Authentication needed to use %1.</source>
        <translation>Cần xác thực để dùng %1.</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
</context>
<context>
    <name>QDialog</name>
    <message>
        <source>What&apos;s This?</source>
        <translation>Đây là gì?</translation>
    </message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
Không tìm thấy thư mục.
Hãy kiểm tra lại tên thư mục.</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Không tìm thấy tệp.
Hãy kiểm tra lại tên tệp.</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 đã có.
Bạn có muốn ghi đè không?</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Chọn</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Tìm trong:</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>Thư mục &amp;mới</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>Đổi &amp;tên</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>&apos;%1&apos; đang được bảo vệ chống ghi.
Vẫn xóa?</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>Bạn có chắc muốn xóa &apos;%1&apos;?</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Xem dạng chi tiết</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Xem dạng danh sách</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>Không xóa được thư mục.</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Tạo thư mục mới</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Tạo một thư mục mới</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Xem chi tiết</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>Tên &amp;tệp:</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Loại tệp:</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Chọn thư mục</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Tiến tới</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Tiến tới</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Lên thư mục cha</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Xem danh sách</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>Danh sách nơi lưu và dấu trang</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Thư mục mới</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Thư mục cha</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>Nơi đã mở gần đây</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Lưu thành</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>Hiện </translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Hiện các tệp ẩ&amp;n</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Thanh bên</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Computer</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Ngày sửa</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Kích thước</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
</context>
<context>
    <name>QInputDialog</name>
    <message>
        <source>Enter a value:</source>
        <translation>Nhập một giá trị:</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Xem chi tiết...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Ẩn chi tiết...</translation>
    </message>
</context>
<context>
    <name>QMimeType</name>
    <message>
        <source>PDF document</source>
        <translation>Tài liệu PDF</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>Ảnh PNG</translation>
    </message>
    <message>
        <source>JPEG image</source>
        <translation>Ảnh JPEG</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>thư mục</translation>
    </message>
    <message>
        <source>plain text document</source>
        <translation>tài liệu văn bản</translation>
    </message>
    <message>
        <source>PKCS#12 certificate bundle</source>
        <translation>Chứng thư số PKCS#12</translation>
    </message>
    <message>
        <source>DER/PEM/Netscape-encoded X.509 certificate</source>
        <translation>Chứng chỉ X.509 (DER/PEM)</translation>
    </message>
    <message>
        <source>X.509 certificate</source>
        <translation>Chứng chỉ X.509</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>không rõ</translation>
    </message>
    <message>
        <source>CSV document</source>
        <translation>Tài liệu CSV</translation>
    </message>
    <message>
        <source>Excel 2007 spreadsheet</source>
        <translation>Bảng tính Excel 2007</translation>
    </message>
    <message>
        <source>JSON document</source>
        <translation>Tài liệu JSON</translation>
    </message>
    <message>
        <source>Zip archive</source>
        <translation>Tệp nén Zip</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <source>Cicero (CC)</source>
        <translation>Cicero (CC)</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Tùy chỉnh</translation>
    </message>
    <message>
        <source>Didot (DD)</source>
        <translation>Didot (DD)</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Mẫu</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>Cao:</translation>
    </message>
    <message>
        <source>Inches (in)</source>
        <translation>Inch (in)</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Ngang</translation>
    </message>
    <message>
        <source>Margins</source>
        <translation>Lề</translation>
    </message>
    <message>
        <source>Millimeters (mm)</source>
        <translation>Milimét (mm)</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Hướng giấy</translation>
    </message>
    <message>
        <source>Page &amp;order:</source>
        <translation>&amp;Thứ tự trang:</translation>
    </message>
    <message>
        <source>Page Layout</source>
        <translation>Bố cục trang</translation>
    </message>
    <message>
        <source>Page size:</source>
        <translation>Khổ giấy:</translation>
    </message>
    <message>
        <source>Pages &amp;per sheet:</source>
        <translation>Số trang &amp;mỗi tờ:</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Giấy</translation>
    </message>
    <message>
        <source>Paper source:</source>
        <translation>Khay giấy:</translation>
    </message>
    <message>
        <source>Points (pt)</source>
        <translation>Point (pt)</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Dọc</translation>
    </message>
    <message>
        <source>Reverse landscape</source>
        <translation>Ngang, đảo ngược</translation>
    </message>
    <message>
        <source>Reverse portrait</source>
        <translation>Dọc, đảo ngược</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>Rộng:</translation>
    </message>
    <message>
        <source>bottom margin</source>
        <translation>lề dưới</translation>
    </message>
    <message>
        <source>in</source>
        <translation>inch</translation>
    </message>
    <message>
        <source>left margin</source>
        <translation>lề trái</translation>
    </message>
    <message>
        <source>right margin</source>
        <translation>lề phải</translation>
    </message>
    <message>
        <source>top margin</source>
        <translation>lề trên</translation>
    </message>
</context>
<context>
    <name>QPageSize</name>
    <message>
        <source>%1 x %2 in</source>
        <translation>%1 x %2 inch</translation>
    </message>
    <message>
        <source>A4 Small</source>
        <translation>A4 nhỏ</translation>
    </message>
    <message>
        <source>Letter Small</source>
        <translation>Letter nhỏ</translation>
    </message>
    <message>
        <source>PRC 32K Big</source>
        <translation>PRC 32K lớn</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Tùy chỉnh</translation>
    </message>
    <message>
        <source>Custom (%1CC x %2CC)</source>
        <translation>Tùy chỉnh (%1CC x %2CC)</translation>
    </message>
    <message>
        <source>Custom (%1DD x %2DD)</source>
        <translation>Tùy chỉnh (%1DD x %2DD)</translation>
    </message>
    <message>
        <source>Custom (%1in x %2in)</source>
        <translation>Tùy chỉnh (%1in x %2in)</translation>
    </message>
    <message>
        <source>Custom (%1mm x %2mm)</source>
        <translation>Tùy chỉnh (%1mm x %2mm)</translation>
    </message>
    <message>
        <source>Custom (%1pc x %2pc)</source>
        <translation>Tùy chỉnh (%1pc x %2pc)</translation>
    </message>
    <message>
        <source>Custom (%1pt x %2pt)</source>
        <translation>Tùy chỉnh (%1pt x %2pt)</translation>
    </message>
    <message>
        <source>Double Postcard</source>
        <translation>Bưu thiếp đôi</translation>
    </message>
    <message>
        <source>Postcard</source>
        <translation>Bưu thiếp</translation>
    </message>
    <message>
        <source>Executive (7.25 x 10.5 in)</source>
        <translation>Executive (7,25 x 10,5 inch)</translation>
    </message>
    <message>
        <source>Executive (7.5 x 10 in)</source>
        <translation>Executive (7,5 x 10 inch)</translation>
    </message>
    <message>
        <source>Fan-fold German (8.5 x 12 in)</source>
        <translation>Giấy in liên tục, Đức (8,5 x 12 inch)</translation>
    </message>
    <message>
        <source>Fan-fold German Legal (8.5 x 13 in)</source>
        <translation>Giấy in liên tục, Đức Legal (8,5 x 13 inch)</translation>
    </message>
    <message>
        <source>Fan-fold US (14.875 x 11 in)</source>
        <translation>Giấy in liên tục, Mỹ (14,875 x 11 inch)</translation>
    </message>
    <message>
        <source>Folio (8.27 x 13 in)</source>
        <translation>Folio (8,27 x 13 inch)</translation>
    </message>
    <message>
        <source>Envelope Invite</source>
        <translation>Phong bì thiệp mời</translation>
    </message>
    <message>
        <source>Envelope Italian</source>
        <translation>Phong bì Ý</translation>
    </message>
    <message>
        <source>Envelope Personal</source>
        <translation>Phong bì cá nhân</translation>
    </message>
    <message>
        <source>Envelope B4</source>
        <translation>Phong bì B4</translation>
    </message>
    <message>
        <source>Envelope B5</source>
        <translation>Phong bì B5</translation>
    </message>
    <message>
        <source>Envelope B6</source>
        <translation>Phong bì B6</translation>
    </message>
    <message>
        <source>Envelope C0</source>
        <translation>Phong bì C0</translation>
    </message>
    <message>
        <source>Envelope C1</source>
        <translation>Phong bì C1</translation>
    </message>
    <message>
        <source>Envelope C2</source>
        <translation>Phong bì C2</translation>
    </message>
    <message>
        <source>Envelope C3</source>
        <translation>Phong bì C3</translation>
    </message>
    <message>
        <source>Envelope C4</source>
        <translation>Phong bì C4</translation>
    </message>
    <message>
        <source>Envelope C5</source>
        <translation>Phong bì C5</translation>
    </message>
    <message>
        <source>Envelope C6</source>
        <translation>Phong bì C6</translation>
    </message>
    <message>
        <source>Envelope C65</source>
        <translation>Phong bì C65</translation>
    </message>
    <message>
        <source>Envelope C7</source>
        <translation>Phong bì C7</translation>
    </message>
    <message>
        <source>Envelope DL</source>
        <translation>Phong bì DL</translation>
    </message>
    <message>
        <source>Envelope Monarch</source>
        <translation>Phong bì Monarch</translation>
    </message>
    <message>
        <source>Envelope Chou 3</source>
        <translation>Phong bì Chou 3</translation>
    </message>
    <message>
        <source>Envelope Chou 4</source>
        <translation>Phong bì Chou 4</translation>
    </message>
    <message>
        <source>Envelope Kaku 2</source>
        <translation>Phong bì Kaku 2</translation>
    </message>
    <message>
        <source>Envelope Kaku 3</source>
        <translation>Phong bì Kaku 3</translation>
    </message>
    <message>
        <source>Envelope You 4</source>
        <translation>Phong bì You 4</translation>
    </message>
    <message>
        <source>Envelope PRC 1</source>
        <translation>Phong bì PRC 1</translation>
    </message>
    <message>
        <source>Envelope PRC 2</source>
        <translation>Phong bì PRC 2</translation>
    </message>
    <message>
        <source>Envelope PRC 3</source>
        <translation>Phong bì PRC 3</translation>
    </message>
    <message>
        <source>Envelope PRC 4</source>
        <translation>Phong bì PRC 4</translation>
    </message>
    <message>
        <source>Envelope PRC 5</source>
        <translation>Phong bì PRC 5</translation>
    </message>
    <message>
        <source>Envelope PRC 6</source>
        <translation>Phong bì PRC 6</translation>
    </message>
    <message>
        <source>Envelope PRC 7</source>
        <translation>Phong bì PRC 7</translation>
    </message>
    <message>
        <source>Envelope PRC 8</source>
        <translation>Phong bì PRC 8</translation>
    </message>
    <message>
        <source>Envelope PRC 9</source>
        <translation>Phong bì PRC 9</translation>
    </message>
    <message>
        <source>Envelope PRC 10</source>
        <translation>Phong bì PRC 10</translation>
    </message>
    <message>
        <source>Envelope US 9</source>
        <translation>Phong bì US 9</translation>
    </message>
    <message>
        <source>Envelope US 10</source>
        <translation>Phong bì US 10</translation>
    </message>
    <message>
        <source>Envelope US 11</source>
        <translation>Phong bì US 11</translation>
    </message>
    <message>
        <source>Envelope US 12</source>
        <translation>Phong bì US 12</translation>
    </message>
    <message>
        <source>Envelope US 14</source>
        <translation>Phong bì US 14</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Lưu tất cả</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Có với &amp;tất cả</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Không với tất &amp;cả</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Hủy bỏ</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Bỏ đi</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
    <message>
        <source>Don&apos;t Save</source>
        <translation>Không lưu</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>Đóng mà không lưu</translation>
    </message>
</context>
<context>
    <name>QPrintDialog</name>
    <message>
        <source>%1 already exists.
Do you want to overwrite it?</source>
        <translation>%1 đã có.
Bạn có muốn ghi đè không?</translation>
    </message>
    <message>
        <source>%1 does not follow the correct syntax. Please use &apos;,&apos; to separate ranges and pages, &apos;-&apos; to define ranges and make sure ranges do not intersect with each other.</source>
        <translation>%1 viết chưa đúng. Hãy dùng &apos;,&apos; để ngăn cách các trang và khoảng trang, &apos;-&apos; để ghi một khoảng trang, và các khoảng không được chồng lên nhau.</translation>
    </message>
    <message>
        <source>%1 is a directory.
Please choose a different file name.</source>
        <translation>%1 là một thư mục.
Hãy chọn tên tệp khác.</translation>
    </message>
    <message>
        <source>&amp;Options &lt;&lt;</source>
        <translation>&amp;Tùy chọn &lt;&lt;</translation>
    </message>
    <message>
        <source>&amp;Options &gt;&gt;</source>
        <translation>&amp;Tùy chọn &gt;&gt;</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;In</translation>
    </message>
    <message>
        <source>All Pages</source>
        <translation>Mọi trang</translation>
    </message>
    <message>
        <source>Bottom to Top, Left to Right</source>
        <translation>Dưới lên trên, trái sang phải</translation>
    </message>
    <message>
        <source>Bottom to Top, Right to Left</source>
        <translation>Dưới lên trên, phải sang trái</translation>
    </message>
    <message>
        <source>Duplex Settings Conflicts</source>
        <translation>Cài đặt in hai mặt mâu thuẫn</translation>
    </message>
    <message>
        <source>Even Pages</source>
        <translation>Trang chẵn</translation>
    </message>
    <message>
        <source>File %1 is not writable.
Please choose a different file name.</source>
        <translation>Không ghi được tệp %1.
Hãy chọn tên tệp khác.</translation>
    </message>
    <message>
        <source>Invalid Pages Definition</source>
        <translation>Khoảng trang không hợp lệ</translation>
    </message>
    <message>
        <source>Left to Right, Bottom to Top</source>
        <translation>Trái sang phải, dưới lên trên</translation>
    </message>
    <message>
        <source>Left to Right, Top to Bottom</source>
        <translation>Trái sang phải, trên xuống dưới</translation>
    </message>
    <message>
        <source>Local file</source>
        <translation>Tệp trên máy</translation>
    </message>
    <message>
        <source>Odd Pages</source>
        <translation>Trang lẻ</translation>
    </message>
    <message>
        <source>Options &apos;Pages Per Sheet&apos; and &apos;Page Set&apos; cannot be used together.
Please turn one of those options off.</source>
        <translation>Không dùng được cùng lúc &apos;Số trang mỗi tờ&apos; và &apos;Nhóm trang&apos;.
Hãy tắt một trong hai.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Print To File ...</source>
        <translation>In ra tệp ...</translation>
    </message>
    <message>
        <source>Print to File (PDF)</source>
        <translation>In ra tệp (PDF)</translation>
    </message>
    <message>
        <source>Right to Left, Bottom to Top</source>
        <translation>Phải sang trái, dưới lên trên</translation>
    </message>
    <message>
        <source>Right to Left, Top to Bottom</source>
        <translation>Phải sang trái, trên xuống dưới</translation>
    </message>
    <message>
        <source>The &apos;From&apos; value cannot be greater than the &apos;To&apos; value.</source>
        <translation>Trang &apos;Từ&apos; không được lớn hơn trang &apos;Đến&apos;.</translation>
    </message>
    <message>
        <source>There are conflicts in duplex settings. Do you want to fix them?</source>
        <translation>Cài đặt in hai mặt đang mâu thuẫn. Bạn có muốn sửa không?</translation>
    </message>
    <message>
        <source>Top to Bottom, Left to Right</source>
        <translation>Trên xuống dưới, trái sang phải</translation>
    </message>
    <message>
        <source>Top to Bottom, Right to Left</source>
        <translation>Trên xuống dưới, phải sang trái</translation>
    </message>
    <message>
        <source>Write PDF file</source>
        <translation>Ghi tệp PDF</translation>
    </message>
</context>
<context>
    <name>QPrintPropertiesDialog</name>
    <message>
        <source>Advanced Option Conflicts</source>
        <translation>Tùy chọn nâng cao mâu thuẫn</translation>
    </message>
    <message>
        <source>Job Options</source>
        <translation>Tùy chọn lệnh in</translation>
    </message>
    <message>
        <source>Page Setup Conflicts</source>
        <translation>Cài đặt trang mâu thuẫn</translation>
    </message>
    <message>
        <source>Printer Properties</source>
        <translation>Thuộc tính máy in</translation>
    </message>
    <message>
        <source>There are conflicts in page setup options. Do you want to fix them?</source>
        <translation>Cài đặt trang đang mâu thuẫn. Bạn có muốn sửa không?</translation>
    </message>
    <message>
        <source>There are conflicts in some advanced options. Do you want to fix them?</source>
        <translation>Một số tùy chọn nâng cao đang mâu thuẫn. Bạn có muốn sửa không?</translation>
    </message>
</context>
<context>
    <name>QPrintPropertiesWidget</name>
    <message>
        <source>Advanced</source>
        <translation>Nâng cao</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Mẫu</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Trang</translation>
    </message>
    <message>
        <source>There are conflicts in some options. Please fix them.</source>
        <translation>Một số tùy chọn đang mâu thuẫn. Hãy sửa lại.</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Collate</source>
        <translation>Xếp theo bộ</translation>
    </message>
    <message>
        <source>Color</source>
        <translation>Màu</translation>
    </message>
    <message>
        <source>Color Mode</source>
        <translation>Chế độ màu</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Số bản</translation>
    </message>
    <message>
        <source>Copies:</source>
        <translation>Số bản:</translation>
    </message>
    <message>
        <source>Current Page</source>
        <translation>Trang hiện tại</translation>
    </message>
    <message>
        <source>Double Sided Printing</source>
        <translation>In hai mặt</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Mẫu</translation>
    </message>
    <message>
        <source>Grayscale</source>
        <translation>Thang xám</translation>
    </message>
    <message>
        <source>Long side binding</source>
        <translation>Đóng gáy cạnh dài</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Tắt</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Tùy chọn</translation>
    </message>
    <message>
        <source>Output Settings</source>
        <translation>Cài đặt bản in</translation>
    </message>
    <message>
        <source>Page &amp;Set:</source>
        <translation>&amp;Nhóm trang:</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Trang</translation>
    </message>
    <message>
        <source>Pages from</source>
        <translation>Từ trang</translation>
    </message>
    <message>
        <source>Print all</source>
        <translation>In tất cả</translation>
    </message>
    <message>
        <source>Print range</source>
        <translation>Phạm vi in</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>Đảo ngược</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>Phần đã chọn</translation>
    </message>
    <message>
        <source>Short side binding</source>
        <translation>Đóng gáy cạnh ngắn</translation>
    </message>
    <message>
        <source>Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source>
        <translation>Ghi các trang hoặc khoảng trang, cách nhau bằng dấu phẩy; một khoảng là hai số nối bằng dấu gạch. Ví dụ: 3,5-7,9 in các trang 3, 5, 6, 7 và 9.</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
</context>
<context>
    <name>QPrintWidget</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <source>...</source>
        <translation>...</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Mẫu</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Vị trí:</translation>
    </message>
    <message>
        <source>Output &amp;file:</source>
        <translation>&amp;Tệp xuất:</translation>
    </message>
    <message>
        <source>P&amp;roperties</source>
        <translation>&amp;Thuộc tính</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Máy in</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Loại:</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>QScrollBar</name>
    <message>
        <source>Bottom</source>
        <translation>Cuối</translation>
    </message>
    <message>
        <source>Left edge</source>
        <translation>Mép trái</translation>
    </message>
    <message>
        <source>Page down</source>
        <translation>Xuống một trang</translation>
    </message>
    <message>
        <source>Page left</source>
        <translation>Sang trái một trang</translation>
    </message>
    <message>
        <source>Page right</source>
        <translation>Sang phải một trang</translation>
    </message>
    <message>
        <source>Page up</source>
        <translation>Lên một trang</translation>
    </message>
    <message>
        <source>Right edge</source>
        <translation>Mép phải</translation>
    </message>
    <message>
        <source>Scroll down</source>
        <translation>Cuộn xuống</translation>
    </message>
    <message>
        <source>Scroll here</source>
        <translation>Cuộn đến đây</translation>
    </message>
    <message>
        <source>Scroll left</source>
        <translation>Cuộn sang trái</translation>
    </message>
    <message>
        <source>Scroll right</source>
        <translation>Cuộn sang phải</translation>
    </message>
    <message>
        <source>Scroll up</source>
        <translation>Cuộn lên</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>Đầu</translation>
    </message>
</context>
<context>
    <name>QTabBar</name>
    <message>
        <source>Scroll Left</source>
        <translation>Cuộn sang trái</translation>
    </message>
    <message>
        <source>Scroll Right</source>
        <translation>Cuộn sang phải</translation>
    </message>
</context>
<context>
    <name>QUnicodeControlCharacterMenu</name>
    <message>
        <source>Insert Unicode control character</source>
        <translation>Chèn ký tự điều khiển Unicode</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Sao chép địa chỉ &amp;liên kết</translation>
    </message>
</context>
<context>
    <name>RecheckWidget</name>
    <message>
        <source>Accuracy: sample re-checks</source>
        <translation>Độ chính xác: kiểm tra lại theo mẫu</translation>
    </message>
    <message>
        <source>Drawn</source>
        <translation>Đã lấy mẫu</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 trên %2</translation>
    </message>
    <message>
        <source>Re-keyed</source>
        <translation>Đã nhập lại</translation>
    </message>
    <message>
        <source>Fields wrong</source>
        <translation>Trường sai</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>Tỉ lệ sai</translation>
    </message>
    <message>
        <source>95 % interval</source>
        <translation>Khoảng tin cậy 95 %</translation>
    </message>
    <message>
        <source>Estimated field error rate (%), 95 % interval</source>
        <translation>Tỉ lệ trường sai ước tính (%), khoảng tin cậy 95 %</translation>
    </message>
    <message>
        <source>Draw a 2 % sample to re-check</source>
        <translation>Lấy mẫu 2 % để kiểm tra lại</translation>
    </message>
    <message>
        <source>At random, 2 % (at least 5) of the book&apos;s verified entries, to re-key blind.</source>
        <translation>Chọn ngẫu nhiên 2 % (ít nhất 5) số mục đã kiểm tra của sổ để nhập lại độc lập.</translation>
    </message>
    <message>
        <source>Draw 2 % of the whole commune</source>
        <translation>Rút 2 % của cả xã</translation>
    </message>
    <message>
        <source>At random, 2 % (at least 5) of the verified entries of every book of the commune, to re-key blind.</source>
        <translation>Rút ngẫu nhiên 2 % (ít nhất 5) mục đã kiểm tra của mọi sổ trong xã, để nhập lại độc lập.</translation>
    </message>
    <message>
        <source>Re-key the sample…</source>
        <translation>Nhập lại các mục mẫu…</translation>
    </message>
    <message>
        <source>whole commune</source>
        <translation>cả xã</translation>
    </message>
    <message>
        <source>%1: %2 drawn of the %3 verified entries the re-checker had no hand in, %4 re-keyed.</source>
        <translation>%1: đã rút %2 trong %3 mục đã kiểm tra mà người kiểm tra lại không tham gia (nhập, kiểm tra, quyết định), đã nhập lại %4.</translation>
    </message>
    <message>
        <source>Save the report…</source>
        <translation>Lưu báo cáo…</translation>
    </message>
    <message>
        <source>The accuracy figures as a table (CSV) to keep, print or open in a spreadsheet.</source>
        <translation>Các số liệu độ chính xác thành bảng (CSV) để lưu, in hoặc mở bằng bảng tính.</translation>
    </message>
    <message>
        <source>Whole commune</source>
        <translation>Cả xã</translation>
    </message>
    <message>
        <source>Book %1</source>
        <translation>Sổ %1</translation>
    </message>
    <message>
        <source>Fields wrong: %1 (95 %: %2 – %3); entries with a wrong field: %4.</source>
        <translation>Trường sai: %1 (95 %: %2 – %3); mục có trường sai: %4.</translation>
    </message>
    <message>
        <source>Most often wrong: %1</source>
        <translation>Hay sai nhất: %1</translation>
    </message>
    <message>
        <source>%1: double entry differed on %2 of %3 fields (%5), %4 keyed wrong</source>
        <translation>%1: nhập hai lần khác nhau ở %2 trên %3 trường (%5), %4 trường nhập sai</translation>
    </message>
    <message>
        <source>Double entry most often differed on: %1</source>
        <translation>Nhập hai lần hay khác nhau nhất ở: %1</translation>
    </message>
    <message>
        <source>Save the accuracy report</source>
        <translation>Lưu báo cáo độ chính xác</translation>
    </message>
    <message>
        <source>accuracy-report.csv</source>
        <translation>bao-cao-do-chinh-xac.csv</translation>
    </message>
    <message>
        <source>Report saved: %1 (%2 rows).</source>
        <translation>Đã lưu báo cáo: %1 (%2 dòng).</translation>
    </message>
    <message>
        <source>Field error rate</source>
        <translation>Tỉ lệ trường sai</translation>
    </message>
    <message>
        <source>Sample %1</source>
        <translation>Mẫu %1</translation>
    </message>
    <message>
        <source>Sample drawn: re-key its entries from their pages.</source>
        <translation>Đã lấy mẫu: hãy nhập lại các mục từ trang sổ.</translation>
    </message>
</context>
<context>
    <name>ReconciliationWidget</name>
    <message>
        <source>Not at the centre</source>
        <translation>Thiếu ở trung tâm</translation>
    </message>
    <message>
        <source>Not in the book</source>
        <translation>Thiếu trong sổ</translation>
    </message>
    <message>
        <source>Differs</source>
        <translation>Khác nhau</translation>
    </message>
    <message>
        <source>Book&apos;s value kept</source>
        <translation>Giữ theo sổ</translation>
    </message>
    <message>
        <source>Correction opened</source>
        <translation>Đã mở cải chính</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Đã kiểm tra</translation>
    </message>
    <message>
        <source>Reconciliation with the population registry</source>
        <translation>Đối chiếu với Cơ sở dữ liệu quốc gia về dân cư</translation>
    </message>
    <message>
        <source>Reconcile with the centre</source>
        <translation>Đối chiếu với trung tâm</translation>
    </message>
    <message>
        <source>Reconciliation needs the connection to the central server, which this build does not have.</source>
        <translation>Đối chiếu cần kết nối với máy chủ trung ương, bản cài đặt này không có.</translation>
    </message>
    <message>
        <source>Your account does not synchronise.</source>
        <translation>Tài khoản của bạn không được đồng bộ.</translation>
    </message>
    <message>
        <source>Mismatch</source>
        <translation>Sai lệch</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Người</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <source>In the book</source>
        <translation>Trong sổ</translation>
    </message>
    <message>
        <source>At the centre</source>
        <translation>Ở trung tâm</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Cách xử lý</translation>
    </message>
    <message>
        <source>Keep the book&apos;s value</source>
        <translation>Giữ theo sổ</translation>
    </message>
    <message>
        <source>Open a correction</source>
        <translation>Mở cải chính</translation>
    </message>
    <message>
        <source>Mark as checked</source>
        <translation>Đánh dấu đã kiểm tra</translation>
    </message>
    <message>
        <source>This book has not been compared with the population registry yet.</source>
        <translation>Sổ này chưa được đối chiếu với Cơ sở dữ liệu quốc gia về dân cư.</translation>
    </message>
    <message>
        <source>%1 entries in the book, %2 at the centre, %3 matched: %4 of %5 mismatches still to resolve.</source>
        <translation>%1 mục trong sổ, %2 ở trung tâm, %3 khớp: còn %4 trong %5 chỗ sai lệch chưa xử lý.</translation>
    </message>
    <message>
        <source>Reading the population registry…</source>
        <translation>Đang đọc Cơ sở dữ liệu dân cư…</translation>
    </message>
    <message>
        <source>Reconciled: %1 mismatches to resolve.</source>
        <translation>Đã đối chiếu: %1 chỗ sai lệch cần xử lý.</translation>
    </message>
    <message>
        <source>Reconciliation cancelled.</source>
        <translation>Đã hủy đối chiếu.</translation>
    </message>
    <message>
        <source>A correction was opened as a draft (%1): complete it and submit it.</source>
        <translation>Đã mở một hồ sơ cải chính ở dạng nháp (%1): hãy hoàn thiện rồi trình.</translation>
    </message>
    <message>
        <source>Recorded: %1.</source>
        <translation>Đã ghi nhận: %1.</translation>
    </message>
</context>
<context>
    <name>RecordColumns</name>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Quyển</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Công chức</translation>
    </message>
</context>
<context>
    <name>RecordDetailDialog</name>
    <message>
        <source>Record</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>Correct and send again</source>
        <translation>Sửa và gửi lại</translation>
    </message>
    <message>
        <source>Back to a draft (a new version with the same registration number): correct it, then submit, approve, sign and send it again.</source>
        <translation>Đưa về bản nháp (phiên bản mới, giữ nguyên số đăng ký): sửa, rồi trình, phê duyệt, ký và gửi lại.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <source>Linked changes</source>
        <translation>Thay đổi liên quan</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Nhật ký kiểm tra</translation>
    </message>
    <message>
        <source>Scans and attachments</source>
        <translation>Ảnh quét, tệp đính kèm</translation>
    </message>
    <message>
        <source>Signed extracts</source>
        <translation>Trích lục đã ký</translation>
    </message>
    <message>
        <source>Edit draft</source>
        <translation>Sửa bản nháp</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>Trình phê duyệt</translation>
    </message>
    <message>
        <source>Extract preview</source>
        <translation>Xem trước trích lục</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Available once extract rendering is installed on this device.</source>
        <translation>Dùng được khi máy này đã cài đặt chức năng tạo trích lục.</translation>
    </message>
    <message>
        <source>No. %1, book %2</source>
        <translation>Số %1, quyển %2</translation>
    </message>
    <message>
        <source>registered on %1</source>
        <translation>đăng ký ngày %1</translation>
    </message>
    <message>
        <source>officer %1</source>
        <translation>công chức %1</translation>
    </message>
    <message>
        <source>checked by %1</source>
        <translation>kiểm tra lần hai: %1</translation>
    </message>
    <message>
        <source>approved by %1</source>
        <translation>phê duyệt bởi %1</translation>
    </message>
    <message>
        <source>No linked changes.</source>
        <translation>Không có thay đổi liên quan.</translation>
    </message>
    <message>
        <source>Related records</source>
        <translation>Hồ sơ liên quan</translation>
    </message>
    <message>
        <source>Concerns: %1</source>
        <translation>Liên quan đến: %1</translation>
    </message>
    <message>
        <source>Concerned by: %1</source>
        <translation>Có liên quan: %1</translation>
    </message>
    <message>
        <source>No related records.</source>
        <translation>Không có hồ sơ liên quan.</translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation>Số %1</translation>
    </message>
    <message>
        <source>Not registered yet: %1</source>
        <translation>Chưa đăng ký (không phải ghi chú): %1</translation>
    </message>
    <message>
        <source>The system</source>
        <translation>Hệ thống</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>không nêu lý do</translation>
    </message>
    <message>
        <source>Rejected by the central system: %1</source>
        <translation>Hệ thống trung ương từ chối: %1</translation>
    </message>
    <message>
        <source>Refused by %1: %2</source>
        <translation>%1 từ chối: %2</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Field</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Thành</translation>
    </message>
    <message>
        <source>Add a line</source>
        <translation>Thêm dòng</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Đăng ký</translation>
    </message>
    <message>
        <source>Find a record…</source>
        <translation>Tìm hồ sơ…</translation>
    </message>
    <message>
        <source>Search this device&apos;s records by name, number or personal ID and link the one this registration concerns.</source>
        <translation>Tìm trong hồ sơ trên máy theo họ tên, số đăng ký hoặc số định danh cá nhân và liên kết hồ sơ mà việc đăng ký này liên quan.</translation>
    </message>
</context>
<context>
    <name>RecordPickerDialog</name>
    <message>
        <source>Find the record to link</source>
        <translation>Tìm hồ sơ để liên kết</translation>
    </message>
    <message>
        <source>Name, registration number or personal ID (diacritics optional)…</source>
        <translation>Họ tên, số đăng ký hoặc số định danh cá nhân (không cần gõ dấu)…</translation>
    </message>
    <message>
        <source>Only: %1</source>
        <translation>Chỉ tìm: %1</translation>
    </message>
    <message>
        <source>Link this record</source>
        <translation>Liên kết hồ sơ này</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>RecordTree</name>
    <message>
        <source>Field</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>%1 (lunar: %2)</source>
        <translation>%1 (âm lịch: %2)</translation>
    </message>
</context>
<context>
    <name>RecordWords</name>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <source>%1 no. %2</source>
        <translation>%1 số %2</translation>
    </message>
    <message>
        <source>issued on %1</source>
        <translation>cấp ngày %1</translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation>Số %1</translation>
    </message>
    <message>
        <source>book %1</source>
        <translation>quyển số %1</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>ngày %1</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>tại %1</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Trang %1</translation>
    </message>
    <message>
        <source>book of %1</source>
        <translation>sổ năm %1</translation>
    </message>
    <message>
        <source>book no. %1</source>
        <translation>quyển số %1</translation>
    </message>
    <message>
        <source>entry %1</source>
        <translation>số thứ tự %1</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>Search names, numbers, places (diacritics optional)… (Ctrl+F)</source>
        <translation>Tìm họ tên, số, địa danh (có dấu hay không dấu đều được)… (Ctrl+F)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>All procedures</source>
        <translation>Mọi thủ tục</translation>
    </message>
</context>
<context>
    <name>RegistrationPage</name>
    <message>
        <source>Save draft (Ctrl+S)</source>
        <translation>Lưu nháp (Ctrl+S)</translation>
    </message>
    <message>
        <source>Submit for approval (Ctrl+Enter)</source>
        <translation>Trình phê duyệt (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>New record: nothing typed yet.</source>
        <translation>Hồ sơ mới: chưa nhập gì.</translation>
    </message>
    <message>
        <source>Draft %1 opened.</source>
        <translation>Đã mở bản nháp %1.</translation>
    </message>
    <message>
        <source>Changes not saved yet…</source>
        <translation>Thay đổi chưa được lưu…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <source>Not saved yet: %1 error(s) to fix (kept on screen).</source>
        <translation>Chưa lưu được: còn %1 lỗi cần sửa (vẫn giữ trên màn hình).</translation>
    </message>
    <message>
        <source>Draft saved at %1.</source>
        <translation>Đã lưu nháp lúc %1.</translation>
    </message>
    <message>
        <source>Record %1 submitted for approval.</source>
        <translation>Đã trình phê duyệt hồ sơ %1.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Central server</source>
        <translation>Máy chủ trung ương</translation>
    </message>
    <message>
        <source>Signing certificate</source>
        <translation>Chứng thư ký số</translation>
    </message>
    <message>
        <source>Import certificate (.p12)…</source>
        <translation>Nhập chứng thư số (.p12)…</translation>
    </message>
    <message>
        <source>Certificate import is not available in this build yet.</source>
        <translation>Phiên bản này chưa có chức năng nhập chứng thư số.</translation>
    </message>
    <message>
        <source>Only supervisors sign extracts.</source>
        <translation>Chỉ lãnh đạo ký trích lục.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Language of this device (from the next login)</source>
        <translation>Ngôn ngữ của máy này (từ lần đăng nhập sau)</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Chứng thư số</translation>
    </message>
    <message>
        <source>Password of the certificate file</source>
        <translation>Mật khẩu của tệp chứng thư số</translation>
    </message>
</context>
<context>
    <name>SignOutcomeWidget</name>
    <message>
        <source>Dismiss</source>
        <translation>Đóng thông báo</translation>
    </message>
    <message>
        <source>A record</source>
        <translation>Một hồ sơ</translation>
    </message>
    <message>
        <source>Nothing was signed: %1</source>
        <translation>Chưa ký được trích lục nào: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln extract(s) signed.</source>
        <translation>
            <numerusform>Đã ký %Ln trích lục.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not signed (reason per record below).</source>
        <translation>
            <numerusform>%Ln hồ sơ chưa ký được (lý do từng hồ sơ ở dưới).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Signing cancelled: %Ln left unsigned.</source>
        <translation>
            <numerusform>Đã dừng ký: còn %Ln hồ sơ chưa ký.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Signing stopped there: %Ln more not reached, still selected.</source>
        <translation>
            <numerusform>Việc ký dừng giữa chừng vì lỗi: còn %Ln hồ sơ chưa ký tới, vẫn đang được chọn.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignSelectionWidget</name>
    <message>
        <source>Clear selection</source>
        <translation>Bỏ chọn</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Chọn tất cả</translation>
    </message>
    <message>
        <source>Every record waiting to be signed, also those the list has not shown yet</source>
        <translation>Mọi hồ sơ đang chờ ký, kể cả những hồ sơ danh sách chưa hiện</translation>
    </message>
    <message>
        <source>Nothing is waiting to be signed.</source>
        <translation>Không có hồ sơ nào đang chờ ký.</translation>
    </message>
    <message>
        <source>All records waiting to be signed are selected (counting…).</source>
        <translation>Đã chọn tất cả hồ sơ đang chờ ký (đang đếm…).</translation>
    </message>
    <message numerus="yes">
        <source>All %Ln record(s) waiting to be signed are selected.</source>
        <translation>
            <numerusform>Đã chọn tất cả %Ln hồ sơ đang chờ ký.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) selected.</source>
        <translation>
            <numerusform>Đã chọn %Ln hồ sơ.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SigningBox</name>
    <message>
        <source>Approved, to sign</source>
        <translation>Đã phê duyệt, chờ ký</translation>
    </message>
    <message>
        <source>Sign selected extracts</source>
        <translation>Ký các trích lục đã chọn</translation>
    </message>
    <message>
        <source>Signing is not set up on this device yet (certificate and signing module).</source>
        <translation>Máy này chưa được cài đặt ký số (chứng thư số và mô-đun ký).</translation>
    </message>
    <message>
        <source>Nothing is waiting to be signed.</source>
        <translation>Không có hồ sơ nào đang chờ ký.</translation>
    </message>
    <message>
        <source>Tick the records to sign, or press “Select all”.</source>
        <translation>Hãy đánh dấu các hồ sơ cần ký, hoặc bấm “Chọn tất cả”.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Gửi đi</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Số lần gửi</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <source>Enrol in Settings…</source>
        <translation>Đăng ký máy trong Cài đặt…</translation>
    </message>
    <message>
        <source>Synchronise now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <source>Synchronisation is not set up on this device yet (enrolment with the server).</source>
        <translation>Máy này chưa được cài đặt đồng bộ (đăng ký thiết bị với máy chủ).</translation>
    </message>
    <message>
        <source>Records on their way to the central system</source>
        <translation>Hồ sơ đang chuyển lên hệ thống trung ương</translation>
    </message>
    <message>
        <source>This device is not enrolled with the central server yet, so it cannot send or receive. Enrol it in Settings (server address, one-time code, the server&apos;s certificate).</source>
        <translation>Máy này chưa được đăng ký với máy chủ trung ương nên chưa gửi, nhận được. Hãy đăng ký máy trong Cài đặt (địa chỉ máy chủ, mã dùng một lần, chứng chỉ của máy chủ).</translation>
    </message>
    <message>
        <source>This device is not enrolled with the central server yet, so it cannot send or receive: ask the administrator of this device to enrol it. Your work is kept safely here meanwhile.</source>
        <translation>Máy này chưa được đăng ký với máy chủ trung ương nên chưa gửi, nhận được: hãy đề nghị quản trị viên của máy đăng ký máy. Trong lúc chờ, dữ liệu của bạn vẫn được giữ an toàn trên máy này.</translation>
    </message>
    <message>
        <source>%1 waiting to send, %2 rejected</source>
        <translation>%1 chờ gửi, %2 bị từ chối</translation>
    </message>
    <message>
        <source>A synchronisation is already running (started automatically when the server became reachable); its progress is shown below.</source>
        <translation>Đang có một lần đồng bộ (tự động bắt đầu khi kết nối được máy chủ); tiến độ hiển thị bên dưới.</translation>
    </message>
    <message>
        <source>A synchronisation is already running; its progress is shown below.</source>
        <translation>Đang có một lần đồng bộ; tiến độ hiển thị bên dưới.</translation>
    </message>
    <message>
        <source>A synchronisation is already running.</source>
        <translation>Đang có một lần đồng bộ.</translation>
    </message>
    <message>
        <source>Automatic synchronisation: the central server is reachable, sending and receiving…</source>
        <translation>Đồng bộ tự động: đã kết nối được máy chủ trung ương, đang gửi và nhận…</translation>
    </message>
    <message>
        <source>Synchronising…</source>
        <translation>Đang đồng bộ…</translation>
    </message>
    <message>
        <source>Synchronisation cancelled; nothing is lost, it continues next time.</source>
        <translation>Đã hủy đồng bộ; không mất dữ liệu, lần sau sẽ tiếp tục.</translation>
    </message>
    <message>
        <source>Automatic synchronisation at %1: </source>
        <translation>Đồng bộ tự động lúc %1: </translation>
    </message>
    <message>
        <source>Synchronisation at %1: </source>
        <translation>Đồng bộ lúc %1: </translation>
    </message>
    <message>
        <source>sent: %1, rejected: %2, waiting: %3, changes received: %4, new number blocks: %5</source>
        <translation>đã gửi %1, bị từ chối %2, chờ %3, nhận %4 thay đổi, %5 dải số mới</translation>
    </message>
    <message>
        <source>, extracts timestamped: %1</source>
        <translation>, %1 trích lục được gắn dấu thời gian</translation>
    </message>
    <message>
        <source>. WARNING: this device&apos;s audit log was rewritten (entry %1 is no longer what the centre kept); this was recorded and reported to the centre, work goes on. Tell the officer in charge.</source>
        <translation>. CẢNH BÁO: nhật ký kiểm tra trên máy này đã bị viết lại (mục số %1 không còn như trung tâm đã lưu); việc này đã được ghi nhận và báo về trung tâm, công việc vẫn tiếp tục. Hãy báo cho cán bộ phụ trách.</translation>
    </message>
</context>
<context>
    <name>UpdateBanner</name>
    <message>
        <source>Details…</source>
        <translation>Chi tiết…</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ẩn</translation>
    </message>
    <message>
        <source>A new version %1 is available.</source>
        <translation>Phiên bản mới %1 có sẵn.</translation>
    </message>
</context>
<context>
    <name>UpdateDialog</name>
    <message>
        <source>New version</source>
        <translation>Phiên bản mới</translation>
    </message>
    <message>
        <source>Version %1 is available from the central system.</source>
        <translation>Phiên bản %1 đã có trên hệ thống trung ương.</translation>
    </message>
    <message>
        <source>Make a backup before installing a new version.</source>
        <translation>Hãy sao lưu dữ liệu trước khi cài phiên bản mới.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Download address</source>
        <translation>Địa chỉ tải về</translation>
    </message>
    <message>
        <source>What is new</source>
        <translation>Điểm mới</translation>
    </message>
</context>
<context>
    <name>UsbBundleWidget</name>
    <message>
        <source>Without a connection: USB transfer</source>
        <translation>Khi không có kết nối: chuyển bằng USB</translation>
    </message>
    <message>
        <source>Export what is waiting to a file, carry it to an office with a connection, and import here the answer file it gives back: the records then get their state, personal IDs and the commune&apos;s changes as with a synchronisation.</source>
        <translation>Xuất các hồ sơ đang chờ ra một tệp, mang tệp đến nơi có kết nối, rồi nhập tại đây tệp trả lời nơi đó đưa lại: hồ sơ sẽ được cập nhật trạng thái, số định danh cá nhân và các thay đổi của xã như khi đồng bộ.</translation>
    </message>
    <message>
        <source>Export waiting items to a file…</source>
        <translation>Xuất hồ sơ đang chờ ra tệp…</translation>
    </message>
    <message>
        <source>Import the answer file…</source>
        <translation>Nhập tệp trả lời…</translation>
    </message>
    <message>
        <source>USB transfer is not available in this build.</source>
        <translation>Bản cài đặt này chưa có chức năng chuyển bằng USB.</translation>
    </message>
    <message>
        <source>Your account does not synchronise.</source>
        <translation>Tài khoản của bạn không có quyền đồng bộ.</translation>
    </message>
    <message>
        <source>Available once this device is enrolled with the central server.</source>
        <translation>Dùng được khi máy này đã được đăng ký với máy chủ trung ương.</translation>
    </message>
    <message>
        <source>Export waiting items</source>
        <translation>Xuất hồ sơ đang chờ</translation>
    </message>
    <message>
        <source>Bundle files (*.bundle);;All files (*)</source>
        <translation>Tệp gói dữ liệu (*.bundle);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Import the answer file</source>
        <translation>Nhập tệp trả lời</translation>
    </message>
    <message>
        <source>Answer files (*.answer);;All files (*)</source>
        <translation>Tệp trả lời (*.answer);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>A synchronisation is running; export or import once it has finished.</source>
        <translation>Đang đồng bộ; hãy xuất hoặc nhập tệp sau khi đồng bộ xong.</translation>
    </message>
    <message>
        <source>Writing the bundle file…</source>
        <translation>Đang ghi tệp gói dữ liệu…</translation>
    </message>
    <message>
        <source>Applying the answer file…</source>
        <translation>Đang áp dụng tệp trả lời…</translation>
    </message>
    <message>
        <source>Export at %1: nothing is waiting; the file %2 only asks the centre for the commune&apos;s changes.</source>
        <translation>Xuất lúc %1: không có hồ sơ nào đang chờ; tệp %2 chỉ xin trung ương các thay đổi của xã.</translation>
    </message>
    <message numerus="yes">
        <source>Export at %1: %n item(s) written to %2. Carry the file to the office, then import the answer file it gives back.</source>
        <translation>
            <numerusform>Xuất lúc %1: đã ghi %n hồ sơ vào %2. Hãy mang tệp đến nơi có kết nối, rồi nhập tệp trả lời nơi đó đưa lại.</numerusform>
        </translation>
    </message>
    <message>
        <source>Answer file imported at %1: </source>
        <translation>Đã nhập tệp trả lời lúc %1: </translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>Đã hủy; không có gì thay đổi.</translation>
    </message>
</context>
<context>
    <name>VerificationPage</name>
    <message>
        <source>Scans</source>
        <translation>Ảnh quét</translation>
    </message>
    <message>
        <source>Verified against the book</source>
        <translation>Đã đối chiếu đúng với sổ</translation>
    </message>
    <message>
        <source>Confirm that the entry matches the old register book, field by field.</source>
        <translation>Xác nhận nội dung đã nhập khớp với sổ hộ tịch cũ, từng mục một.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Historical entries waiting for a second check</source>
        <translation>Dữ liệu sổ cũ chờ kiểm tra lần hai</translation>
    </message>
    <message>
        <source>The entry as typed</source>
        <translation>Nội dung đã nhập</translation>
    </message>
    <message>
        <source>The page of the book</source>
        <translation>Trang sổ gốc</translation>
    </message>
    <message>
        <source>No historical entry waits for a second check.</source>
        <translation>Không có dữ liệu sổ cũ nào chờ kiểm tra lần hai.</translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation>Số %1</translation>
    </message>
    <message>
        <source>book %1</source>
        <translation>quyển số %1</translation>
    </message>
    <message>
        <source>entered by %1</source>
        <translation>người nhập %1</translation>
    </message>
    <message>
        <source>Scan %1 of %2</source>
        <translation>Ảnh quét %1/%2</translation>
    </message>
    <message>
        <source>No page scan is attached to this entry: compare it with the book itself (a scan can be attached from the record&apos;s detail).</source>
        <translation>Chưa có ảnh quét trang sổ cho mục này: hãy đối chiếu trực tiếp với sổ (có thể đính kèm ảnh quét trong chi tiết hồ sơ).</translation>
    </message>
    <message>
        <source>Verified: the entry now waits for the supervisor&apos;s approval.</source>
        <translation>Đã kiểm tra: mục này chờ lãnh đạo phê duyệt.</translation>
    </message>
</context>
<context>
    <name>WarningReasonsWidget</name>
    <message>
        <source>Checking the warnings against the register…</source>
        <translation>Đang kiểm tra lại cảnh báo với sổ hộ tịch…</translation>
    </message>
    <message>
        <source>No warnings.</source>
        <translation>Không có cảnh báo.</translation>
    </message>
    <message>
        <source>Reason for accepting this warning (%1)</source>
        <translation>Lý do chấp thuận cảnh báo này (%1)</translation>
    </message>
    <message>
        <source>Reason for accepting this warning</source>
        <translation>Lý do chấp thuận cảnh báo này</translation>
    </message>
    <message>
        <source>another record</source>
        <translation>hồ sơ khác</translation>
    </message>
</context>
</TS>
