"""The register moves from membership to members without touching a row.

The tables stay where they are (``db_table``: membership's names; renamed in 0002), the
state of the six models is created here and deleted from membership (membership 0009), and
their content types are renamed in place: every row that points at them keeps its id —
pages (the member space), revisions, translations, permissions held by groups, audit
entries. Tasks queued under the old module names are pointed at the new ones.
"""

import django.core.validators
import django.db.models.deletion
import modelcluster.fields
import phonenumber_field.modelfields
import wagtail.contrib.routable_page.models
from django.conf import settings
from django.db import migrations, models

import consortium.pages.view_restrictions

MODELS = ["member", "membercategory", "membercontact", "sharemovement", "memberemail", "memberspacepage"]
TASKS = {"membership.member_emails.request_sign_in": "members.emails.request_sign_in"}


def move_content_types(apps, source: str, target: str) -> None:
    content_type = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if content_type.objects.filter(app_label=target, model=model).exists():
            continue  # already there (a database migrated and rolled back by hand)
        content_type.objects.filter(app_label=source, model=model).update(app_label=target)


def move_tasks(apps, moves: dict[str, str]) -> None:
    task_result = apps.get_model("django_tasks_database", "DBTaskResult")
    for old, new in moves.items():
        task_result.objects.filter(task_path=old).update(task_path=new)


def forwards(apps, schema_editor):
    move_content_types(apps, "membership", "members")
    move_tasks(apps, TASKS)


def backwards(apps, schema_editor):
    move_content_types(apps, "members", "membership")
    move_tasks(apps, {new: old for old, new in TASKS.items()})


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("membership", "0008_member_space_page"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="MemberCategory",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=80, unique=True, verbose_name="name (French)")),
                        ("name_en", models.CharField(blank=True, max_length=80, verbose_name="name (English)")),
                        ("qualifying_shares", models.PositiveIntegerField(blank=True, help_text="Number of shares a member of this category subscribes on admission.", null=True, verbose_name="qualifying shares")),
                        ("share_price", models.DecimalField(blank=True, decimal_places=2, max_digits=10, null=True, validators=[django.core.validators.MinValueValidator(0)], verbose_name="unit price of a share ($)")),
                        ("sort_order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                    ],
                    options={
                        "verbose_name": "member category",
                        "verbose_name_plural": "member categories",
                        "ordering": ["sort_order", "name"],
                        "db_table": "membership_membercategory",
                    },
                ),
                migrations.CreateModel(
                    name="Member",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=200, verbose_name="legal name")),
                        ("neq", models.CharField(blank=True, max_length=10, verbose_name="Québec enterprise number (NEQ)")),
                        ("legal_form", models.CharField(choices=[("consumer-coop", "Consumer cooperative"), ("producer-coop", "Producer cooperative"), ("worker-coop", "Worker cooperative"), ("worker-shareholder-coop", "Worker-shareholder cooperative"), ("solidarity-coop", "Solidarity cooperative"), ("federation", "Federation"), ("confederation", "Confederation"), ("mutual", "Mutual"), ("non-profit", "Non-profit organisation (NPO)"), ("cdr", "Regional development cooperative (CDR)"), ("other", "Other")], max_length=30, verbose_name="legal form")),
                        ("region", models.CharField(choices=[("01", "01 Bas-Saint-Laurent"), ("02", "02 Saguenay–Lac-Saint-Jean"), ("03", "03 Capitale-Nationale"), ("04", "04 Mauricie"), ("05", "05 Estrie"), ("06", "06 Montréal"), ("07", "07 Outaouais"), ("08", "08 Abitibi-Témiscamingue"), ("09", "09 Côte-Nord"), ("10", "10 Nord-du-Québec"), ("11", "11 Gaspésie–Îles-de-la-Madeleine"), ("12", "12 Chaudière-Appalaches"), ("13", "13 Laval"), ("14", "14 Lanaudière"), ("15", "15 Laurentides"), ("16", "16 Montérégie"), ("17", "17 Centre-du-Québec")], max_length=2, verbose_name="administrative region")),
                        ("street_address", models.CharField(blank=True, max_length=200, verbose_name="street address")),
                        ("city", models.CharField(blank=True, max_length=100, verbose_name="city")),
                        ("postal_code", models.CharField(blank=True, max_length=7, verbose_name="postal code")),
                        ("website", models.URLField(blank=True, verbose_name="website")),
                        ("status", models.CharField(choices=[("pending", "Pending (shares not paid)"), ("active", "Active"), ("suspended", "Suspended"), ("resigned", "Resigned"), ("excluded", "Excluded")], default="pending", max_length=10, verbose_name="status")),
                        ("status_date", models.DateField(blank=True, null=True, verbose_name="status since")),
                        ("member_since", models.DateField(verbose_name="date of admission")),
                        ("admission_resolution", models.CharField(blank=True, max_length=40, verbose_name="board resolution number (admission)")),
                        ("directory_consent", models.BooleanField(default=False, verbose_name="agrees to be listed in the public directory")),
                        ("anonymised_at", models.DateTimeField(blank=True, null=True, verbose_name="contacts anonymised at")),
                        # The column as it is until membership 0009 copies it to the
                        # application's side (removed in 0002).
                        ("application", models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="membership.membershipapplication")),
                        ("category", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="members", to="members.membercategory", verbose_name="category")),
                    ],
                    options={
                        "verbose_name": "member organisation",
                        "verbose_name_plural": "member organisations",
                        "ordering": ["name", "pk"],
                        "permissions": [("export_member", "Can export the register of members")],
                        "indexes": [models.Index(fields=["status", "directory_consent", "region", "legal_form"], name="membership__status_536e05_idx")],
                        "db_table": "membership_member",
                    },
                ),
                migrations.CreateModel(
                    name="MemberContact",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=120, verbose_name="name")),
                        ("role", models.CharField(blank=True, max_length=120, verbose_name="role")),
                        ("email", models.EmailField(max_length=254, verbose_name="email")),
                        ("phone", phonenumber_field.modelfields.PhoneNumberField(blank=True, max_length=128, region=None, verbose_name="phone")),
                        ("is_principal", models.BooleanField(default=False, verbose_name="principal contact (delegate)")),
                        ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                        ("member", modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name="contacts", to="members.member")),
                        ("user", models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="member_contacts", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "verbose_name": "contact",
                        "verbose_name_plural": "contacts",
                        "ordering": ["-is_principal", "sort_order", "pk"],
                        "indexes": [models.Index(fields=["email"], name="membership__email_cf74f6_idx")],
                        "db_table": "membership_membercontact",
                    },
                ),
                migrations.CreateModel(
                    name="ShareMovement",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("date", models.DateField(verbose_name="date")),
                        ("kind", models.CharField(choices=[("subscription", "Subscription"), ("payment", "Payment"), ("redemption", "Redemption"), ("repayment", "Repayment"), ("transfer", "Transfer")], max_length=12, verbose_name="movement")),
                        ("shares", models.PositiveIntegerField(default=0, verbose_name="number of shares")),
                        ("amount", models.DecimalField(decimal_places=2, default=0, max_digits=10, validators=[django.core.validators.MinValueValidator(0)], verbose_name="amount ($)")),
                        ("note", models.CharField(blank=True, max_length=200, verbose_name="note")),
                        ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                        ("counterparty", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="transfers_in", to="members.member", verbose_name="transferred to")),
                        ("member", modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name="movements", to="members.member")),
                    ],
                    options={
                        "verbose_name": "share movement",
                        "verbose_name_plural": "share ledger",
                        "ordering": ["date", "pk"],
                        "constraints": [models.CheckConstraint(condition=models.Q(("amount__gte", 0)), name="movement_amount_gte_0")],
                        "db_table": "membership_sharemovement",
                    },
                ),
                migrations.CreateModel(
                    name="MemberEmail",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("recipient", models.EmailField(max_length=254)),
                        ("language", models.CharField(max_length=2)),
                        ("data", models.JSONField(blank=True, default=dict)),
                        ("state", models.CharField(choices=[("pending", "To send"), ("sent", "Sent"), ("failed", "Failed (gave up)")], default="pending", max_length=10)),
                        ("attempts", models.PositiveSmallIntegerField(default=0)),
                        ("last_error", models.TextField(blank=True)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("sent_at", models.DateTimeField(blank=True, null=True)),
                        ("kind", models.CharField(choices=[("sign_in", "Sign-in link to the member space"), ("correction", "Correction requested by a member")], max_length=20)),
                        ("contact", models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="emails", to="members.membercontact")),
                        ("member", models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="emails", to="members.member")),
                    ],
                    options={
                        "ordering": ["created_at", "pk"],
                        "abstract": False,
                        "db_table": "membership_memberemail",
                    },
                ),
                migrations.CreateModel(
                    name="MemberSpacePage",
                    fields=[
                        ("page_ptr", models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to="wagtailcore.page")),
                        ("intro", models.TextField(blank=True, max_length=600, verbose_name="introduction")),
                    ],
                    options={
                        "verbose_name": "member space",
                        "verbose_name_plural": "member spaces",
                        "db_table": "membership_memberspacepage",
                    },
                    bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, consortium.pages.view_restrictions.CachedViewRestrictionsMixin, "wagtailcore.page"),
                ),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
