"""Telling "the cloud is unreachable" apart from "the cloud said no".

Network trouble, timeouts, throttling, server errors and missing or rejected credentials all mean
the same thing to a kiosk: keep selling offline and retry later. They become ``CloudUnavailable``.
A failed condition is an answer, not an outage, and is handled where the call is made.
"""

from __future__ import annotations

from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    NoCredentialsError,
    NoRegionError,
    PartialCredentialsError,
)

NO_CREDENTIALS = (
    "No AWS credentials found (checked the standard boto3 chain: environment, shared config, "
    "instance role). The kiosk keeps selling offline; sales sync once credentials are set."
)

_TRANSIENT_CODES = {
    "ThrottlingException",
    "ProvisionedThroughputExceededException",
    "RequestLimitExceeded",
    "InternalServerError",
    "ServiceUnavailable",
    "TransactionInProgressException",
    "TransactionConflict",
}
_CREDENTIAL_CODES = {
    "UnrecognizedClientException",
    "InvalidClientTokenId",
    "ExpiredToken",
    "ExpiredTokenException",
    "InvalidSignatureException",
    "AccessDeniedException",
    "AuthorizationError",
    "SignatureDoesNotMatch",
}


class CloudUnavailable(Exception):
    """The cloud cannot be used right now; ``str(err)`` says why in plain words."""


class CloudError(Exception):
    """The cloud answered with something this kiosk cannot act on (e.g. a missing table)."""


def error_code(exc: BaseException) -> str:
    if isinstance(exc, ClientError):
        return str(exc.response.get("Error", {}).get("Code", ""))
    return ""


def cancel_codes(exc: BaseException) -> list[str | None]:
    """Each item's code in a cancelled TransactWriteItems, in item order (None: it passed)."""
    # botocore's ClientError carries a response; other exceptions none
    return [r.get("Code") for r in getattr(exc, "response", {}).get("CancellationReasons") or []]


def cancelled(what: str, codes: list[str | None], then: str = "will retry") -> CloudUnavailable:
    """A cancelled transaction no condition of ours explains (a conflict, throttling): a retry
    may pass."""
    named = ", ".join(sorted({str(c) for c in codes} - {"None"}))
    return CloudUnavailable(f"The cloud cancelled the {what} ({named}); {then}.")


def translate(exc: Exception) -> Exception:
    """Map a boto3/botocore exception to CloudUnavailable / CloudError (or return it as is)."""
    if isinstance(exc, (NoCredentialsError, PartialCredentialsError)):
        return CloudUnavailable(NO_CREDENTIALS)
    if isinstance(exc, NoRegionError):
        return CloudUnavailable("No AWS region configured: set [cloud] region or KIOSK_CLOUD_REGION.")
    if isinstance(exc, ClientError):
        code = error_code(exc)
        status = int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0) or 0)
        if code in _CREDENTIAL_CODES:
            return CloudUnavailable(f"AWS refused this kiosk's credentials ({code}); selling offline.")
        if code in _TRANSIENT_CODES or status >= 500:
            return CloudUnavailable(f"The cloud is busy or failing ({code or status}); will retry.")
        if code == "ResourceNotFoundException":
            return CloudError("The cloud table or topic does not exist: run `kiosk cloud init`.")
        return CloudError(f"The cloud refused the request: {code}: {exc}")
    if isinstance(exc, BotoCoreError):  # connection refused, timeouts, closed connections
        return CloudUnavailable(f"Cannot reach the cloud: {exc}")
    return exc
