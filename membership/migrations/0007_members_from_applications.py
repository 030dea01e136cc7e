"""The register's starting point, from what was already stored (no data invented):

- the four categories of SPEC §9, without qualifying shares or price (the by-laws' figures,
  which staff type in « Catégories de membres »);
- each existing member gets the category its application named (in either language), the
  NEQ and address of its application, and the applicant as principal contact. Its status
  stays « en attente » until staff record the payment of its shares (nothing in the old
  records says it was paid), so the public directory lists it once it is active.
"""

from django.db import migrations

CATEGORIES = [
    ("Membre utilisateur", "User member"),
    ("Membre de soutien", "Supporting member"),
    ("Membre auxiliaire", "Auxiliary member"),
    ("Membre sous entière gestion", "Fully managed member"),
]


def forwards(apps, schema_editor):
    Category = apps.get_model("membership", "MemberCategory")
    Member = apps.get_model("membership", "Member")
    Contact = apps.get_model("membership", "MemberContact")
    by_name = {}
    for order, (name, name_en) in enumerate(CATEGORIES):
        category, _created = Category.objects.get_or_create(
            name=name, defaults={"name_en": name_en, "sort_order": order}
        )
        by_name[name.casefold()] = by_name[name_en.casefold()] = category
    for member in Member.objects.select_related("application").filter(application__isnull=False):
        application = member.application
        member.category = by_name.get(application.category.casefold())
        member.neq = application.neq
        member.street_address = application.street_address
        member.city = application.city
        member.postal_code = application.postal_code
        member.status_date = member.member_since
        member.save()
        if not Contact.objects.filter(member=member).exists():
            Contact.objects.create(
                member=member,
                name=application.contact_name,
                role=application.contact_role,
                email=application.contact_email,
                phone=application.contact_phone,
                is_principal=True,
            )


class Migration(migrations.Migration):
    dependencies = [("membership", "0006_member_register")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
