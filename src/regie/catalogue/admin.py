from django.contrib import admin

from .models import Category, Product, SupportForm, Tariff


class CategoryInline(admin.TabularInline):
    model = Category
    extra = 0


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "support_form", "variant", "region"]
    list_filter = ["support_form", "variant"]
    inlines = [CategoryInline]


@admin.register(Tariff)
class TariffAdmin(admin.ModelAdmin):
    list_display = ["category", "amount", "valid_from", "valid_to"]
    list_filter = ["category__product"]


admin.site.register(SupportForm)
