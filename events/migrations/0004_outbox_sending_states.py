"""The outbox records an attempt before sending (« sending ») and marks one interrupted
mid-send « uncertain » instead of sending it twice (consortium.messaging.outbox.deliver);
choices only, nothing changes in the table."""


from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0003_registration_reminder'),
    ]

    operations = [
        migrations.AlterField(
            model_name='registrationemail',
            name='state',
            field=models.CharField(choices=[('pending', 'To send'), ('sending', 'Being sent'), ('sent', 'Sent'), ('failed', 'Failed (gave up)'), ('uncertain', 'Interrupted while being sent (may have arrived)')], default='pending', max_length=10),
        ),
    ]
