"""Print every registered ModelAdmin and the options that matter for usability/perf.

Run with:  python manage.py shell < scripts/list_admin_models.py
"""
from django.contrib import admin
from django.db import models

OPTIONS = (
    "list_display",
    "list_filter",
    "search_fields",
    "list_select_related",
    "raw_id_fields",
    "autocomplete_fields",
    "readonly_fields",
    "show_full_result_count",
    "list_per_page",
)


def related_in_list_display(model, model_admin):
    names = []
    for entry in model_admin.list_display:
        if not isinstance(entry, str):
            continue
        try:
            field = model._meta.get_field(entry)
        except Exception:
            continue
        if isinstance(field, (models.ForeignKey, models.OneToOneField)):
            names.append(entry)
    return names


def main():
    registry = sorted(admin.site._registry.items(), key=lambda kv: kv[0]._meta.label)
    warnings = 0
    for model, model_admin in registry:
        print(f"== {model._meta.label} ({type(model_admin).__name__})")
        for opt in OPTIONS:
            value = getattr(model_admin, opt, None)
            print(f"   {opt:24} {value!r}")
        related = related_in_list_display(model, model_admin)
        if related and not model_admin.list_select_related:
            warnings += 1
            print(f"   !! related fields in list_display without list_select_related: {related}")
        for fk in getattr(model_admin, "autocomplete_fields", ()):
            target = model._meta.get_field(fk).related_model
            target_admin = admin.site._registry.get(target)
            if target_admin is None or not target_admin.search_fields:
                warnings += 1
                print(f"   !! autocomplete on {fk} but {target._meta.label} admin has no search_fields")
        print()
    print(f"{len(registry)} model admins, {warnings} warning(s)")


main()
