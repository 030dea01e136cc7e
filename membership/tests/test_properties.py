"""Property tests: whatever is typed in any field and whatever bytes are attached, the form
answers with a page (200, errors shown) or a redirect (302) — never a server error.

Each field gets either its valid answer or arbitrary text (so that some examples get far
enough to be stored, and others fail on one field only), the file field arbitrary bytes
under an arbitrary name.
"""

import os

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from consortium.intake.plain_text import has_control_characters
from membership.models import APPLICANT_FIELDS, MembershipApplication

pytestmark = pytest.mark.django_db

# From the Hypothesis profile (conftest.py): 200 examples under CI, 25 elsewhere.

# Arbitrary text, and text made mostly of what breaks exports and emails: control
# characters, line breaks of every kind, formula starts.
HOSTILE = st.text(
    alphabet=st.sampled_from(
        [
            "\x00",
            "\x1b",
            "\x07",
            "\x7f",
            "\x85",
            "\n",
            "\r",
            "\t",
            "\u2028",
            "=",
            "+",
            "-",
            "@",
            "a",
            "é",
            " ",
            "&",
            "'",
            "<",
        ]
    ),
    max_size=60,
)
TEXT = st.one_of(st.text(max_size=400), HOSTILE)
# File names as a browser sends them: printable text (control characters cannot be encoded
# in a multipart header by any client) that ends in a name (Django's test client, like a
# browser, cannot upload a file called « / » or « .. »).
FILE_NAMES = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=80
).filter(lambda name: os.path.basename(name) not in {"", ".", ".."})


def answers_strategy(valid: dict):
    return st.fixed_dictionaries(
        {
            name: st.one_of(st.just(value), TEXT)
            if not isinstance(value, list)
            else st.one_of(st.just(value), st.lists(TEXT, max_size=3))
            for name, value in valid.items()
        }
    )


@pytest.fixture
def generous_rate_limit(settings):
    settings.MEMBERSHIP_RATE_LIMIT = "100000/h"


@pytest.mark.parametrize("url", ["/fr/adhesion/", "/en/membership/"])
def test_arbitrary_input_never_causes_a_server_error(
    client, membership, answers, generous_rate_limit, url
):
    if url.startswith("/en/"):
        answers["fields_of_interest"] = [str(membership.fields[1].pk)]
    runs = []

    examples = hypothesis_settings.default.max_examples

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
    assert len(runs) >= examples
    # Some examples were valid enough to be stored (the property covered that path too).
    assert MembershipApplication.objects.exists()
    # Whatever was stored is plain text: no control character anywhere, no line break
    # outside the message (consortium.intake.plain_text).
    for application in MembershipApplication.objects.all():
        for name in APPLICANT_FIELDS:
            value = getattr(application, name)
            if isinstance(value, str):
                assert not has_control_characters(value, multiline=name == "message"), (
                    name,
                    value,
                )
