"""The ``STORAGES`` entries for object storage, built from the environment's values
(settings.production; the object-storage tests build theirs with the same function)."""

from botocore.config import Config


def object_storages(
    bucket: str,
    *,
    region: str = "",
    endpoint_url: str = "",
    media_acl: str = "",
    custom_domain: str = "",
    private_bucket: str = "",
) -> dict[str, dict]:
    """``default`` (images and documents under ``media/``) and ``private`` (attachments
    under ``private/``) on ``bucket`` (consortium.storage.objects says who reads what).
    No ACL header unless ``media_acl`` names one: buckets with ACLs disabled refuse them."""
    common = {
        "bucket_name": bucket,
        "region_name": region or None,
        "endpoint_url": endpoint_url or None,
        "file_overwrite": False,
        # A store that does not answer costs a request seconds, not minutes.
        "client_config": Config(
            connect_timeout=3, read_timeout=20, retries={"max_attempts": 2, "mode": "standard"}
        ),
    }
    return {
        "default": {
            "BACKEND": "consortium.storage.objects.MediaStorage",
            "OPTIONS": {
                **common,
                "location": "media",
                "default_acl": media_acl or None,
                "querystring_auth": False,
                "custom_domain": custom_domain or None,
            },
        },
        "private": {
            "BACKEND": "consortium.storage.objects.PrivateStorage",
            "OPTIONS": {
                **common,
                "bucket_name": private_bucket or bucket,
                "location": "private",
                "default_acl": "private" if media_acl else None,
                "querystring_auth": True,
                "querystring_expire": 300,
                "custom_domain": None,
            },
        },
    }
