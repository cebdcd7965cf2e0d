"""The free-text sessions and the code lists are converted (0003): drop their columns."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("marketplace", "0003_convert_free_text_and_codes_to_links"),
    ]

    operations = [
        migrations.RemoveField(model_name="historicalservicerequest", name="legacy_gcm_objectives"),
        migrations.RemoveField(
            model_name="historicalservicerequest", name="legacy_related_sessions"
        ),
        migrations.RemoveField(model_name="historicalservicerequest", name="legacy_sdg_targets"),
        migrations.RemoveField(model_name="servicerequest", name="legacy_gcm_objectives"),
        migrations.RemoveField(model_name="servicerequest", name="legacy_related_sessions"),
        migrations.RemoveField(model_name="servicerequest", name="legacy_sdg_targets"),
    ]
