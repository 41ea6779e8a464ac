"""Message catalogue of the signing package: code -> (Vietnamese, English) one-liners.

Merge with :func:`desktop_app.messages.merge` and render with
:func:`desktop_app.messages.render`. Placeholders are the params of the errors, warnings
and verification results of this package.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # keystore
    "E-SIGNING": ("Lỗi ký số.", "Signing error."),
    "E-P12-PASSWORD": (
        "Mật khẩu tệp chứng thư số (PKCS#12) không đúng.",
        "Wrong password for the certificate file (PKCS#12).",
    ),
    "E-P12-INVALID": (
        "Tệp không phải chứng thư số PKCS#12 hợp lệ ({problem}).",
        "The file is not a valid PKCS#12 certificate file ({problem}).",
    ),
    "E-P12-NO-KEY": (
        "Tệp PKCS#12 không có khóa bí mật hoặc chứng thư số.",
        "The PKCS#12 file holds no private key or no certificate.",
    ),
    "E-P12-KEY-MISMATCH": (
        "Khóa bí mật không khớp với chứng thư số trong tệp.",
        "The private key does not match the certificate in the file.",
    ),
    "E-CERT-KEY-TYPE": (
        "Loại khóa '{key_type}' không được hỗ trợ (chỉ RSA từ 2048 bit hoặc ECDSA).",
        "Key type '{key_type}' is not supported (RSA 2048 bits or more, or ECDSA only).",
    ),
    "E-CERT-EXPIRED": (
        "Chứng thư số đã hết hạn từ {not_after}.",
        "The certificate expired on {not_after}.",
    ),
    "E-CERT-NOT-YET-VALID": (
        "Chứng thư số chưa có hiệu lực (từ {not_before}).",
        "The certificate is not valid yet (from {not_before}).",
    ),
    "E-CERT-KEY-USAGE": (
        "Chứng thư số không dùng được để ký (thiếu mục đích Chữ ký số / Chống chối bỏ).",
        "The certificate cannot sign (key usage lacks digitalSignature / nonRepudiation).",
    ),
    "E-CERT-CHAIN": (
        "Thiếu chứng thư của tổ chức cấp (chuỗi chứng thư không đầy đủ).",
        "An issuing CA certificate is missing (incomplete certificate chain).",
    ),
    "E-CERT-UNTRUSTED": (
        "Chứng thư số do tổ chức không nằm trong danh sách tin cậy cấp.",
        "The certificate was issued by a CA that is not in the trusted roots.",
    ),
    "E-CERT-CHAIN-INVALID": (
        "Chuỗi chứng thư số không hợp lệ: {problem}.",
        "The certificate chain is invalid: {problem}.",
    ),
    "E-CERT-REVOKED": ("Chứng thư số đã bị thu hồi.", "The certificate has been revoked."),
    "E-TRUST-FILE": (
        "Không đọc được chứng thư tin cậy trong tệp {path}.",
        "Cannot read the trusted certificate file {path}.",
    ),
    "W-CERT-EXPIRING": (
        "Chứng thư số sẽ hết hạn sau {days_left} ngày ({not_after}): hãy gia hạn.",
        "The certificate expires in {days_left} days ({not_after}): renew it.",
    ),
    # rendering and signing
    "E-EXTRACT-RECORD": (
        "Không tạo được trích lục cho hồ sơ này: {problem}.",
        "Cannot make an extract of this record: {problem}.",
    ),
    "E-PDF-SIGN": ("Ký tệp PDF thất bại ({problem}).", "Signing the PDF failed ({problem})."),
    "E-TSA": (
        "Không lấy được dấu thời gian từ máy chủ ({problem}).",
        "Could not get a timestamp from the server ({problem}).",
    ),
    "I-NEEDS-TIMESTAMP": (
        "Đã ký; dấu thời gian sẽ được bổ sung ở lần đồng bộ tới.",
        "Signed; the timestamp will be added at the next sync.",
    ),
    "E-QR-MAKE": ("Không tạo được mã QR ({problem}).", "Could not make the QR code ({problem})."),
    # verification of a PDF
    "OK-PDF-VALID": (
        "Trích lục hợp lệ: chữ ký của {signer}, ký lúc {signed_at}.",
        "Valid extract: signed by {signer} at {signed_at}.",
    ),
    "E-PDF-UNREADABLE": ("Tệp không phải PDF đọc được.", "The file is not a readable PDF."),
    "E-PDF-UNSIGNED": ("Tệp PDF không có chữ ký số.", "The PDF is not signed."),
    "E-PDF-ALTERED": (
        "Tệp PDF đã bị thay đổi sau khi ký.",
        "The PDF was altered after it was signed.",
    ),
    "E-PDF-UNSIGNED-ADDITION": (
        "Phần đã ký của tệp PDF hợp lệ (chữ ký của {signer}) nhưng có {unsigned_bytes} byte "
        "được thêm vào sau khi ký mà không có chữ ký nào bảo đảm: không dùng tệp này, hãy "
        "xin bản gốc.",
        "The signed part of the PDF is valid (signed by {signer}) but {unsigned_bytes} bytes "
        "were added after signing that no signature covers: do not rely on this file; ask "
        "for the original.",
    ),
    "E-PDF-UNTRUSTED": (
        "Người ký không xác định hoặc chứng thư số không được tin cậy.",
        "Unknown signer or untrusted certificate.",
    ),
    "E-PDF-CERT-EXPIRED": (
        "Chứng thư số của người ký không còn hiệu lực vào thời điểm ký.",
        "The signer's certificate was not valid at signing time.",
    ),
    "E-PDF-CERT-REVOKED": (
        "Chứng thư số của người ký đã bị thu hồi.",
        "The signer's certificate has been revoked.",
    ),
    "E-PDF-KEY-USAGE": (
        "Chứng thư số của người ký không được phép ký văn bản.",
        "The signer's certificate may not sign documents.",
    ),
    "E-PDF-NO-DATA": (
        "Tệp PDF không phải trích lục do phần mềm này cấp (không có dữ liệu kiểm tra).",
        "The PDF is not an extract issued by this software (no check data).",
    ),
    "E-PDF-DATA-MISMATCH": (
        "Nội dung trích lục khác với dữ liệu hộ tịch đang lưu.",
        "The extract's content differs from the stored civil-status record.",
    ),
    "E-PDF-QR-MISMATCH": (
        "Mã QR trong trích lục không khớp với chữ ký số.",
        "The extract's QR code does not match its signature.",
    ),
    # verification of a QR token
    "OK-QR-VALID": (
        "Mã QR hợp lệ: trích lục số {extract_number}, đăng ký số {registration_number}.",
        "Valid QR code: extract {extract_number}, registration number {registration_number}.",
    ),
    "E-QR-MALFORMED": ("Mã QR không đúng định dạng.", "The QR code is malformed."),
    "E-QR-UNKNOWN-SIGNER": (
        "Không biết chứng thư số đã ký mã QR này.",
        "The certificate that signed this QR code is unknown.",
    ),
    "E-QR-BAD-SIGNATURE": (
        "Chữ ký của mã QR không đúng: mã đã bị sửa hoặc giả mạo.",
        "The QR code's signature is wrong: it was altered or forged.",
    ),
    "E-QR-CERT-EXPIRED": (
        "Chứng thư số ký mã QR không còn hiệu lực vào ngày cấp trích lục.",
        "The certificate that signed the QR code was not valid on the issue date.",
    ),
    "E-QR-CERT-REVOKED": (
        "Chứng thư số ký mã QR đã bị thu hồi.",
        "The certificate that signed the QR code has been revoked.",
    ),
    "E-QR-DATA-MISMATCH": (
        "Mã QR không khớp với dữ liệu hộ tịch đang lưu.",
        "The QR code does not match the stored civil-status record.",
    ),
}
