"""What a store that does not answer, or answers with an error, raises (botocore)."""

from botocore.exceptions import BotoCoreError, ClientError

STORE_ERRORS = (BotoCoreError, ClientError)
