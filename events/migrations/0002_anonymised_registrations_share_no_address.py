"""Anonymised registrations leave the one-registration-per-address rule: retention clears
the addresses of every registration of an event, and several empty addresses of one event
broke the rule (anonymise_event_registrations failed every night; nothing was cleared)."""


from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0001_initial'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='registration',
            name='one_active_registration_per_email',
        ),
        migrations.AddConstraint(
            model_name='registration',
            constraint=models.UniqueConstraint(condition=models.Q(models.Q(('state', 'cancelled'), _negated=True), ('anonymised_at__isnull', True)), fields=('event', 'email'), name='one_active_registration_per_email'),
        ),
    ]
