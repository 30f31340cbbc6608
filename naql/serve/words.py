"""The reader's Arabic labels for the schema's values, kept in one place for review."""
from __future__ import annotations

KINDS = {
    "person": "شخص", "organization": "مؤسسة", "government": "جهة حكومية",
    "media": "وسيلة إعلام", "document": "وثيقة", "group": "جماعة", "unknown": "غير محدد",
    "outlet": "الناشر",
}
TYPES = {"direct": "اقتباس مباشر", "indirect": "نقل غير مباشر", "according_to": "بحسب"}
POLARITIES = {"assert": "تأكيد", "deny": "نفي"}
POSITIONS = {"assert": "يؤكد", "deny": "ينفي", "hedge": "يتحفّظ"}  # a claim's stance
ROLES = {"cue": "فعل الإسناد", "source": "المصدر", "content": "المحتوى", "via": "نقلاً عن"}
ERRORS = {400: "طلب غير صالح", 403: "غير مسموح", 404: "غير موجود", 405: "طريقة غير مسموحة"}
