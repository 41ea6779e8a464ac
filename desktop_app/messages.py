"""Message catalogues: error and rule codes to one-line Vietnamese / English texts.

Each package keeps its own catalogue (``MESSAGES: dict[code, (vi, en)]``) next to its errors;
front ends merge them with :func:`merge` and render with :func:`render`. Templates use
``str.format`` placeholders named after the error's params.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from zoneinfo import ZoneInfo

from desktop_app.number_format import count_text, decimal_text

Catalogue = Mapping[str, tuple[str, str]]

log = logging.getLogger(__name__)

VIETNAM_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

CORE: dict[str, tuple[str, str]] = {
    "E-UNKNOWN": ("Lỗi không xác định.", "Unknown error."),
    "E-USAGE": ("Cách dùng không đúng: {detail}", "Invalid usage: {detail}"),
    "E-NOT-INITIALISED": (
        "Thư mục dữ liệu chưa được khởi tạo: hãy chạy 'hotich init'.",
        "The data folder is not initialised: run 'hotich init'.",
    ),
    "E-ALREADY-INITIALISED": (
        "Thư mục dữ liệu đã được khởi tạo.",
        "The data folder is already initialised.",
    ),
    "E-WRONG-PASSWORD": ("Tên đăng nhập hoặc mật khẩu không đúng.", "Wrong user name or password."),
    "E-WRONG-RECOVERY-CODE": ("Mã khôi phục không đúng.", "Wrong recovery code."),
    "E-ACCOUNT-LOCKED": (
        "Tài khoản bị khóa do nhập sai mật khẩu nhiều lần, đến {until}.",
        "The account is locked after repeated wrong passwords until {until}.",
    ),
    "E-ACCOUNT-DISABLED": ("Tài khoản đã bị vô hiệu hóa.", "The account is disabled."),
    "E-UNKNOWN-ACCOUNT": ("Không có tài khoản '{name}'.", "No account '{name}'."),
    "E-ACCOUNT-EXISTS": ("Tài khoản '{name}' đã tồn tại.", "Account '{name}' already exists."),
    "E-PERMISSION": (
        "Vai trò '{role}' không được phép: {action}.",
        "Role '{role}' is not allowed to: {action}.",
    ),
    "E-WEAK-PASSWORD": (
        "Mật khẩu phải có ít nhất {min_length} ký tự.",
        "The password must have at least {min_length} characters.",
    ),
    "E-STORE-NEWER": (
        "Dữ liệu đã được phiên bản {version} nâng cấp nên phiên bản này không mở được: hãy "
        "dùng phiên bản {version}, hoặc khôi phục bản sao trước khi nâng cấp trong {backups}.",
        "The data was upgraded by version {version}, which this version cannot open: use "
        "version {version}, or restore the pre-upgrade copy in {backups}.",
    ),
    "E-STORE-DAMAGED": (
        "Cơ sở dữ liệu bị hỏng hoặc không đọc được: {detail}.",
        "The database is damaged or unreadable: {detail}.",
    ),
    "E-DISK-FULL": (
        "Ổ đĩa đầy (còn {free} MB): chưa lưu được thay đổi này, dữ liệu đã lưu vẫn nguyên vẹn. "
        "Hãy giải phóng chỗ trống (xóa tệp không cần, chuyển bản sao lưu sang ổ khác) rồi "
        "thử lại.",
        "The disk is full ({free} MB left): this change was not saved; what was saved is "
        "intact. Free some space (delete files you do not need, move backups to another "
        "disk), then try again.",
    ),
    "E-DISK-NO-ROOM": (
        "Ổ đĩa không đủ chỗ: cần {needed} MB, chỉ còn {free} MB. Hãy giải phóng chỗ trống hoặc "
        "chọn ổ khác.",
        "Not enough room on the disk: {needed} MB needed, {free} MB left. Free some space or "
        "choose another disk.",
    ),
    "W-DISK-LOW": (
        "Ổ đĩa sắp đầy: chỉ còn {free} MB. Hãy giải phóng chỗ trống hoặc chuyển bản sao lưu "
        "sang ổ khác.",
        "The disk is nearly full: only {free} MB left. Free some space or move backups to "
        "another disk.",
    ),
    "E-AUDIT-BROKEN": (
        "Nhật ký kiểm tra bị thay đổi: mục số {seq} ({problem}).",
        "The audit log was tampered with: entry {seq} ({problem}).",
    ),
    "E-BACKUP-INVALID": (
        "Tệp sao lưu không hợp lệ: {problem}. Dữ liệu hiện tại không thay đổi.",
        "The backup file is invalid: {problem}. The current data is unchanged.",
    ),
    "E-NOT-FOUND": ("Không tìm thấy {what} '{key}'.", "Not found: {what} '{key}'."),
    "E-CANCELLED": ("Đã hủy.", "Cancelled."),
    "E-WRONG-CURRENT-PASSWORD": ("Mật khẩu hiện tại không đúng.",
                                 "The current password is wrong."),
    "E-ATTACHMENT-TOO-LARGE": (
        "Tệp quá lớn ({size_mb} MB): mỗi tệp đính kèm tối đa {limit_mb} MB. Hãy quét lại ở "
        "độ phân giải thấp hơn hoặc chia thành nhiều tệp.",
        "The file is too large ({size_mb} MB): an attachment may have at most {limit_mb} MB. "
        "Scan again at a lower resolution or split it into several files.",
    ),
    "E-ATTACHMENT-TYPE": (
        "Chỉ đính kèm được ảnh JPEG, PNG hoặc tệp PDF.",
        "Only JPEG or PNG images and PDF files can be attached.",
    ),
    "E-NO-USER": (
        "Hãy cho biết tài khoản thực hiện bằng --user.",
        "Say which account acts with --user.",
    ),
    "E-NO-PASSWORD": (
        "Không có mật khẩu: dùng {source} hoặc chạy trong cửa sổ lệnh.",
        "No password: use {source} or run in a terminal.",
    ),
    "E-OCR-WRITING": ("Trang sổ được viết: in, đánh máy hoặc viết tay (không phải {writing}).",
                      "A page is printed, typed or handwritten (not {writing})."),
    "E-OCR-WRITING-UNSET": ("Chưa cho biết trang {page} được in, đánh máy hay viết tay: chưa "
                            "đọc tự động.",
                            "Page {page} is not marked printed, typed or handwritten: it is not "
                            "read automatically yet."),
    "E-OCR-HANDWRITTEN": ("Trang {page} viết tay: không đọc tự động, hãy nhập theo trang sổ.",
                          "Page {page} is handwritten: it is not read automatically; key it "
                          "from the page."),
    "E-OCR-NO-TABLE": ("Không tìm thấy bảng kẻ của trang sổ trong ảnh: hãy chụp lại thẳng và "
                       "rõ hơn.",
                       "No ruled table of a register page was found in the picture: take it "
                       "again, straighter and sharper."),
    "E-OCR-IMAGE": ("Không đọc được ảnh của trang sổ.", "The page's picture cannot be read."),
    "E-OCR-ENGINE": ("Chưa cài bộ nhận dạng chữ {engine} trên máy này.",
                     "The text recogniser {engine} is not installed on this machine."),
    "E-BOOK-ROTATION": ("Chỉ xoay trang 0, 90, 180 hoặc 270 độ (không phải {rotation}).",
                        "A page turns by 0, 90, 180 or 270 degrees (not {rotation})."),
    "E-BOOK-NO-PAGES": ("Thư mục {path} không có ảnh JPEG, PNG hoặc tệp PDF nào.",
                        "The folder {path} holds no JPEG, PNG or PDF file."),
    "E-BOOK-PAGE-TYPE": ("Tệp {path} không phải ảnh JPEG, PNG hay tệp PDF.",
                         "The file {path} is not a JPEG or PNG image nor a PDF."),
    "E-BOOK-POSITION-TAKEN": ("Trang {page} đã có mục ở vị trí {position}.",
                              "Page {page} already has an entry at position {position}."),
    "E-BOOK-KEYED-TWICE": ("Mục ở trang {page}, vị trí {position} đã được nhập hai lần.",
                           "The entry at page {page}, position {position} was keyed twice "
                           "already."),
    "E-BOOK-SAME-KEYER": ("Lần nhập thứ hai phải do một cán bộ khác nhập, độc lập.",
                          "The second keying must be done independently by another officer."),
    "E-BOOK-NO-OWN-KEYING": ("Ở trang {page}, vị trí {position} không có lần nhập đầu nào "
                             "của bạn đang chờ.",
                             "No first keying of yours waits at page {page}, position "
                             "{position}."),
    "E-BOOK-SECOND-IN": ("Mục ở trang {page}, vị trí {position} đã được nhập lần thứ hai: "
                         "lần nhập đầu không sửa hay bỏ được nữa.",
                         "The entry at page {page}, position {position} has its second "
                         "keying: the first can no longer be corrected or discarded."),
    "E-RECONCILE-TYPE": ("Chỉ đối chiếu được sổ khai sinh hoặc sổ khai tử (không phải {type}).",
                         "Only birth and death books are reconciled (not {type})."),
    "E-RECONCILE-NOT-RUN": ("Sổ {book} chưa được đối chiếu với Cơ sở dữ liệu dân cư: hãy "
                            "đối chiếu trước.",
                            "Book {book} has not been reconciled with the population "
                            "registry yet: reconcile it first."),
    "E-RECONCILE-UNKNOWN": ("Không có chỗ sai lệch {key} trong lần đối chiếu gần nhất.",
                            "There is no mismatch {key} in the last reconciliation."),
    "E-RECONCILE-RESOLUTION": ("Cách xử lý {resolution} không dùng được cho chỗ sai lệch "
                               "này.",
                               "The resolution {resolution} does not apply to this "
                               "mismatch."),
    "E-RECONCILE-RESOLVED": ("Chỗ sai lệch {key} đã được xử lý.",
                             "The mismatch {key} was resolved already."),
    "R-RECONCILE": ("Đối chiếu sổ với Cơ sở dữ liệu dân cư: {entries} mục trong sổ, "
                    "{registry} ở trung tâm, {matched} khớp; {open} chỗ sai lệch chưa xử lý "
                    "({centre} thiếu ở trung tâm, {book} thiếu trong sổ, {fields} khác "
                    "thông tin).",
                    "Book reconciled with the population registry: {entries} entries in the "
                    "book, {registry} at the centre, {matched} matched; {open} mismatches "
                    "open ({centre} missing at the centre, {book} missing in the book, "
                    "{fields} differing fields)."),
    "R-RECONCILE-RESOLVED": ("Đã ghi nhận cách xử lý: {resolution}.",
                             "Resolution recorded: {resolution}."),
    "E-BOOK-DOUBLE-ENTRY-PENDING": (
        "Mục này được nhập hai lần độc lập: chờ lần nhập thứ hai hoặc quyết định về chỗ khác "
        "nhau, không sửa hay trình trực tiếp.",
        "This entry is keyed twice independently: it waits for the second keying or a "
        "decision on the disagreements, and is not edited or submitted directly."),
    "E-BOOK-NOTHING-TO-DECIDE": ("Mục này không có chỗ khác nhau nào cần quyết định.",
                                 "This entry has no disagreement to decide."),
    "E-BOOK-DECIDER-KEYED": ("Người đã nhập mục này không được quyết định chỗ khác nhau; "
                             "cần người thứ ba hoặc lãnh đạo.",
                             "Someone who keyed this entry cannot decide its disagreements; "
                             "a third person or the supervisor must."),
    "E-BOOK-NOT-DISAGREED": ("Hai lần nhập không khác nhau ở: {paths}.",
                             "The two keyings do not disagree on: {paths}."),
    "E-BOOK-CROP": ("Vùng cắt phải nằm trong trang: trái < phải, trên < dưới, từ 0 đến 1.",
                    "A crop lies within the page: left < right, top < bottom, from 0 to 1."),
    "E-RECHECK-EMPTY": ("Chưa có mục nào đã kiểm tra để lấy mẫu kiểm tra lại.",
                        "No verified entry yet to draw a re-check sample from."),
    "E-RECHECK-ALL-OWN": ("Mọi mục đã kiểm tra đều do anh/chị nhập, kiểm tra hoặc quyết "
                          "định: cần người khác lấy mẫu và nhập lại.",
                          "Every verified entry was keyed, verified or decided by you: "
                          "someone else must draw and re-key the sample."),
    "E-RECHECK-NOT-IN-SAMPLE": ("Mục này không nằm trong mẫu kiểm tra lại {sample}.",
                                "This entry is not in the re-check sample {sample}."),
    "E-RECHECK-DONE": ("Mục này đã được nhập lại trong mẫu kiểm tra.",
                       "This entry was re-keyed in the sample already."),
    "E-RECHECK-OWN-ENTRY": ("Người đã nhập hoặc kiểm tra mục này không được nhập lại để "
                            "kiểm tra nó.",
                            "Someone who keyed or verified this entry cannot re-key it to "
                            "check it."),
    "E-FILE": ("Không đọc/ghi được tệp: {path}.", "Cannot read/write the file: {path}."),
    "E-PRINT": ("Không in được: máy in chưa sẵn sàng hoặc tài liệu không mở được.",
                "Cannot print: the printer is not ready or the document does not open."),
    "E-BOOK-CLOSED": (
        "Sổ {book_number} đã khóa cuối năm.",
        "Book {book_number} is closed for the year.",
    ),
    "E-NUMBER-BLOCK-OVERLAP": (
        "Dải số {start}-{end} trùng với dải số đã có.",
        "Numbers {start}-{end} overlap a block this device already has.",
    ),
    "E-NO-CERTIFICATE": (
        "Chưa có chứng thư số của người ký: hãy nhập tệp .p12 (hotich cert import).",
        "No signing certificate for this account: import a .p12 (hotich cert import).",
    ),
    "E-OUTPUT-UNWRITABLE": (
        "Không ghi được vào {path} (thư mục không có hoặc không ghi được). Chưa ký gì.",
        "Cannot write to {path} (the folder is missing or read-only). Nothing was signed.",
    ),
    "E-EXTRACT-NOT-WRITTEN": (
        "Trích lục {extract_number} đã ký và được lưu trong kho dữ liệu, nhưng không ghi được "
        "tệp {path}. Lưu lại: hotich extract {record_id} --saved --out TỆP.pdf",
        "Extract {extract_number} is signed and kept in the store, but {path} could not be "
        "written. Save it again: hotich extract {record_id} --saved --out FILE.pdf",
    ),
    "E-NO-SIGNED-EXTRACT": (
        "Hồ sơ {record_id} chưa có trích lục đã ký.",
        "Record {record_id} has no signed extract yet.",
    ),
    "E-NOT-SIGNABLE": (
        "Hồ sơ ở trạng thái '{status}' chưa thể ký trích lục.",
        "A record in status '{status}' cannot be signed.",
    ),
    "E-INCIDENT": (
        "Lỗi ngoài dự kiến (mã sự cố {incident}). Xem nhật ký để biết thêm.",
        "Unexpected error (incident {incident}). See the log for details.",
    ),
    # Prompts and reports of the command line (P-, R-): in the language of the messages.
    "P-PASSWORD": ("Mật khẩu: ", "Password: "),
    "P-NEW-PASSWORD": ("Mật khẩu mới: ", "New password: "),
    "P-ADMIN-PASSWORD": ("Mật khẩu quản trị: ", "Admin password: "),
    "P-REPEAT": ("Nhập lại: ", "Repeat: "),
    "P-P12-PASSWORD": ("Mật khẩu tệp .p12: ", ".p12 password: "),
    # Progress lines of the command line (N-), on stderr: counts only.
    "N-UPGRADE-COPY": (
        "Đang sao lưu dữ liệu trước khi nâng cấp: {percent} %",
        "Backing up the data before the upgrade: {percent}%",
    ),
    "N-MIGRATE": (
        "Đang nâng cấp dữ liệu: xong {done}/{total} bước",
        "Upgrading the data: {done}/{total} steps done",
    ),
    "N-REINDEX": (
        "Đang cập nhật chỉ mục tìm kiếm (một lần sau khi nâng cấp): {percent} % "
        "({done}/{total} hồ sơ)",
        "Updating the search index (once after the upgrade): {percent}% "
        "({done}/{total} records)",
    ),
    "R-DEMO-EXISTS": (
        "Dữ liệu mẫu đã có sẵn. Mật khẩu các tài khoản mẫu: {file} (hoặc 'hotich demo "
        "--show'); xóa thư mục {folder} để tạo lại.",
        "Demo data already exists. The demo accounts' passwords: {file} (or 'hotich demo "
        "--show'); delete the folder {folder} to start again.",
    ),
    "R-DEMO-CREATED": ("Dữ liệu mẫu (CHỈ ĐỂ TRÌNH DIỄN):", "Demo data (FOR DEMONSTRATION ONLY):"),
    "R-DEMO-ACCOUNT": ("  {role:<11} {username:<10} mật khẩu: {password}",
                       "  {role:<11} {username:<10} password: {password}"),
    "R-DEMO-RECOVERY": ("  mã khôi phục: {code}", "  recovery code: {code}"),
    "R-DEMO-SAVED": (
        "Đã lưu vào {file} (chỉ tài khoản máy này của bạn đọc được); xem lại bằng 'hotich "
        "demo --show'. Mật khẩu đổi sau đó không được ghi vào tệp này.",
        "Saved in {file} (readable by your user only); show it again with 'hotich demo "
        "--show'. Passwords changed later are not written there.",
    ),
    "E-DEMO-NONE": (
        "Không có mật khẩu dữ liệu mẫu trong {folder}: tạo dữ liệu mẫu bằng 'hotich demo' "
        "(chỉ với một thư mục mới).",
        "No demo passwords in {folder}: create the demo data with 'hotich demo' (in a new "
        "folder only).",
    ),
    # The names column of a record that has none yet (a draft, an old book's entry keyed
    # without its name): the desktop's lists and the CLI's say the same.
    "R-NO-NAME": ("(chưa có tên)", "(no name yet)"),
    "R-ROLE-admin": ("quản trị", "admin"),
    "R-ROLE-officer": ("công chức", "officer"),
    "R-ROLE-supervisor": ("lãnh đạo", "supervisor"),
    "R-DEMO-CERTIFICATE": (
        "  Chứng thư số DEMO của {username} (mật khẩu .p12 = mật khẩu đăng nhập), CA phát "
        "triển trong trust/: CHỈ ĐỂ TRÌNH DIỄN.",
        "  DEMO certificate of {username} (.p12 password = login password), development CA "
        "in trust/: for demonstration only.",
    ),
}


# The values of the ``what``, ``problem``, ``detail`` and ``action`` params are data: English
# phrases fixed in the code that raises (the server sends them on as they are). They are
# worded here, so that a Vietnamese sentence never carries an English phrase. Identifiers and
# command-line syntax (record_type, --port, keys.json) are the same in both languages.
TERMS: dict[str, tuple[str, str]] = {
    # what (E-NOT-FOUND)
    "record": ("hồ sơ", "record"),
    "signed extract": ("trích lục đã ký", "signed extract"),
    "commune": ("xã, phường", "commune"),
    "device": ("thiết bị", "device"),
    "attachment": ("tệp đính kèm", "attachment"),
    "book": ("sổ", "book"),
    "page": ("trang", "page"),
    "re-check sample": ("mẫu kiểm tra lại", "re-check sample"),
    # action (E-PERMISSION): desktop_app.accounts.Permission and the workflow's steps
    "manage accounts": ("quản lý tài khoản", "manage accounts"),
    "create records": ("tạo hồ sơ", "create records"),
    "verify historical entries": ("kiểm tra hồ sơ số hóa", "verify historical entries"),
    "approve records": ("phê duyệt hồ sơ", "approve records"),
    "sign extracts": ("ký trích lục", "sign extracts"),
    "import a signing certificate": ("nhập chứng thư số để ký", "import a signing certificate"),
    "make backups": ("sao lưu dữ liệu", "make backups"),
    "restore backups": ("khôi phục bản sao lưu", "restore backups"),
    "synchronise": ("đồng bộ", "synchronise"),
    "view records": ("xem hồ sơ", "view records"),
    "verify": ("kiểm tra hồ sơ số hóa (bốn mắt)", "verify (four eyes)"),
    "approve": ("phê duyệt", "approve"),
    "sign": ("ký trích lục", "sign"),
    # accounts, settings, the command line
    "user name: 2-32 characters a-z, 0-9, '.', '_' or '-'": (
        "tên đăng nhập: 2-32 ký tự a-z, 0-9, '.', '_' hoặc '-'",
        "user name: 2-32 characters a-z, 0-9, '.', '_' or '-'"),
    "role: officer, supervisor or admin": (
        "vai trò: officer, supervisor hoặc admin", "role: officer, supervisor or admin"),
    "the input is not valid JSON": (
        "dữ liệu vào không phải JSON hợp lệ", "the input is not valid JSON"),
    "hotich import --historical": (
        "hotich import --historical (chỉ nhập mục sổ cũ)", "hotich import --historical"),
    "--batch: 1 or more": ("--batch: từ 1 trở lên", "--batch: 1 or more"),
    "the mapping: a JSON object of column -> field path": (
        "tệp ánh xạ cột: một đối tượng JSON cột -> đường dẫn trường",
        "the mapping: a JSON object of column -> field path"),
    "the JSON file: a list of records": (
        "tệp JSON: một danh sách hồ sơ", "the JSON file: a list of records"),
    "the file: .csv, .xlsx or .json": (
        "tệp nhập: .csv, .xlsx hoặc .json", "the file: .csv, .xlsx or .json"),
    "the CSV file must be UTF-8": (
        "tệp CSV phải mã hoá UTF-8", "the CSV file must be UTF-8"),
    "XLSX needs openpyxl; save the sheet as CSV": (
        "máy chưa đọc được XLSX (thiếu openpyxl): hãy lưu bảng tính thành CSV",
        "XLSX needs openpyxl; save the sheet as CSV"),
    "--saved takes one id": ("--saved nhận một mã hồ sơ", "--saved takes one id"),
    "the server's answer is too large": (
        "câu trả lời của máy chủ quá lớn", "the server's answer is too large"),
    "the registry does not advance": (
        "danh sách của Cơ sở dữ liệu dân cư không tiến lên", "the registry does not advance"),
    "malformed registry page": ("trang dữ liệu dân cư nhận về sai dạng",
                                "malformed registry page"),
    "the registry file is not a list of persons": (
        "tệp dữ liệu dân cư không phải danh sách người đúng dạng",
        "the registry file is not a list of persons"),
    "--resolve KEY and --as RESOLUTION go together": (
        "--resolve KEY và --as CÁCH_XỬ_LÝ phải đi cùng nhau",
        "--resolve KEY and --as RESOLUTION go together"),
    "the feed does not advance": (
        "luồng thay đổi không tiến lên", "the feed does not advance"),
    "the input is nested too deeply": (
        "dữ liệu vào lồng nhau quá sâu", "the input is nested too deeply"),
    "the input must be a JSON object": (
        "dữ liệu vào phải là một đối tượng JSON", "the input must be a JSON object"),
    "the record must be a JSON object": (
        "hồ sơ phải là một đối tượng JSON", "the record must be a JSON object"),
    "phase: 1 to 5": ("giai đoạn: từ 1 đến 5", "phase: 1 to 5"),
    "--box LEFT,TOP,RIGHT,BOTTOM (fractions 0..1)": (
        "--box TRÁI,TRÊN,PHẢI,DƯỚI (phần của trang, từ 0 đến 1)",
        "--box LEFT,TOP,RIGHT,BOTTOM (fractions 0..1)"),
    "share: above 0, up to 1; minimum: 1 or more": (
        "tỉ lệ: trên 0, tối đa 1; tối thiểu: từ 1 trở lên",
        "share: above 0, up to 1; minimum: 1 or more"),
    "the book number and the office are required": (
        "cần quyển số và cơ quan đăng ký", "the book number and the office are required"),
    "year: 1800 to 2100": ("năm: từ 1800 đến 2100", "year: 1800 to 2100"),
    "position: 1 or more": ("vị trí: từ 1 trở lên", "position: 1 or more"),
    "--take PATH=1|2 or --set PATH=VALUE": (
        "--take ĐƯỜNG_DẪN=1|2 hoặc --set ĐƯỜNG_DẪN=GIÁ_TRỊ", "--take PATH=1|2 or --set PATH=VALUE"),
    "the two passwords differ": ("hai mật khẩu không giống nhau", "the two passwords differ"),
    "--user (an account in the backup) or --recovery-code-stdin": (
        "--user (một tài khoản có trong bản sao lưu) hoặc --recovery-code-stdin",
        "--user (an account in the backup) or --recovery-code-stdin"),
    "a reason is required": ("cần ghi lý do", "a reason is required"),
    # the store and the audit log
    "chain link altered": ("mắt xích của chuỗi bị thay đổi", "chain link altered"),
    "content altered": ("nội dung bị thay đổi", "content altered"),
    "missing": ("bị mất", "missing"),
    "added outside the program": ("được thêm từ ngoài chương trình",
                                  "added outside the program"),
    "database page damaged": ("trang cơ sở dữ liệu bị hỏng", "database page damaged"),
    "integrity check failed": ("kiểm tra tính toàn vẹn không đạt", "integrity check failed"),
    "cannot decrypt or read the database": (
        "không giải mã hoặc đọc được cơ sở dữ liệu", "cannot decrypt or read the database"),
    "key file unreadable": ("không đọc được tệp khóa", "key file unreadable"),
    "unknown KDF": ("không rõ thuật toán dẫn xuất khóa", "unknown KDF"),
    # backups
    "not a Hộ Tịch backup": ("không phải bản sao lưu Hộ Tịch", "not a Hộ Tịch backup"),
    "header too large": ("phần đầu tệp quá lớn", "header too large"),
    "file not found": ("không tìm thấy tệp", "file not found"),
    "damaged header": ("phần đầu tệp bị hỏng", "damaged header"),
    "the file was altered": ("tệp đã bị thay đổi", "the file was altered"),
    "the data part is incomplete or altered": (
        "phần dữ liệu không đầy đủ hoặc đã bị thay đổi",
        "the data part is incomplete or altered"),
    "the database cannot be opened": ("không mở được cơ sở dữ liệu",
                                      "the database cannot be opened"),
    "made by a newer version of the program": (
        "được tạo bởi phiên bản mới hơn của chương trình",
        "made by a newer version of the program"),
    "database integrity check failed": ("kiểm tra tính toàn vẹn cơ sở dữ liệu không đạt",
                                        "database integrity check failed"),
    "database damaged": ("cơ sở dữ liệu bị hỏng", "database damaged"),
    # certificates, extracts, signing
    "format": ("sai định dạng", "wrong format"),
    "type": ("chưa có mẫu trích lục cho loại hồ sơ này", "no extract form for this kind of record"),
    "layout": ("mẫu trình bày không in ra được nội dung", "the form layout drew nothing"),
    "loop": ("chuỗi chứng thư lặp vòng", "the chain loops"),
    "CA expired": ("chứng thư CA đã hết hạn", "CA expired"),
    "CA not yet valid": ("chứng thư CA chưa có hiệu lực", "CA not yet valid"),
    "weak algorithm": ("thuật toán yếu", "weak algorithm"),
    "CA constraints": ("chứng thư CA không được phép cấp chứng thư này", "CA constraints"),
    "fingerprint": ("dấu vân tay chứng thư không khớp", "the certificate fingerprint differs"),
    "no timestamp server": ("chưa cấu hình máy chủ dấu thời gian", "no timestamp server"),
    "too long": ("nội dung quá dài", "too long"),
    # bundles (USB) and the sync protocol
    "file too large": ("tệp quá lớn", "file too large"),
    "not a bundle file": ("không phải tệp gói dữ liệu", "not a bundle file"),
    "unsupported version": ("phiên bản không được hỗ trợ", "unsupported version"),
    "unknown encryption": ("không rõ kiểu mã hóa", "unknown encryption"),
    "signature does not verify": ("chữ ký không hợp lệ", "signature does not verify"),
    "cannot decrypt (not for this recipient?)": (
        "không giải mã được (có thể không gửi cho máy này)",
        "cannot decrypt (not for this recipient?)"),
    "damaged content": ("nội dung bị hỏng", "damaged content"),
    "attachment content does not match its digest": (
        "nội dung tệp đính kèm không khớp mã băm", "attachment content does not match its digest"),
    "the answer is for another device": ("tệp trả lời dành cho thiết bị khác",
                                         "the answer is for another device"),
    "no results": ("không có kết quả", "no results"),
    "attachment entry": ("mục tệp đính kèm", "attachment entry"),
    "audit head": ("đầu chuỗi nhật ký", "audit head"),
    "sealed for another server": ("được niêm phong cho máy chủ khác",
                                  "sealed for another server"),
    "no items": ("không có hồ sơ nào", "no items"),
    "an item does not follow the protocol": ("có mục không đúng giao thức",
                                             "an item does not follow the protocol"),
    "result is not an object": ("kết quả không phải một đối tượng", "result is not an object"),
    "malformed item result": ("kết quả của một mục sai dạng", "malformed item result"),
    "malformed pull page": ("trang dữ liệu nhận về sai dạng", "malformed pull page"),
    "malformed number block": ("dải số sai dạng", "malformed number block"),
    "malformed audit anchor": ("mốc nhật ký sai dạng", "malformed audit anchor"),
    "malformed capabilities": ("danh sách chức năng sai dạng", "malformed capabilities"),
    "malformed attachment state": ("trạng thái tệp đính kèm sai dạng",
                                   "malformed attachment state"),
    "malformed answer attachments": ("danh sách tệp đính kèm của tệp trả lời sai dạng",
                                     "malformed answer attachments"),
    "attachments are not a list": ("danh sách tệp đính kèm của gói sai dạng",
                                   "attachments are not a list"),
    "results do not match the items sent": ("kết quả không khớp với các mục đã gửi",
                                            "results do not match the items sent"),
    "incomplete enrolment answer": ("trả lời đăng ký thiết bị không đầy đủ",
                                    "incomplete enrolment answer"),
    "the server's answer is not valid JSON": ("trả lời của máy chủ không phải JSON hợp lệ",
                                              "the server's answer is not valid JSON"),
    "the server URL must start with https://": ("địa chỉ máy chủ phải bắt đầu bằng https://",
                                                "the server URL must start with https://"),
    "cannot read the CA certificate": ("không đọc được chứng thư CA",
                                       "cannot read the CA certificate"),
    "the enrolled CA certificate is not available": (
        "không có chứng thư CA đã dùng khi đăng ký thiết bị",
        "the enrolled CA certificate is not available"),
    "the CA file is not a PEM certificate": ("tệp CA không phải chứng thư PEM",
                                             "the CA file is not a PEM certificate"),
    "the CA certificate does not match the enrolled pin": (
        "chứng thư CA không khớp với chứng thư đã ghim khi đăng ký",
        "the CA certificate does not match the enrolled pin"),
    "body is not valid gzip": ("nội dung không phải gzip hợp lệ", "body is not valid gzip"),
    "body too large": ("nội dung quá lớn", "body too large"),
    "truncated gzip body": ("nội dung gzip bị cắt cụt", "truncated gzip body"),
    "unsupported Content-Encoding": ("Content-Encoding không được hỗ trợ",
                                     "unsupported Content-Encoding"),
    "size differs from the existing upload": ("kích thước khác với lần tải lên trước",
                                              "size differs from the existing upload"),
    "chunk goes past the announced size": ("phần tải lên vượt quá kích thước đã báo",
                                           "chunk goes past the announced size"),
    # the reference server's operator
    "--tls-cert and --tls-key go together": ("--tls-cert và --tls-key phải đi cùng nhau",
                                             "--tls-cert and --tls-key go together"),
    "without --tls-cert the server only listens on loopback": (
        "không có --tls-cert thì máy chủ chỉ nghe trên địa chỉ nội bộ (loopback)",
        "without --tls-cert the server only listens on loopback"),
    "--server differs from the enrolled server": (
        "--server khác với máy chủ đã đăng ký thiết bị",
        "--server differs from the enrolled server"),
    "PostgreSQL driver missing": ("thiếu trình điều khiển PostgreSQL",
                                  "PostgreSQL driver missing"),
    "only sqlite and postgresql URLs are supported": (
        "chỉ hỗ trợ địa chỉ sqlite và postgresql", "only sqlite and postgresql URLs are supported"),
    "not a database URL": ("không phải địa chỉ cơ sở dữ liệu", "not a database URL"),
    "the folder of the SQLite file does not exist": (
        "thư mục chứa tệp SQLite không tồn tại", "the folder of the SQLite file does not exist"),
}
# Phrases with a value in them: (pattern, Vietnamese, English), the value kept as it is.
TERM_PATTERNS: tuple[tuple[re.Pattern[str], str, str], ...] = tuple(
    (re.compile(pattern), vi, en) for pattern, vi, en in (
        (r"missing file (?P<v>.+)", "thiếu tệp {v}", "missing file {v}"),
        (r"missing (?P<v>[\w-]+)", "thiếu {v}", "missing {v}"),
        (r"not a (?P<v>[\w-]+) file", "không phải tệp {v}", "not a {v} file"),
        (r"format (?P<v>.+)", "định dạng {v} không đúng", "format {v}"),
        (r"cannot listen on (?P<v>.+)", "không nghe được trên {v}", "cannot listen on {v}"),
        (r"cannot open \((?P<v>\w+)\)", "không mở được ({v})", "cannot open ({v})"),
        (r"unknown setting (?P<v>.+)", "không có thiết lập {v}", "unknown setting {v}"),
        (r"(?P<v>[\w.]+) must be a positive whole number", "{v} phải là một số nguyên dương",
         "{v} must be a positive whole number"),
        (r"schema (?P<v>\d+) is newer than this program",
         "lược đồ {v} mới hơn chương trình này", "schema {v} is newer than this program"),
        (r"no 2025 commune with code (?P<v>\w+)", "không có xã, phường năm 2025 mã {v}",
         "no 2025 commune with code {v}"),
        (r"audit log broken at entry (?P<v>\d+)", "nhật ký kiểm tra hỏng từ mục {v}",
         "audit log broken at entry {v}"),
        (r"status: (?P<v>.+)", "trạng thái: {v}", "status: {v}"),
        (r"HTTP (?P<v>\d+) without an error body", "HTTP {v} không kèm nội dung lỗi",
         "HTTP {v} without an error body"),
        (r"unknown procedure (?P<v>.*)", "thủ tục không xác định {v}", "unknown procedure {v}"),
        (r"(?P<v>\w+->\w+)", "chuyển trạng thái {v}", "change status {v}"),
    ))
_TERM_PARAMS = frozenset({"what", "problem", "detail", "action"})


def term(value: object, lang: str) -> object:
    """A ``what``/``problem``/``detail`` value in ``lang``; anything else as it is."""
    if not isinstance(value, str):
        return value
    texts = TERMS.get(value)
    if texts is not None:
        return texts[0 if lang == "vi" else 1]
    for pattern, vi, en in TERM_PATTERNS:
        found = pattern.fullmatch(value)
        if found:
            return (vi if lang == "vi" else en).format(v=found["v"])
    return value


def merge(catalogues: Iterable[Catalogue]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for catalogue in catalogues:
        merged.update(catalogue)
    return merged


class LazyCatalogue(Mapping[str, tuple[str, str]]):
    """A catalogue merged on its first lookup: the command line's. A command that succeeds
    looks nothing up in it, and the domain's catalogue imports the whole domain (~0.1 s of
    every start). Should the merge fail (a broken build), it is reported as an incident and
    ``fallback`` words the errors."""

    def __init__(self, build: Callable[[], Catalogue], *, fallback: Catalogue) -> None:
        self._build = build
        self._fallback = fallback
        self._merged: Catalogue | None = None

    def _messages(self) -> Catalogue:
        if self._merged is None:
            try:
                self._merged = self._build()
            except Exception as exc:  # while wording another error: never a traceback
                from desktop_app.incidents import report_incident

                report_incident(exc, "message catalogue", log)
                self._merged = self._fallback
        return self._merged

    def __getitem__(self, code: str) -> tuple[str, str]:
        return self._messages()[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._messages())

    def __len__(self) -> int:
        return len(self._messages())


def current_language() -> str:
    """'vi' unless HOTICH_LANG asks for English."""
    return "en" if os.environ.get("HOTICH_LANG", "vi").lower().startswith("en") else "vi"


class Tenths(float):
    """A measured number a message shows to one decimal, the way its language writes it:
    "12,5" and "6.144,0" in Vietnamese, "12.5" and "6,144.0" in English (a size in MB, a
    duration). A float, so the error's data stays a number."""

    def shown(self, lang: str) -> str:
        return decimal_text(self, lang, 1)


class Count(int):
    """A count a message shows grouped the way its language writes it: "1.234" in
    Vietnamese, "1,234" in English (records sent, entries in a book, days). An int, so the
    error's or the report's data stays a number; identifiers (a year, a registration or an
    entry number) stay plain ints."""

    def shown(self, lang: str) -> str:
        return count_text(self, lang)


class _Lenient(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "?"


def _display(value: object, lang: str) -> object:
    if isinstance(value, (Tenths, Count)):
        return value.shown(lang)
    if isinstance(value, datetime):
        return value.astimezone(VIETNAM_TZ).strftime("%H:%M %d/%m/%Y")
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return value


def render(
    code: str,
    params: Mapping[str, object] | None = None,
    *,
    catalogue: Catalogue = CORE,
    lang: str | None = None,
) -> str:
    """One line of text for ``code``; unknown codes fall back to the code itself."""
    lang = lang or current_language()
    texts = catalogue.get(code)
    if texts is None:
        return code
    template = texts[0] if lang == "vi" else texts[1]
    values = _Lenient({k: _display(term(v, lang) if k in _TERM_PARAMS else v, lang)
                       for k, v in (params or {}).items()})
    return template.format_map(values)
