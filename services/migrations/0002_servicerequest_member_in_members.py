"""A service request's member is the same row of the same table, now the members app's
model (members 0001): the state follows, the database has nothing to do."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0001_initial"),
        ("members", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="servicerequest",
                    name="member",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="service_requests",
                        to="members.member",
                        verbose_name="member organisation",
                    ),
                ),
            ],
        ),
    ]
