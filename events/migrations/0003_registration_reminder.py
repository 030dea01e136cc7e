"""An email « already registered », sent to the owner of an address registered again (the
form answers the same to everyone)."""


from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0002_anonymised_registrations_share_no_address'),
    ]

    operations = [
        migrations.AlterField(
            model_name='registrationemail',
            name='kind',
            field=models.CharField(choices=[('confirmed', 'Registration confirmed'), ('waiting', 'On the waiting list'), ('promoted', 'A seat freed up'), ('cancelled', 'Registration cancelled'), ('already', 'Already registered')], max_length=20),
        ),
    ]
