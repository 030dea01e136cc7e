"""The register leaves membership for the members app (members 0001 holds its state).

An approved application now names its member (``MembershipApplication.member``) instead of
the member naming its application: the register no longer depends on applications. Every
link is copied before members 0002 drops the old column. Then the six models leave
membership's state; their tables, rows and content types are untouched here.
"""

import django.db.models.deletion
from django.db import migrations, models


def checked_now(schema_editor):
    """Foreign keys are checked at commit on PostgreSQL (deferred): check the rows written
    now, so that the same transaction may alter the tables afterwards."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def copy_links(apps, schema_editor):
    member = apps.get_model("membership", "Member")
    application = apps.get_model("membership", "MembershipApplication")
    for member_id, application_id in member.objects.exclude(application=None).values_list(
        "pk", "application_id"
    ):
        application.objects.filter(pk=application_id).update(member_id=member_id)
    checked_now(schema_editor)


def copy_links_back(apps, schema_editor):
    member = apps.get_model("membership", "Member")
    application = apps.get_model("membership", "MembershipApplication")
    for application_id, member_id in application.objects.exclude(member=None).values_list(
        "pk", "member_id"
    ):
        member.objects.filter(pk=member_id).update(application_id=application_id)
    checked_now(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("membership", "0008_member_space_page"),
        ("members", "0001_initial"),
        ("services", "0002_servicerequest_member_in_members"),
    ]

    operations = [
        migrations.AddField(
            model_name="membershipapplication",
            name="member",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="application",
                to="members.member",
                verbose_name="member",
            ),
        ),
        migrations.RunPython(copy_links, copy_links_back),
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name="MemberEmail"),
                migrations.DeleteModel(name="ShareMovement"),
                migrations.DeleteModel(name="MemberContact"),
                migrations.DeleteModel(name="MemberSpacePage"),
                migrations.DeleteModel(name="Member"),
                migrations.DeleteModel(name="MemberCategory"),
            ],
        ),
    ]
