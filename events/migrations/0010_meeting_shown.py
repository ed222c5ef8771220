from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0009_source_offsets_participant_history'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='meeting',
            index=models.Index(condition=models.Q(('review_state', 'rejected'), _negated=True), fields=['id'],
                               name='meeting_shown'),
        ),
    ]
