"""UPI at the counter: the payment QR's ``upi://pay`` URI and the shape of what the cashier types.

The URI follows NPCI's "UPI Linking Specification" (the deep link every UPI app scans): ``pa``
payee address (VPA), ``pn`` payee name, ``am`` amount in rupees with two decimals, ``cu`` INR,
``tn`` a note; for a merchant payee also ``mc`` its category code and ``tr`` our reference. The
amount is fixed in the QR, so the customer cannot pay a different sum by mistake. UPI moves
rupees only.

The reference the cashier records is the UTR (unique transaction reference) the customer's app
and the merchant's app both show: 12 digits. Anything else is almost always a typo or the wrong
number (the UPI ID, a phone number), so it is refused with a message saying which number to type.
Pure rules, no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from kiosk.domain.errors import PaymentError

CURRENCY = "INR"
UTR_DIGITS = 12
_UTR = re.compile(rf"^[0-9]{{{UTR_DIGITS}}}$")
# handle@psp: the handle is letters, digits, '.', '-' or '_'; the PSP part letters only.
_VPA = re.compile(r"^[A-Za-z0-9._-]{2,256}@[A-Za-z][A-Za-z0-9]{1,63}$")
_MERCHANT_CODE = re.compile(r"^[0-9]{4}$")  # e.g. 7832, motion picture theatres
MAX_PAYEE_NAME = 50
MAX_NOTE = 50


def check_utr(raw: object) -> str:
    """The 12-digit UTR, spaces and dashes the app shows between groups removed."""
    text = re.sub(r"[\s-]", "", str(raw or ""))
    if not text:
        raise PaymentError("Enter the UPI reference: the 12-digit UTR on the customer's app.")
    if not _UTR.match(text):
        raise PaymentError(
            "A UPI reference is the 12-digit number (UTR) on the customer's payment screen, "
            "not the UPI ID or a phone number. Check it and type it again.")
    return text


def check_currency(currency: str) -> None:
    if currency != CURRENCY:
        raise PaymentError(f"UPI takes rupees only; this show is sold in {currency}. "
                           "Take card or cash.")


def valid_vpa(text: str) -> bool:
    return bool(_VPA.match(text))


def _plain(text: str, limit: int) -> str:
    """Printable text only (a control character would break the QR's URI), cut to ``limit``."""
    return "".join(c for c in text if unicodedata.category(c)[0] != "C").strip()[:limit]


def valid_merchant_code(text: str) -> bool:
    return bool(_MERCHANT_CODE.match(text))


def payment_uri(payee_vpa: str, payee_name: str, amount_minor: int, *, note: str = "",
                reference: str = "", merchant_code: str = "", currency: str = CURRENCY) -> str:
    """``upi://pay?pa=...&pn=...&am=350.00&cu=INR&tn=...`` for exactly ``amount_minor``.

    ``mc`` (the merchant category code) and ``tr`` (our reference) are merchant parameters:
    several UPI apps refuse a link carrying them to a personal UPI ID, so both are sent only
    when the cinema's payee is a merchant and its code is configured."""
    check_currency(currency)
    if not valid_vpa(payee_vpa):
        raise PaymentError("The UPI payee address (upi_payee_vpa) is not set up correctly; "
                           "ask a manager.")
    if isinstance(amount_minor, bool) or not isinstance(amount_minor, int) or amount_minor <= 0:
        raise PaymentError("A UPI payment needs an amount above zero.")
    params = [("pa", payee_vpa), ("pn", _plain(payee_name, MAX_PAYEE_NAME) or payee_vpa),
              ("am", f"{amount_minor // 100}.{amount_minor % 100:02d}"), ("cu", CURRENCY)]
    if note := _plain(note, MAX_NOTE):
        params.append(("tn", note))
    if merchant_code:
        if not valid_merchant_code(merchant_code):
            raise PaymentError("The UPI merchant code (upi_merchant_code) must be 4 digits; "
                               "ask a manager.")
        params.append(("mc", merchant_code))
        if reference := _plain(reference, 35):
            params.append(("tr", reference))
    return "upi://pay?" + "&".join(f"{k}={quote(v, safe='@.-_')}" for k, v in params)
