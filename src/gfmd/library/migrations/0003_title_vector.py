"""A title-only vector per search entry (PostgreSQL), filled for the entries that exist."""

import django.contrib.postgres.search
from django.db import migrations


def fill(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "UPDATE library_searchentry SET title_vector = setweight(to_tsvector("
        "(CASE language WHEN 'en' THEN 'english' WHEN 'fr' THEN 'french' "
        "WHEN 'es' THEN 'spanish' ELSE 'simple' END)::regconfig, title), 'A')"
    )


class Migration(migrations.Migration):
    dependencies = [("library", "0002_search_engines")]
    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="title_vector",
            field=django.contrib.postgres.search.SearchVectorField(null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
