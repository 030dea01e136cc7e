"""The admin's login is throttled after failed attempts; SVG images are refused."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def test_failed_logins_are_throttled_with_a_clear_message(client, admin_user, settings):
    settings.AXES_FAILURE_LIMIT = 3
    statuses = [
        client.post(LOGIN, {"username": "admin", "password": "wrong"}).status_code
        for _attempt in range(3)
    ]
    assert statuses == [200, 200, 429]  # the third failure starts the pause
    response = client.post(LOGIN, {"username": "admin", "password": "password"})
    assert response.status_code == 429
    assert "Trop de tentatives" in response.content.decode()
    assert 'value="admin"' in response.content.decode()  # the name typed is kept
    assert "_auth_user_id" not in client.session  # even the right password waits


def test_another_client_with_the_right_password_is_never_refused(admin_user, settings):
    """Someone's typos from one address lock neither another address nor another name."""
    settings.AXES_FAILURE_LIMIT = 3
    attacker = Client(REMOTE_ADDR="198.51.100.7")
    for _attempt in range(5):
        attacker.post(LOGIN, {"username": "admin", "password": "wrong"})
    assert attacker.post(LOGIN, {"username": "admin", "password": "password"}).status_code == 429
    colleague = Client(REMOTE_ADDR="198.51.100.8")
    response = colleague.post(LOGIN, {"username": "admin", "password": "password"})
    assert response.status_code == 302
    assert "_auth_user_id" in colleague.session


def test_behind_the_load_balancer_the_lock_is_on_the_real_client(admin_user, settings):
    """The balancer (a trusted proxy) is every request's peer: the client is in
    X-Forwarded-For, and only the one who typed wrong passwords waits."""
    settings.AXES_FAILURE_LIMIT = 3
    settings.FORWARDED_ALLOW_IPS = "10.0.0.0/8"
    balancer = {"REMOTE_ADDR": "10.0.0.2"}
    attacker = Client(**balancer, HTTP_X_FORWARDED_FOR="198.51.100.7")
    for _attempt in range(4):
        attacker.post(LOGIN, {"username": "admin", "password": "wrong"})
    assert attacker.post(LOGIN, {"username": "admin", "password": "password"}).status_code == 429
    staff = Client(**balancer, HTTP_X_FORWARDED_FOR="203.0.113.20")
    assert staff.post(LOGIN, {"username": "admin", "password": "password"}).status_code == 302


def test_successful_logins_do_not_count(client, admin_user, settings):
    settings.AXES_FAILURE_LIMIT = 2
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
