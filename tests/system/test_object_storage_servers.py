"""Scale-out on object storage, as the README says to run it: two app servers (gunicorn,
production settings, ``S3_BUCKET`` and ``S3_ENDPOINT_URL``) sharing PostgreSQL, Redis and
a real S3-compatible server (moto's, tests/object_store.py) whose bucket has ACLs
disabled and the policy of deploy/bucket-policy.json (issue #33).

Each server makes renditions the other serves; the members' documents are never readable
on the bucket and the site serves them after its check; an attachment sent to one is
downloaded by staff through the other; then the store stops answering: an application
with a PDF is still received, /healthz names the store, and `move_staged_files` puts the
file in the bucket once the store is back.
"""

import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import redis
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from consortium.models import StagedFile
from membership.models import Attachment
from tests.fixtures.files import MINIMAL_PDF
from tests.object_store import KEYS, REGION, ObjectStore
from tests.processes import free_port, redis_url, run_manage
from tests.production_stack import (
    Browser,
    application,
    prepare_site,
    start_server,
    wait_until_up,
)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

REDIS_URL = redis_url(1)
PASSWORD = "objets-2-serveurs-mot-de-passe"  # noqa: S105


def anonymous_status(url: str) -> int:
    try:
        return urllib.request.urlopen(url, timeout=10).status  # noqa: S310
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture
def stack(demo_copy, tmp_path, transactional_db, settings):
    store = ObjectStore()
    bucket = store.bucket(acls=False)
    redis.Redis.from_url(REDIS_URL).flushdb()
    env = prepare_site(
        demo_copy,
        tmp_path,
        "objets",
        PASSWORD,
        REDIS_URL=REDIS_URL,
        S3_BUCKET=bucket,
        S3_ENDPOINT_URL=store.endpoint,
        S3_REGION=REGION,
        LOG_LEVEL="WARNING",
        **KEYS,
    )
    # The demo's originals and documents, moved to the bucket as an operator would;
    # no rendition: the servers make them.
    for item in [*get_image_model().objects.all(), *get_document_model().objects.all()]:
        content = (Path(settings.MEDIA_ROOT) / item.file.name).read_bytes()
        store.client.put_object(Bucket=bucket, Key=f"media/{item.file.name}", Body=content)
    get_image_model().get_rendition_model().objects.all().delete()
    ports = [free_port(), free_port()]
    processes = [start_server(port, env) for port in ports]
    try:
        for port in ports:
            wait_until_up(port)
        yield store, bucket, ports, env
    finally:
        for process in processes:
            process.terminate()
        outputs = [process.communicate(timeout=30)[0].decode() for process in processes]
        store.stop()
        redis.Redis.from_url(REDIS_URL).flushdb()
    for output in outputs:
        assert "Traceback" not in output, output[-3000:]


def apply_with_pdf(port: int, number: int, content: bytes) -> tuple[int, str]:
    browser = Browser(port)
    token = browser.csrf_token("/fr/adhesion/")
    status, headers, _body = browser.request(
        "/fr/adhesion/",
        {**application(number, 5), "csrfmiddlewaretoken": token},
        files={"attachments": ("statuts.pdf", content)},
    )
    return status, headers.get("Location", "")


def download(staff: Browser, attachment: Attachment) -> tuple[int, str]:
    status, _headers, body = staff.request(f"/membership/attachments/{attachment.token}/")
    return status, body


def on_server(port: int, signed_in: Browser) -> Browser:
    """The same person's browser, sent to another server (the session is shared)."""
    other = Browser(port)
    other.cookies = dict(signed_in.cookies)
    return other


def test_two_servers_on_object_storage(stack):
    store, bucket, (first, second), env = stack

    # Renditions: the first server makes the home page's, the second the English one's;
    # each is read by anyone from the bucket, and the policy lets the images through.
    sources = {}
    for port, path in ((first, "/fr/"), (second, "/en/")):
        status, headers, html = Browser(port).request(path)
        assert status == 200
        assert store.endpoint in headers["Content-Security-Policy"].split("img-src")[1]
        sources[port] = set(re.findall(rf'src="({re.escape(store.endpoint)}/[^"]+)"', html))
        assert sources[port], f"no image from the bucket on {path}"
    for url in sources[first] | sources[second]:
        assert f"/{bucket}/media/images/" in url
        assert anonymous_status(url) == 200, url
    made = [key for key in store.keys(bucket) if key.startswith("media/images/")]
    assert len(made) >= len(sources[first] | sources[second])

    # The members' documents (the AGA's collection): refused on the bucket; through the
    # site, the sign-in first, never a redirect to the bucket.
    restricted = get_document_model().objects.filter(collection__name="Documents des membres")
    assert restricted.exists()
    for document in restricted:
        assert store.anonymous_get(bucket, f"media/{document.file.name}") == 403
        status, headers, _body = Browser(second).request(document.url)
        assert status == 302 and store.endpoint not in headers["Location"]
        assert "/sign-in/" in headers["Location"] or "/connexion/" in headers["Location"]

    # An attachment sent to the first server, private on the bucket, downloaded by staff
    # through the second.
    assert apply_with_pdf(first, 1, MINIMAL_PDF)[0] == 302
    attachment = Attachment.objects.get()
    key = f"private/{attachment.file.name}"
    assert key in store.keys(bucket)
    assert store.anonymous_get(bucket, key) == 403
    staff = Browser(second)
    assert staff.sign_in("objets", PASSWORD) == 302
    assert download(staff, attachment) == (200, MINIMAL_PDF.decode())

    # The store stops answering: pages still answer, an application with its file is
    # received, staff read the file, /healthz names the store.
    store.proxy.stop()
    try:
        assert Browser(second).request("/fr/")[0] == 200
        status, location = apply_with_pdf(second, 2, MINIMAL_PDF)
        assert status == 302 and "/merci/" in location
        waiting = Attachment.objects.exclude(pk=attachment.pk).get()
        assert StagedFile.objects.filter(name=waiting.file.name).exists()
        assert download(on_server(first, staff), waiting) == (200, MINIMAL_PDF.decode())
        status, _headers, body = Browser(first).request("/healthz")
        assert status == 503 and '"storage": "down"' in body
        assert run_manage(env, "move_staged_files").returncode == 1  # still down: kept
    finally:
        store.proxy.start()

    # Back: the scheduled command moves the file to the bucket.
    moved = run_manage(env, "move_staged_files")
    assert moved.returncode == 0, moved.stderr
    assert "1 file(s) moved" in moved.stdout
    assert not StagedFile.objects.exists()
    assert f"private/{waiting.file.name}" in store.keys(bucket)
    assert Browser(second).request("/healthz")[0] == 200
