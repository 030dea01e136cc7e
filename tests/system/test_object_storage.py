"""The site on object storage, against a real S3-compatible server (moto's server mode,
tests/object_store.py), with the storages production builds from ``S3_BUCKET``
(consortium.storage.configuration): images readable by URL, documents and attachments
never, buckets with ACLs disabled, and the store down while someone sends files
(issue #33)."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import storages
from django.test import Client
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from consortium.models import StagedFile
from consortium.storage import staging
from consortium.storage.configuration import object_storages
from membership.models import Attachment
from services.models import Attachment as ServiceAttachment
from tests.fixtures.files import MINIMAL_PDF, pdf
from tests.object_store import KEYS, REGION, ObjectStore

pytestmark = pytest.mark.django_db

URL = "/fr/adhesion/"


@pytest.fixture(scope="module")
def store():
    server = ObjectStore()
    yield server
    server.stop()


@pytest.fixture
def on_object_storage(settings, store, monkeypatch):
    """Puts the site's files on a new bucket of the store, as production does with
    ``S3_BUCKET`` (and ``S3_MEDIA_ACL`` for a bucket that still uses ACLs); returns the
    bucket's name and the ACL headers every upload sent."""
    sent_acls: list[tuple[str, str | None]] = []

    def configure(acls: bool = False) -> tuple[str, list]:
        bucket = store.bucket(acls=acls)
        for name, value in KEYS.items():
            monkeypatch.setenv(name, value)
        settings.STORAGES = {
            **settings.STORAGES,
            **object_storages(
                bucket,
                region=REGION,
                endpoint_url=store.endpoint,
                media_acl="public-read" if acls else "",
            ),
        }
        settings.WAGTAILDOCS_SERVE_METHOD = "serve_view"  # as production's settings
        # Attachments' field took its storage when the models were loaded.
        for model in (Attachment, ServiceAttachment):
            field = model._meta.get_field("file")
            monkeypatch.setattr(field, "storage", field._storage_callable())
        for alias in ("default", "private"):
            storages[alias].connection.meta.client.meta.events.register(
                "before-send.s3.PutObject",
                lambda request, **kwargs: sent_acls.append(
                    (request.url.rsplit("/", 1)[-1], acl_header(request))
                ),
            )
        return bucket, sent_acls

    return configure


def acl_header(request) -> str | None:
    value = request.headers.get("x-amz-acl")
    return value.decode() if isinstance(value, bytes) else value


def png(width=120, height=80) -> bytes:
    output = io.BytesIO()
    PillowImage.new("RGB", (width, height), (200, 30, 30)).save(output, "PNG")
    return output.getvalue()


def members_document(title="États financiers"):
    """A document in a collection restricted to « Membres » (the AGA's, as the demo's)."""
    collection = Collection.get_first_root_node().add_child(name="Documents des membres")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get_or_create(name="Membres")[0])
    document = get_document_model().objects.create(title=title, collection=collection)
    document.file.save("etats.pdf", ContentFile(MINIMAL_PDF), save=True)
    return document


def key_of(storage, name: str) -> str:
    return f"{storage.location}/{name}"


@pytest.mark.parametrize("acls", [False, True], ids=["acls-disabled", "acls"])
def test_images_are_read_by_url_and_renditions_made_by_another_server(
    on_object_storage, store, acls
):
    bucket, sent_acls = on_object_storage(acls=acls)
    image = get_image_model().objects.create(
        title="Assemblée", file=ImageFile(io.BytesIO(png()), name="assemblee.png")
    )
    rendition = image.get_rendition("fill-60x40")
    assert rendition.url.startswith(f"{store.endpoint}/{bucket}/media/images/")
    assert store.anonymous_get(bucket, key_of(storages["default"], rendition.file.name)) == 200
    # The original is not a page's image: never readable anonymously without ACLs.
    original = store.anonymous_get(bucket, key_of(storages["default"], image.file.name))
    assert original == (200 if acls else 403)

    # Another app server (new storage objects, new connections) makes another rendition
    # from the original in the bucket.
    storages._storages = {}
    other = get_image_model().objects.get(pk=image.pk)
    smaller = other.get_rendition("width-30")
    assert (smaller.width, smaller.height) == (30, 20)
    assert key_of(storages["default"], smaller.file.name) in store.keys(bucket)
    assert {acl for _name, acl in sent_acls} == ({"public-read"} if acls else {None})


@pytest.mark.parametrize("acls", [False, True], ids=["acls-disabled", "acls"])
def test_members_documents_are_never_public_and_the_site_serves_them_to_members(
    on_object_storage, store, acls, django_user_model, site_tree
):
    bucket, sent_acls = on_object_storage(acls=acls)
    document = members_document()
    public = get_document_model().objects.create(title="Rapport annuel")
    public.file.save("rapport.pdf", ContentFile(MINIMAL_PDF), save=True)

    # On the bucket, by its permanent address: refused, restricted or not.
    for each in (document, public):
        assert store.anonymous_get(bucket, key_of(storages["default"], each.file.name)) == 403
    assert {acl for _name, acl in sent_acls} == ({"private"} if acls else {None})

    # Through the site: the restricted one after the access check, never a redirect.
    anonymous = Client()
    refused = anonymous.get(document.url)
    assert refused.status_code == 302  # to the member space's sign-in
    assert refused["Location"].startswith("/membership/sign-in/?next=/documents/")
    assert "private" in refused["Cache-Control"]
    served = anonymous.get(public.url)
    assert served.status_code == 200 and b"".join(served.streaming_content) == MINIMAL_PDF
    assert "public" in served["Cache-Control"] and "s-maxage" in served["Cache-Control"]
    member = django_user_model.objects.create_user("membre", password="x")
    member.groups.add(Group.objects.get(name="Membres"))
    signed_in = Client()
    signed_in.force_login(member)
    response = signed_in.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == MINIMAL_PDF
    # Never kept by a shared cache (a CDN keeps .pdf files unless told `private`).
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_attachments_are_private_on_a_bucket_without_acls(
    on_object_storage, store, answers, committee
):
    bucket, sent_acls = on_object_storage(acls=False)
    response = Client().post(URL, {**answers, "attachments": [pdf()]})
    assert response.status_code == 302 and "/merci/" in response["Location"]
    attachment = Attachment.objects.get()
    key = key_of(storages["private"], attachment.file.name)
    assert key in store.keys(bucket) and key.startswith("private/applications/")
    assert store.anonymous_get(bucket, key) == 403
    assert sent_acls == [(key.rsplit("/", 1)[-1], None)]  # no ACL header at all
    download = committee.get(f"/membership/attachments/{attachment.token}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == MINIMAL_PDF


def test_the_store_down_mid_submission_loses_nothing(
    on_object_storage, store, answers, committee, django_capture_on_commit_callbacks
):
    """The store stops answering: the application with its file is received as usual (the
    file staged in the database), the committee can read it, /healthz names the store;
    once the store is back, the worker's task moves the file there."""
    bucket, _sent = on_object_storage(acls=False)
    store.proxy.stop()
    try:
        response = Client().post(URL, {**answers, "attachments": [pdf()]})
        assert response.status_code == 302 and "/merci/" in response["Location"]
        attachment = Attachment.objects.get()
        staged = StagedFile.objects.get()
        assert (staged.storage, staged.name) == ("private", attachment.file.name)
        assert bytes(staged.content) == MINIMAL_PDF
        download = committee.get(f"/membership/attachments/{attachment.token}/")
        assert b"".join(download.streaming_content) == MINIMAL_PDF
        health = Client().get("/healthz")
        assert health.status_code == 503 and health.json()["storage"] == "down"
        assert staging.move_all() == (0, 1)  # still down: kept, counted
    finally:
        store.proxy.start()

    assert staging.move_all() == (1, 0)
    assert not StagedFile.objects.exists()
    key = key_of(storages["private"], attachment.file.name)
    assert key in store.keys(bucket)
    assert store.client.get_object(Bucket=bucket, Key=key)["Body"].read() == MINIMAL_PDF
    assert Client().get("/healthz").json()["storage"] == "ok"
