"""Sessions, themes and tags become links (issue 5). The old columns are kept as legacy_* until
0003 has converted them, and removed by 0004."""

import django.db.models.deletion
import simple_history.models
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("marketplace", "0001_initial"),
        ("preparation", "0001_initial"),
        ("reference", "0001_initial"),
    ]

    operations = [
        migrations.RenameField(
            model_name="historicalservicerequest",
            old_name="gcm_objectives",
            new_name="legacy_gcm_objectives",
        ),
        migrations.RenameField(
            model_name="historicalservicerequest",
            old_name="related_sessions",
            new_name="legacy_related_sessions",
        ),
        migrations.RenameField(
            model_name="historicalservicerequest",
            old_name="sdg_targets",
            new_name="legacy_sdg_targets",
        ),
        migrations.AddField(
            model_name="historicalservicerequest",
            name="links_note",
            field=models.TextField(
                blank=True,
                help_text="Kept when the free-text sessions and the tag codes became links: what matched no session of the edition or no entry of the reference lists.",
                verbose_name="sessions and tags as first written, not matched",
            ),
        ),
        migrations.AddField(
            model_name="servicerequest",
            name="edition_themes",
            field=models.ManyToManyField(
                blank=True,
                related_name="+",
                to="preparation.theme",
                verbose_name="themes of the Forum",
            ),
        ),
        migrations.AddField(
            model_name="servicerequest",
            name="links_note",
            field=models.TextField(
                blank=True,
                help_text="Kept when the free-text sessions and the tag codes became links: what matched no session of the edition or no entry of the reference lists.",
                verbose_name="sessions and tags as first written, not matched",
            ),
        ),
        migrations.AlterField(
            model_name="historicalservicerequest",
            name="themes",
            field=models.JSONField(blank=True, default=list, verbose_name="other themes"),
        ),
        migrations.RenameField(
            model_name="servicerequest",
            old_name="gcm_objectives",
            new_name="legacy_gcm_objectives",
        ),
        migrations.RenameField(
            model_name="servicerequest",
            old_name="related_sessions",
            new_name="legacy_related_sessions",
        ),
        migrations.RenameField(
            model_name="servicerequest",
            old_name="sdg_targets",
            new_name="legacy_sdg_targets",
        ),
        migrations.AlterField(
            model_name="servicerequest",
            name="themes",
            field=models.JSONField(blank=True, default=list, verbose_name="other themes"),
        ),
        migrations.CreateModel(
            name="HistoricalServiceRequest_edition_themes",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="marketplace.historicalservicerequest",
                    ),
                ),
                (
                    "servicerequest",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="marketplace.servicerequest",
                    ),
                ),
                (
                    "theme",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="preparation.theme",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalServiceRequest_edition_themes",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalServiceRequest_gcm_objectives",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "gcmobjective",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="reference.gcmobjective",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="marketplace.historicalservicerequest",
                    ),
                ),
                (
                    "servicerequest",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="marketplace.servicerequest",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalServiceRequest_gcm_objectives",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalServiceRequest_related_sessions",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="marketplace.historicalservicerequest",
                    ),
                ),
                (
                    "roundtablesession",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="preparation.roundtablesession",
                    ),
                ),
                (
                    "servicerequest",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="marketplace.servicerequest",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalServiceRequest_related_sessions",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalServiceRequest_sdg_targets",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="marketplace.historicalservicerequest",
                    ),
                ),
                (
                    "sdgtarget",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="reference.sdgtarget",
                    ),
                ),
                (
                    "servicerequest",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="marketplace.servicerequest",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalServiceRequest_sdg_targets",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="servicerequest",
            name="gcm_objectives",
            field=models.ManyToManyField(
                blank=True,
                related_name="service_requests",
                to="reference.gcmobjective",
                verbose_name="GCM objectives",
            ),
        ),
        migrations.AddField(
            model_name="servicerequest",
            name="related_sessions",
            field=models.ManyToManyField(
                blank=True,
                related_name="+",
                to="preparation.roundtablesession",
                verbose_name="related roundtable sessions",
            ),
        ),
        migrations.AddField(
            model_name="servicerequest",
            name="sdg_targets",
            field=models.ManyToManyField(
                blank=True,
                related_name="service_requests",
                to="reference.sdgtarget",
                verbose_name="SDG targets",
            ),
        ),
    ]
