"""Functional management of regions and organisations; daily work happens in the screens."""

from django.contrib import admin

from .models import Membership, Municipality, Organisation, Region, RegionalCost


class MunicipalityInline(admin.TabularInline):
    model = Municipality
    extra = 0


class RegionalCostInline(admin.TabularInline):
    model = RegionalCost
    extra = 0


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "centre_municipality", "residence_rule", "partial_month_rule"]
    inlines = [MunicipalityInline, RegionalCostInline]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "agb_code", "kvk_number", "cooperative"]
    list_filter = ["kind", "region"]
    search_fields = ["name", "agb_code", "kvk_number"]
    inlines = [MembershipInline]
