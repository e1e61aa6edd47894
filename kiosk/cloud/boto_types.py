"""Names for the boto3 clients the cloud layer passes around.

boto3 ships no type information (and no stub package is installed), so its clients are ``Any``
to the type checker; these aliases keep the signatures saying which client a function takes.
"""

from __future__ import annotations

from typing import Any, TypeAlias

DynamoDBClient: TypeAlias = Any  # boto3's low-level "dynamodb" client
SNSClient: TypeAlias = Any  # boto3's low-level "sns" client
