"""The register's tables take the members app's names (``ALTER TABLE … RENAME``: rows,
sequences and the foreign keys that point at them follow), its two indexes likewise, and
the member's old link to its application goes, now that membership 0009 copied every link
to the application's side."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0001_initial"),
        ("membership", "0009_register_moved_to_members"),
    ]

    operations = [
        migrations.RemoveField(model_name="member", name="application"),
        migrations.AlterModelTable(name="member", table=None),
        migrations.AlterModelTable(name="membercategory", table=None),
        migrations.AlterModelTable(name="membercontact", table=None),
        migrations.AlterModelTable(name="memberemail", table=None),
        migrations.AlterModelTable(name="memberspacepage", table=None),
        migrations.AlterModelTable(name="sharemovement", table=None),
        migrations.RenameIndex(
            model_name="member",
            new_name="members_mem_status_2f9e0f_idx",
            old_name="membership__status_536e05_idx",
        ),
        migrations.RenameIndex(
            model_name="membercontact",
            new_name="members_mem_email_6b8a8c_idx",
            old_name="membership__email_cf74f6_idx",
        ),
    ]
