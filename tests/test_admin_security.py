"""The admin's login is throttled after failed attempts; SVG images are refused."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def test_failed_logins_are_throttled_with_a_clear_message(client, admin_user, settings):
    settings.ADMIN_LOGIN_RATE_LIMIT = "3/m"
    for _attempt in range(3):
        response = client.post(LOGIN, {"username": "admin", "password": "wrong"})
        assert response.status_code == 200
    response = client.post(LOGIN, {"username": "admin", "password": "password"})
    assert response.status_code == 429
    assert "Trop de tentatives" in response.content.decode()
    assert "_auth_user_id" not in client.session  # even the right password waits


def test_successful_logins_do_not_count(client, admin_user, settings):
    settings.ADMIN_LOGIN_RATE_LIMIT = "2/m"
    for _attempt in range(4):
        response = client.post(LOGIN, {"username": "admin", "password": "password"})
        assert response.status_code == 302
        client.logout()


def test_svg_images_are_refused():
    form_class = get_image_form(get_image_model())
    svg = SimpleUploadedFile(
        "logo.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        content_type="image/svg+xml",
    )
    form = form_class({"title": "Logo"}, {"file": svg})
    assert not form.is_valid()
    assert "file" in form.errors
