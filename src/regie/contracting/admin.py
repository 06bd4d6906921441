from django.contrib import admin

from .models import Contract


@admin.register(Contract)
class ContractAdmin(admin.ModelAdmin):
    list_display = ["provider", "start", "first_term_end", "end"]
    list_filter = ["region"]
    filter_horizontal = ["products"]
