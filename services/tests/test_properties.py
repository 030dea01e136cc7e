"""Property test: whatever is typed in any field and whatever bytes are attached, the
request form answers with a page (200, errors shown) or a redirect (302) — never a server
error; and what it stores is plain text (membership's strategies, the same rules)."""

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from consortium.intake.plain_text import has_control_characters
from membership.tests.test_properties import FILE_NAMES, answers_strategy
from services.models import REQUESTER_FIELDS, ServiceRequest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["fr", "en"])
def test_arbitrary_input_never_causes_a_server_error(
    client, service_page, answers, settings, language
):
    settings.SERVICE_REQUEST_RATE_LIMIT = "100000/h"
    url = service_page.url if language == "fr" else service_page.english.url
    if language == "en":
        answers["expertise_fields"] = [str(service_page.english_fields[0].pk)]
    runs = []

    @hypothesis_settings(
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    @given(
        values=answers_strategy(answers),
        files=st.lists(st.tuples(FILE_NAMES, st.binary(max_size=2048)), max_size=4),
    )
    def check(values, files):
        runs.append(1)
        cache.clear()
        data = dict(values)
        data["attachments"] = [SimpleUploadedFile(name, content) for name, content in files]
        response = client.post(url, data)
        assert response.status_code in (200, 302), (response.status_code, values)
        if response.status_code == 200:
            assert b'id="error-summary"' in response.content

    check()
    assert len(runs) >= hypothesis_settings.default.max_examples
    assert ServiceRequest.objects.exists()
    for service_request in ServiceRequest.objects.all():
        for name in REQUESTER_FIELDS:
            value = getattr(service_request, name)
            if isinstance(value, str):
                assert not has_control_characters(value, multiline=name == "need"), (name, value)
