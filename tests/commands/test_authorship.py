"""Rows a command makes say which command made them, and the pages show it (issue 6 point 2)."""

from django.urls import reverse

from regie.audit.models import AuditRecord
from regie.billing.models import Declaration
from regie.care.models import Allocation
from regie.regions.models import Organisation, OrganisationKind
from tests import factories as f

from .conftest import run

ALLOCATIONS = (
    "reference,bsn,product_code,category,provider_agb,start,end,started_on,stopped_on",
    "00000001,111222333,02A01,1,11110001,2025-01-10,,2025-01-15,",
)
DECLARATIONS = ("provider_agb,reference,month,debit_credit", "11110001,00000001,2025-02,D")


def test_imported_allocations_and_declarations_name_their_command(clients, files):
    run("import-allocations", files.csv("allocations.csv", *ALLOCATIONS))
    run("declare", files.csv("declarations.csv", *DECLARATIONS))
    allocation = Allocation.objects.get(reference="00000001")
    assert [(v.changed_by, v.origin, v.author) for v in allocation.versions.order_by("version")] == [
        (None, "import-allocations", "import-allocations")] * 2
    declaration = Declaration.objects.get()
    assert (declaration.submitted_by, declaration.author) == (None, "declare")
    records = AuditRecord.objects.filter(subject="allocations.import")
    assert [(r.username, r.author) for r in records] == [("system", "import-allocations")]


def test_the_pages_show_the_command_as_author(client, clients, files):
    run("import-allocations", files.csv("allocations.csv", *ALLOCATIONS))
    run("declare", files.csv("declarations.csv", *DECLARATIONS))
    provider = Organisation.objects.get(kind=OrganisationKind.PROVIDER, agb_code="11110001")
    client.force_login(f.actor(provider, "provider_staff").user)
    page = client.get(reverse("care:allocation-detail", args=[Allocation.objects.get().pk]))
    assert page.status_code == 200 and "import-allocations" in page.content.decode()
    page = client.get(reverse("billing:declaration-detail", args=[Declaration.objects.get().pk]))
    assert page.status_code == 200 and "door declare" in page.content.decode()


def test_a_row_made_outside_any_command_or_person_is_the_systems():
    from django.utils.translation import gettext

    from regie.care.models import AllocationVersion
    from regie.core.authorship import acting_as

    assert AllocationVersion().origin == ""
    assert AllocationVersion().author == gettext("system")
    with acting_as("outer"):
        with acting_as("inner"):
            assert AllocationVersion().origin == "inner"
        assert AllocationVersion().author == "outer"
    assert AllocationVersion().origin == ""
