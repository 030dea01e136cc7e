"""Tasks queued before the core was split into packages name their function by its old
dotted path (``DBTaskResult.task_path``); a worker would fail to import them and the email
they carry would be lost. This points them at the same functions' new modules (and back,
when the migration is reversed)."""

from django.db import migrations

MOVED = {
    "consortium.mail.send_queued_email": "consortium.messaging.mail.send_queued_email",
    "consortium.outbox.send_email": "consortium.messaging.outbox.send_email",
}


def rename(apps, moves: dict[str, str]) -> None:
    task_result = apps.get_model("django_tasks_database", "DBTaskResult")
    for old, new in moves.items():
        task_result.objects.filter(task_path=old).update(task_path=new)


def forwards(apps, schema_editor):
    rename(apps, MOVED)


def backwards(apps, schema_editor):
    rename(apps, {new: old for old, new in MOVED.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("consortium", "0010_anonymisation_record"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
