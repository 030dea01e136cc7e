"""A database as the code before the members app left it, then the same database after
``migrate``: the two halves of ``tests/system/test_register_migration.py``, each run in a
fresh interpreter (``python -m tests.register_migration old|new``, ``DATABASE_URL`` set).

``old`` migrates an empty database to the last migrations before the register moved (the
migrations are part of the code: they build exactly the schema that code had), then writes
through the *historical* models of that state what a running site holds: the member space
page in two languages with its revision, its wagtail-localize source and audit entries;
categories, members, contacts with their accounts, share movements with a transfer, a
queued email and sign-in task, an approved application and a service request pointing at
their member, and a group holding the register's permissions. It prints what it wrote (ids
and values) as JSON. ``new`` reads the same things through today's models and prints them
in the same shape.
"""

import json
import sys
import uuid

import django
from django.utils import timezone

BEFORE = {
    "consortium": "0010_anonymisation_record",
    "membership": "0008_member_space_page",
    "services": "0001_initial",
}
MOVED = [
    "member",
    "membercategory",
    "membercontact",
    "sharemovement",
    "memberemail",
    "memberspacepage",
]
OLD_TASK = "membership.member_emails.request_sign_in"
# Apps that did not exist before the move (their first migration needs the register).
APPS_AFTER_THE_MOVE = ("members", "assembly")


def targets(loader):
    """Every app at its last migration, but those the move changed, at their last before."""
    leaves = {}
    for app, name in loader.graph.leaf_nodes():
        leaves[app] = (app, name)
    leaves.update({app: (app, name) for app, name in BEFORE.items()})
    for later in APPS_AFTER_THE_MOVE:
        leaves.pop(later, None)
    return list(leaves.values())


def build_old() -> dict:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan_targets = targets(executor.loader)
    executor.migrate(plan_targets)
    apps = executor.loader.project_state(plan_targets).apps
    model = apps.get_model
    content_type = model("contenttypes", "ContentType")
    types = {
        name: content_type.objects.get_or_create(app_label="membership", model=name)[0]
        for name in MOVED
    }
    page_type = content_type.objects.get_or_create(app_label="wagtailcore", model="page")[0]

    # The member space page, French and English, under the tree's root.
    locale = model("wagtailcore", "Locale")
    french = locale.objects.get_or_create(language_code="fr")[0]
    english = locale.objects.get_or_create(language_code="en")[0]
    page_model = model("wagtailcore", "Page")
    root = page_model.objects.get(depth=1)
    space = model("membership", "MemberSpacePage")
    key = uuid.uuid4()
    pages = {}
    for number, (language, title, slug) in enumerate(
        [(french, "Espace membre", "espace-membre"), (english, "Member area", "member-area")],
        start=root.numchild + 1,
    ):
        pages[language.language_code] = space.objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=types["memberspacepage"],
            path=f"{root.path}{number:04d}",
            depth=root.depth + 1,
            numchild=0,
            url_path=f"/{slug}/",
            live=True,
            locale=language,
            translation_key=key,
            intro=f"{title}: les personnes-ressources des membres",
        )
    root.numchild += 2
    root.save(update_fields=["numchild"])
    revision = model("wagtailcore", "Revision").objects.create(
        content_type=types["memberspacepage"],
        base_content_type=page_type,
        object_id=str(pages["fr"].pk),
        created_at=timezone.now(),
        object_str="Espace membre",
        content={"pk": pages["fr"].pk, "title": "Espace membre", "intro": "Révisée"},
    )
    space.objects.filter(pk=pages["fr"].pk).update(latest_revision=revision, live_revision=revision)
    translatable = model("wagtail_localize", "TranslatableObject").objects.create(
        translation_key=key, content_type=page_type
    )
    source = model("wagtail_localize", "TranslationSource").objects.create(
        object=translatable,
        specific_content_type=types["memberspacepage"],
        locale=french,
        object_repr="Espace membre",
        content_json="{}",
        last_updated_at=timezone.now(),
    )

    # The register.
    category = model("membership", "MemberCategory")
    # The migrations may have written the default categories already.
    user_member = category.objects.update_or_create(
        name="Membre utilisateur",
        defaults={"name_en": "User member", "qualifying_shares": 1, "share_price": 10},
    )[0]
    category.objects.get_or_create(name="Membre de soutien", name_en="Supporting member")
    application = model("membership", "MembershipApplication").objects.create(
        reference="ADH-2026-0001",
        language="fr",
        organisation_name="Coopérative des Érables",
        neq="1234567890",
        legal_form="consumer-coop",
        sector="housing",
        region="02",
        street_address="123, rue Racine Est",
        city="Chicoutimi",
        postal_code="G7H 1R9",
        member_count=48,
        employee_count=2,
        category="Membre utilisateur",
        contact_name="Marie Tremblay",
        contact_role="Présidente",
        contact_email="marie@erables.example",
        contact_phone="+14185550142",
        status="approved",
    )
    member = model("membership", "Member")
    members = [
        member.objects.create(
            name=name,
            legal_form="consumer-coop",
            region="02",
            member_since="2026-09-15",
            status=status,
            directory_consent=True,
            category=user_member,
            application=application if index == 0 else None,
        )
        for index, (name, status) in enumerate(
            [
                ("Coopérative des Érables", "active"),
                ("Mutuelle du Fjord", "pending"),
                ("OBNL du Littoral", "resigned"),
            ]
        )
    ]
    user_model = apps.get_model(*django.conf.settings.AUTH_USER_MODEL.split("."))
    account = user_model.objects.create(username="member:marie@erables.example")
    contact = model("membership", "MemberContact")
    contacts = [
        contact.objects.create(
            member=members[0],
            name="Marie Tremblay",
            email="marie@erables.example",
            phone="+14185550142",
            is_principal=True,
            user=account,
        ),
        contact.objects.create(member=members[1], name="Luc Gagnon", email="luc@fjord.example"),
    ]
    movement = model("membership", "ShareMovement")
    movements = [
        movement.objects.create(
            member=members[0], date="2026-09-15", kind="subscription", shares=2, amount=20
        ),
        movement.objects.create(member=members[0], date="2026-10-01", kind="payment", amount=20),
        movement.objects.create(
            member=members[0],
            date="2026-11-01",
            kind="transfer",
            shares=1,
            amount=10,
            counterparty=members[1],
        ),
    ]
    email = model("membership", "MemberEmail").objects.create(
        recipient="marie@erables.example",
        language="fr",
        kind="sign_in",
        member=members[0],
        contact=contacts[0],
    )
    request = model("services", "ServiceRequest").objects.create(
        reference="DS-2026-0001",
        language="fr",
        organisation_name="Coopérative des Érables",
        region="02",
        contact_name="Marie Tremblay",
        contact_email="marie@erables.example",
        contact_phone="+14185550142",
        need="Un avis juridique",
        timeframe="month",
        member=members[0],
    )
    task = model("django_tasks_database", "DBTaskResult").objects.create(
        task_path=OLD_TASK,
        args_kwargs={"args": ["marie@erables.example", "fr"], "kwargs": {}},
        queue_name="default",
        backend_name="default",
        priority=0,
        status="READY",
        run_after=timezone.now(),
    )
    permission = model("auth", "Permission")
    register_permissions = [
        permission.objects.create(content_type=types["member"], codename=codename, name=codename)
        for codename in ("view_member", "change_member", "export_member")
    ]
    group = model("auth", "Group").objects.create(name="Comité d'adhésion")
    group.permissions.set(register_permissions)
    committee = user_model.objects.create(username="camille", is_active=True)
    committee.groups.add(group)
    log_entry = model("wagtailcore", "ModelLogEntry").objects.create(
        content_type=types["member"],
        label=members[0].name,
        action="membership.member.change",
        object_id=str(members[0].pk),
        timestamp=timezone.now(),
        data={"changes": [{"field": "website", "from": "", "to": "https://erables.example"}]},
    )
    return {
        "content_types": {name: ct.pk for name, ct in types.items()},
        "pages": {language: page.pk for language, page in pages.items()},
        "revision": revision.pk,
        "translation_source": source.pk,
        "categories": sorted(category.objects.values_list("pk", "name")),
        "members": [[m.pk, m.name, m.status, m.category_id] for m in members],
        "contacts": [[c.pk, c.member_id, c.email, c.user_id] for c in contacts],
        "movements": [
            [m.pk, m.member_id, m.kind, m.shares, str(m.amount), m.counterparty_id]
            for m in movement.objects.filter(pk__in=[m.pk for m in movements]).order_by("pk")
        ],
        "email": [email.pk, email.member_id, email.contact_id],
        "application": [application.pk, members[0].pk],
        "service_request": [request.pk, members[0].pk],
        "task": str(task.pk),
        "committee": committee.pk,
        "log_entry": log_entry.pk,
    }


def read_new(written: dict) -> dict:
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType
    from django_tasks_db.models import DBTaskResult
    from wagtail.models import ModelLogEntry, Page, Revision
    from wagtail_localize.models import TranslationSource

    from members.models import (
        Member,
        MemberCategory,
        MemberContact,
        MemberEmail,
        MemberSpacePage,
        ShareMovement,
    )
    from membership.models import MembershipApplication
    from services.models import ServiceRequest

    types = {
        name: ContentType.objects.get_for_model(model).pk
        for name, model in [
            ("member", Member),
            ("membercategory", MemberCategory),
            ("membercontact", MemberContact),
            ("sharemovement", ShareMovement),
            ("memberemail", MemberEmail),
            ("memberspacepage", MemberSpacePage),
        ]
    }
    members = Member.objects.order_by("pk")
    pages = {
        language: Page.objects.get(pk=pk).specific for language, pk in written["pages"].items()
    }
    french = pages["fr"]
    revision = Revision.objects.get(pk=written["revision"])
    committee = get_user_model().objects.get(pk=written["committee"])
    return {
        "content_types": types,
        "pages": {
            language: page.pk
            for language, page in pages.items()
            if isinstance(page, MemberSpacePage)
        },
        # The revision reads back as the member space page it saved.
        "revision": revision.pk
        if french.latest_revision_id == revision.pk and revision.as_object().intro == "Révisée"
        else None,
        "translation_source": TranslationSource.objects.filter(
            specific_content_type_id=types["memberspacepage"], pk=written["translation_source"]
        )
        .values_list("pk", flat=True)
        .first(),
        "categories": sorted(MemberCategory.objects.values_list("pk", "name")),
        "members": [[m.pk, m.name, m.status, m.category_id] for m in members],
        "contacts": [
            [c.pk, c.member_id, c.email, c.user_id] for c in MemberContact.objects.order_by("pk")
        ],
        "movements": [
            [m.pk, m.member_id, m.kind, m.shares, str(m.amount), m.counterparty_id]
            for m in ShareMovement.objects.order_by("pk")
        ],
        "email": [[e.pk, e.member_id, e.contact_id] for e in MemberEmail.objects.all()][0],
        "application": [
            [a.pk, a.member_id] for a in MembershipApplication.objects.exclude(member=None)
        ][0],
        "service_request": [[r.pk, r.member_id] for r in ServiceRequest.objects.all()][0],
        "task": str(DBTaskResult.objects.get(task_path="members.emails.request_sign_in").pk),
        "committee": committee.pk
        if all(
            committee.has_perm(f"members.{codename}")
            for codename in ("view_member", "change_member", "export_member")
        )
        else None,
        "log_entry": ModelLogEntry.objects.get(
            pk=written["log_entry"], content_type_id=types["member"]
        ).pk,
        # What only the new code can say: the pages render their intro, the link reads back.
        "intro": french.intro,
        "member_of_application": MembershipApplication.objects.get(
            pk=written["application"][0]
        ).member.name,
    }


if __name__ == "__main__":
    django.setup()
    if sys.argv[1] == "old":
        print(json.dumps(build_old()))
    else:
        print(json.dumps(read_new(json.loads(sys.stdin.read()))))
