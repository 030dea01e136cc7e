"""A real S3-compatible server for the tests: moto's server mode (``moto[s3]`` with Flask,
test dependencies), in its own process on a free port, behind a TCP proxy the test can
cut (the store « down » while its data stays)."""

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid

import boto3
from django.conf import settings

from tests.processes import free_port
from tests.tcp_proxy import TcpProxy

KEYS = {"AWS_ACCESS_KEY_ID": "test-key", "AWS_SECRET_ACCESS_KEY": "test-secret"}
REGION = "us-east-1"


class ObjectStore:
    def __init__(self):
        self.port = free_port()
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.proxy = TcpProxy(("127.0.0.1", self.port))
        self.proxy.start()
        for _attempt in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=1)  # noqa: S310
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                time.sleep(0.1)
        self.client = boto3.client(
            "s3",
            endpoint_url=f"http://127.0.0.1:{self.port}",
            region_name=REGION,
            aws_access_key_id=KEYS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=KEYS["AWS_SECRET_ACCESS_KEY"],
        )

    @property
    def endpoint(self) -> str:
        """Where the site reaches the store: through the proxy."""
        return f"http://127.0.0.1:{self.proxy.port}"

    def bucket(self, acls: bool) -> str:
        """A new bucket. Without ``acls``, as the cloud providers create them today: ACLs
        disabled (« bucket owner enforced »), images readable through the bucket's policy
        (docs/deployment.md)."""
        name = f"consortium-{uuid.uuid4().hex[:12]}"
        self.client.create_bucket(Bucket=name)
        if not acls:
            self.client.put_bucket_ownership_controls(
                Bucket=name,
                OwnershipControls={"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]},
            )
            self.client.put_bucket_policy(Bucket=name, Policy=json.dumps(policy(name)))
        return name

    def anonymous_get(self, bucket: str, key: str) -> int:
        """The status of a GET without credentials, as anyone on the internet would send."""
        url = f"http://127.0.0.1:{self.port}/{bucket}/{key}"
        try:
            return urllib.request.urlopen(url, timeout=5).status  # noqa: S310
        except urllib.error.HTTPError as error:
            return error.code

    def keys(self, bucket: str) -> list[str]:
        listing = self.client.list_objects_v2(Bucket=bucket)
        return [item["Key"] for item in listing.get("Contents", [])]

    def stop(self):
        self.proxy.stop()
        self.process.terminate()
        self.process.wait(timeout=10)


def policy(bucket: str) -> dict:
    """The bucket policy the deployment kit ships (deploy/bucket-policy.json): anyone may
    read the images' renditions, nothing else."""
    text = (settings.BASE_DIR / "deploy" / "bucket-policy.json").read_text()
    return json.loads(text.replace("BUCKET", bucket))
