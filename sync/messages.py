"""Message catalogue of sync: error and per-item result codes -> (Vietnamese, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "E-SYNC": ("Lỗi đồng bộ.", "Sync error."),
    "E-SYNC-UNREACHABLE": (
        "Không kết nối được máy chủ {url}. Dữ liệu vẫn được giữ và sẽ gửi lại sau.",
        "Cannot reach the server {url}. The data is kept and will be sent later.",
    ),
    "E-SYNC-TLS": (
        "Chứng chỉ của máy chủ {url} không hợp lệ hoặc không đúng máy chủ đã đăng ký.",
        "The certificate of {url} is invalid or not the enrolled server's.",
    ),
    "E-SYNC-SERVER": (
        "Máy chủ {url} đang gặp lỗi (mã {status}). Hãy thử lại sau.",
        "The server {url} is failing (status {status}). Try again later.",
    ),
    "E-SYNC-ANSWER-MISMATCH": (
        "Câu trả lời của máy chủ không khớp với các hồ sơ đã gửi; không áp dụng gì, hàng đợi "
        "còn nguyên. Hãy thử lại sau hoặc báo quản trị.",
        "The server's answer does not match the records sent; nothing was applied and the "
        "queue is intact. Try again later or tell the administrator.",
    ),
    "E-SYNC-BUDGET": (
        "Đồng bộ dừng sau {seconds} giây vì đường truyền hoặc máy chủ không trả lời kịp; "
        "phần đã xong được giữ, hàng đợi còn nguyên. Hãy thử lại sau.",
        "Sync stopped after {seconds} s: the link or the server is not answering in time; "
        "what was done is kept and the queue is intact. Try again later.",
    ),
    "E-SYNC-PROTOCOL": (
        "Máy chủ trả lời không đúng giao thức: {detail}.",
        "The server's answer does not follow the protocol: {detail}.",
    ),
    "E-SYNC-NOT-ENROLLED": (
        "Máy này chưa được đăng ký với máy chủ: hãy chạy 'hotich enroll'.",
        "This device is not enrolled: run 'hotich enroll'.",
    ),
    "E-SYNC-ALREADY-ENROLLED": (
        "Máy này đã được đăng ký (mã thiết bị {device_id}).",
        "This device is already enrolled (device {device_id}).",
    ),
    "E-SYNC-ENROL-CODE-INVALID": (
        "Mã đăng ký thiết bị không đúng, đã hết hạn hoặc đã được dùng.",
        "The enrolment code is wrong, expired or already used.",
    ),
    "E-SYNC-DEVICE-REVOKED": (
        "Thiết bị này đã bị thu hồi quyền kết nối. Hãy liên hệ quản trị hệ thống.",
        "This device has been revoked. Contact the system operators.",
    ),
    "E-SYNC-DEVICE-UNKNOWN": (
        "Máy chủ không nhận ra thiết bị này: hãy đăng ký lại.",
        "The server does not know this device: enrol it again.",
    ),
    "E-SYNC-AUTH-SIGNATURE": (
        "Chữ ký của yêu cầu không hợp lệ (dữ liệu có thể đã bị thay đổi trên đường truyền).",
        "The request signature is invalid (the data may have been altered in transit).",
    ),
    "E-SYNC-AUTH-STALE": (
        "Đồng hồ của máy lệch quá 5 phút so với máy chủ: hãy chỉnh lại giờ.",
        "The device clock is more than 5 minutes off the server's: set the time.",
    ),
    "E-SYNC-AUTH-REPLAY": (
        "Yêu cầu đã được gửi trước đó và bị từ chối vì lặp lại.",
        "The request was already received and is refused as a replay.",
    ),
    "E-SYNC-BAD-REQUEST": ("Yêu cầu không hợp lệ: {detail}.", "Invalid request: {detail}."),
    "E-SYNC-OFFICE-MISMATCH": (
        "Thiết bị không thuộc cơ quan đăng ký {office}.",
        "The device does not belong to the registering office {office}.",
    ),
    "E-SYNC-OFFSET-MISMATCH": (
        "Vị trí tải lên không khớp với máy chủ (máy chủ đang ở byte {offset}).",
        "The upload offset does not match the server's (byte {offset}).",
    ),
    "E-SYNC-ATTACHMENT-DIGEST": (
        "Tệp đính kèm nhận được không khớp mã băm SHA-256 {sha256}; sẽ tải lại từ đầu.",
        "The attachment received does not match SHA-256 {sha256}; it will be uploaded again.",
    ),
    "E-SYNC-ATTACHMENT-TOO-LARGE": (
        "Tệp đính kèm quá lớn ({size} byte, tối đa {limit}).",
        "The attachment is too large ({size} bytes, at most {limit}).",
    ),
    "E-SYNC-BUNDLE-INVALID": (
        "Tệp gói dữ liệu không hợp lệ: {problem}.",
        "The bundle file is invalid: {problem}.",
    ),
    "E-SYNC-RATE-LIMITED": (
        "Máy chủ đang bận với yêu cầu của thiết bị này: thử lại sau {retry_after} giây.",
        "The server is busy with this device's requests: try again in {retry_after} seconds.",
    ),
    "E-SYNC-DB": (
        "Không dùng được cơ sở dữ liệu trung ương: {detail}.",
        "Cannot use the central database: {detail}.",
    ),
    "E-SYNC-TLS-CONFIG": (
        "Cấu hình TLS không hợp lệ: {detail}.",
        "Invalid TLS configuration: {detail}.",
    ),
    # Per-item results (the outbox shows them next to the record).
    "E-SYNC-IDEMPOTENCY-CONFLICT": (
        "Khóa chống trùng của mục này đã được dùng cho một nội dung khác.",
        "This item's idempotency key was already used for different content.",
    ),
    "E-SYNC-DEATH-REGISTERED": (
        "Người chết có số định danh {personal_id} đã được đăng ký khai tử (mã trung ương "
        "{central_id}). Hãy kiểm tra lại số định danh.",
        "The death of the person with personal ID {personal_id} is already registered "
        "(central id {central_id}). Check the personal ID.",
    ),
    "E-SYNC-VERSION-CONFLICT": (
        "Phiên bản {version} của hồ sơ này đã được gửi với nội dung khác: hãy gửi phiên bản mới.",
        "Version {version} of this record was already sent with other content: send a new "
        "version.",
    ),
    "E-SYNC-UNSUPPORTED-PROCEDURE": (
        "Hệ thống trung ương chưa tiếp nhận thủ tục '{record_type}': hồ sơ được giữ và sẽ tự gửi "
        "khi được hỗ trợ.",
        "The central system does not accept '{record_type}' yet: the record waits and goes out "
        "by itself once supported.",
    ),
    "E-SYNC-ATTACHMENT-MISSING": (
        "Chưa nhận đủ tệp đính kèm của hồ sơ ({count} tệp còn thiếu).",
        "Not all attachments of the record have arrived ({count} missing).",
    ),
    "E-SYNC-RECORD-INVALID": (
        "Hồ sơ không hợp lệ theo quy định: {detail}.",
        "The record breaks a rule: {detail}.",
    ),
    "I-SYNC-NO-PERSONAL-ID": (
        "Chưa cấp được số định danh cá nhân: thiếu giới tính hoặc ngày sinh của trẻ.",
        "No personal ID could be issued: the child's sex or date of birth is missing.",
    ),
    # What a sync did (desktop_app.workflows.sync_apply.SyncReport), worded by the CLI.
    "R-SYNC-REPORT": (
        "đã gửi {accepted}, bị từ chối {rejected}, chờ {deferred}, nhận {pulled} thay đổi, "
        "{blocks_leased} dải số mới",
        "sent: {accepted}, rejected: {rejected}, waiting: {deferred}, changes received: "
        "{pulled}, new number blocks: {blocks_leased}",
    ),
    "R-SYNC-TIMESTAMPED": (
        "{timestamped} trích lục được gắn dấu thời gian",
        "extracts timestamped: {timestamped}",
    ),
    "R-SYNC-AUDIT-REWRITTEN": (
        "CẢNH BÁO: nhật ký kiểm tra trên máy này đã bị viết lại (mục số {seq} không còn như "
        "trung tâm đã lưu). Việc này đã được ghi nhận và báo về trung tâm; công việc vẫn "
        "tiếp tục. Hãy báo cho cán bộ phụ trách.",
        "WARNING: this device's audit log was rewritten (entry {seq} is no longer what the "
        "centre kept). This was recorded and reported to the centre; work goes on. Tell the "
        "officer in charge.",
    ),
    "R-SYNC-UPDATE": (
        "Có phiên bản mới {version}: {url}",
        "A new version is available, {version}: {url}",
    ),
    "R-SYNC-ENROLLED": (
        "Đã đăng ký thiết bị {device_id} với {server_url} (xã/phường {commune}).",
        "Device {device_id} enrolled with {server_url} (commune {commune}).",
    ),
    "R-SYNC-EXPORTED": (
        "Đã ghi {items} hồ sơ vào {path}.",
        "{items} records written to {path}.",
    ),
    "R-CENTRAL-STATS-TOTAL": ("Tổng: {total} hồ sơ đã nhận", "Total: {total} records accepted"),
    "R-SERVE-LISTENING": ("Máy chủ trung ương đang chạy tại {url}",
                          "Central server listening on {url}"),
    "W-SERVE-NO-TLS": ("Cảnh báo: không có TLS, chỉ dùng thử trên máy này.",
                       "Warning: no TLS, for trying out on this machine only."),
    "N-SYNC-RETRY": ("hotich: máy chủ chưa liên lạc được; sẽ thử lại",
                     "hotich: the server is unreachable; retrying"),
}
