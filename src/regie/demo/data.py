"""The fixed figures of the demo region, embedded so that a clone works without ../shared.

Every figure names its source; docs/demo.md explains the derivations. Figures marked
"chosen" are not public and were set for the demo.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

REGION_NAME = "Regio Meierij"
CENTRE_CODE = "0796"

# CBS municipality codes, names and populations on about 1 January 2020 (the last year before
# Haaren was split on 2021-01-01; Meierijstad exists since 2017-01-01).
# Source: shared/data/regio-meierij.json (CBS municipality list; CBS population figures).
MUNICIPALITIES = [
    # code, name, population, valid_from, valid_to
    ("0796", "'s-Hertogenbosch", 155113, dt.date(2015, 1, 1), None),
    ("0757", "Boxtel", 30803, dt.date(2015, 1, 1), None),
    ("0788", "Haaren", 14371, dt.date(2015, 1, 1), dt.date(2020, 12, 31)),
    ("0845", "Sint-Michielsgestel", 29203, dt.date(2015, 1, 1), None),
    ("0865", "Vught", 26554, dt.date(2015, 1, 1), None),
    ("1948", "Meierijstad", 81197, dt.date(2017, 1, 1), None),
]
HAAREN_CODE = "0788"
HAAREN_END = dt.date(2020, 12, 31)
# Where Haaren's residents went on 2021-01-01 within the region: Helvoirt and Esch to Vught,
# a small part to Boxtel (Haaren village went to Oisterwijk, Biezenmortel to Tilburg: outside
# the region). Weights chosen for the demo.
HAAREN_SUCCESSORS = [("0865", 4), ("0757", 1)]

# The regional organisation's own yearly costs: not public; chosen for the demo.
REGIONAL_COSTS = {2023: Decimal("1150000.00"), 2024: Decimal("1200000.00"), 2025: Decimal("1200000.00"),
                  2026: Decimal("1250000.00")}

# History: three years of declarations and settled months, ending in the last complete month
# before the reference day 2026-11-23. Fixed so that a seed gives the same region every time.
HISTORY_FIRST = dt.date(2023, 11, 1)
HISTORY_LAST = dt.date(2026, 10, 1)
REFERENCE_DAY = dt.date(2026, 11, 23)
# The providers' traffic goes through the region's inbox as iWmo messages (305, 307, 323) from this day
# on (the last three months: the inbox takes some 30 ms a message); before it, starts, stops and
# declarations go through the services directly (docs/demo.md).
INBOX_FROM = dt.date(2026, 8, 1)
# Contracts and the tariffs of the first Open House round start here (allocations that were
# running when the history begins started from this day on).
CONTRACTS_START = dt.date(2021, 1, 1)

# The catalogue: three support forms, one product each with three categories (zwaarte).
# Monthly tariffs valid from 2021-01-01, derived from public example tariffs in
# shared/data/reference_figures.csv (see docs/demo.md for the arithmetic):
# - begeleiding: Altena pgb per 4 weeks (licht 344.13, midden 1032.39) × 13/12; zwaar chosen
#   as 1.6 × midden;
# - dagbesteding: Westerveld 2023 per dagdeel (35.76 / 46.15 / 65.57) × 4 dagdelen a week × 52/12;
# - kortdurend verblijf: CVDR664762 2022 per etmaal (88.99) × 2 / 4 / 6 etmalen a month.
PRODUCTS = [
    # code, support form (iWmo productcategorie), name, variant, {category: (name, tariff)}
    ("02A01", "02", "Begeleiding individueel", "inspanningsgericht", {
        1: ("Licht", Decimal("372.81")), 2: ("Midden", Decimal("1118.42")), 3: ("Zwaar", Decimal("1789.47"))}),
    ("07A01", "07", "Dagbesteding", "inspanningsgericht", {
        1: ("Licht", Decimal("619.84")), 2: ("Midden", Decimal("799.93")), 3: ("Zwaar", Decimal("1136.55"))}),
    ("04A01", "04", "Kortdurend verblijf", "outputgericht", {
        1: ("2 etmalen per maand", Decimal("177.98")), 2: ("4 etmalen per maand", Decimal("355.96")),
        3: ("6 etmalen per maand", Decimal("533.94"))}),
]

# Yearly indexation (percent) applied with catalogue.services.tariffs_index on 1 January.
# Chosen for the demo in the order of magnitude of the yearly wage and price index for Wmo care.
INDEXATION = {2022: Decimal("2.5"), 2023: Decimal("6.0"), 2024: Decimal("5.5"), 2025: Decimal("4.0"),
              2026: Decimal("3.5")}

# Clients in care at any moment, per 1,000 inhabitants, at scale 1 = one in ten of the national rate
# (CBS StatLine 86050NED, 2024: begeleiding 12 per 1,000). Dagbesteding follows the ratio
# begeleiding : dagbesteding of about 330:115 and 265:130 (CBS 84839NED, Voorst and Stein): 0.4.
# Kortdurend verblijf is rarer: chosen as 0.6 per 1,000 (no public figure found).
DEMO_FRACTION = Decimal("0.1")
RATES_PER_1000 = {"02A01": Decimal("12.0"), "07A01": Decimal("4.8"), "04A01": Decimal("0.6")}
# Mean duration of a care episode in months (not public: chosen), and the category mix.
MEAN_MONTHS = {"02A01": 18, "07A01": 26, "04A01": 10}
CATEGORY_WEIGHTS = {"02A01": (5, 4, 1), "07A01": (3, 5, 2), "04A01": (4, 4, 2)}
# The term of a decision (beschikking) in months; it is extended by a term while care goes on.
DECISION_MONTHS = {"02A01": 24, "07A01": 24, "04A01": 12}
# A share of begeleiding clients also gets dagbesteding (chosen).
COMBINED_SHARE = 0.15

# Providers: fictional names; AGB codes 99xxxxxx and KvK numbers 99xxxxxx are obviously not real.
# name, weight (relative size), products, contract start, contract notice date (or None)
PROVIDERS = [
    ("Stichting Dommelborg Begeleiding", 10, ("02A01", "07A01", "04A01"), dt.date(2021, 1, 1), None),
    ("Zorggroep De Meierij", 9, ("02A01", "07A01", "04A01"), dt.date(2021, 1, 1), None),
    ("Bossche Zorgcoalitie", 8, ("02A01", "07A01"), dt.date(2021, 1, 1), None),
    ("Stichting Het Binnenhuis", 6, ("02A01", "07A01"), dt.date(2021, 1, 1), None),
    ("Dagcentrum De Aa", 5, ("07A01",), dt.date(2021, 1, 1), None),
    ("Thuisbegeleiding Kempenland", 5, ("02A01",), dt.date(2021, 1, 1), None),
    ("Logeerhuis De Pettelaar", 3, ("04A01",), dt.date(2021, 1, 1), None),
    ("Stichting Groene Hart Dagbesteding", 4, ("07A01",), dt.date(2021, 1, 1), None),
    ("Begeleid Leven Vught", 4, ("02A01",), dt.date(2021, 1, 1), None),
    ("Zorgboerderij De Essche Stroom", 3, ("07A01",), dt.date(2021, 1, 1), None),
    ("Ambulant Team Uden-Veghel", 4, ("02A01",), dt.date(2021, 1, 1), None),
    ("Stichting Maasoever Zorg", 4, ("02A01", "04A01"), dt.date(2021, 1, 1), dt.date(2025, 6, 15)),
    ("Werkplaats Schijndel", 3, ("07A01",), dt.date(2021, 1, 1), None),
    ("Samen Thuis Sint-Michielsgestel", 3, ("02A01",), dt.date(2021, 1, 1), None),
    ("Jeroen Begeleidingsdiensten", 3, ("02A01", "07A01"), dt.date(2024, 7, 1), None),
    ("Stichting Brabants Logeren", 2, ("04A01",), dt.date(2025, 1, 1), None),
]
# These providers do not send iWmo messages: they register starts and stops in the portal and upload
# their declarations there as CSV (the rest, the cooperative included, send iWmo messages).
PORTAL_PROVIDERS = ("Werkplaats Schijndel", "Samen Thuis Sint-Michielsgestel", "Zorgboerderij De Essche Stroom")
COOPERATIVE = ("Coöperatie Kleinschalige Zorg Meierij U.A.", ("02A01", "07A01"), dt.date(2021, 1, 1))
COOPERATIVE_MEMBERS = [
    ("Zorg aan Huis Rosmalen", 2), ("Atelier De Dommel", 1), ("Buurtzorg Plus Boxtel", 2),
    ("Dagbesteding 't Klooster", 1), ("Begeleiding Op Maat Berlicum", 1), ("Zorgpraktijk Esch", 1),
    ("Hof van Heeswijk", 1), ("Stichting Ontmoeting Den Dungen", 1),
]

# Names for fictional clients and staff.
FAMILY_NAMES = [
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit",
    "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
    "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs",
    "de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "de Bruin",
    "van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet", "van de Ven", "Hoekstra", "Maas",
    "Verhoeven", "Koster", "van Dam", "van der Wal", "Prins", "Blom", "Huisman", "Peeters", "van Gils",
    "Verhagen", "van Hout", "Kuijpers", "Wouters", "van Erp", "Swinkels", "van Rooij", "Bekkers",
    "van Lieshout", "Coppens", "van Zon", "Timmermans", "Roefs", "van der Aa", "Verbruggen", "Schellekens",
]
FIRST_NAMES = [
    "Anna", "Bram", "Carla", "Daan", "Els", "Frank", "Gerda", "Henk", "Ilse", "Jan", "Karin", "Lars", "Marieke",
    "Noor", "Oscar", "Petra", "Ruud", "Sanne", "Tom", "Ria", "Wim", "Yvonne", "Joost", "Linda", "Mohamed",
    "Fatima", "Sem", "Lotte", "Kees", "Ingrid",
]

# Goals of support plans per life domain (zelfredzaamheidsmatrix).
GOALS = {
    "finances": "Zelf de vaste lasten betalen en schulden niet laten oplopen.",
    "daytime_activities": "Drie dagdelen per week een zinvolle daginvulling hebben.",
    "housing": "Het huis zelfstandig schoon en op orde houden.",
    "domestic_relations": "Minder spanningen thuis; afspraken met de partner nakomen.",
    "mental_health": "Beter omgaan met somberheid en weten wanneer hulp te vragen.",
    "physical_health": "Medicatie op tijd innemen en afspraken bij de huisarts nakomen.",
    "daily_living": "Zelf boodschappen doen en warme maaltijden bereiden.",
    "social_network": "Wekelijks contact met familie of buren onderhouden.",
    "participation": "Deelnemen aan een activiteit in de wijk of vrijwilligerswerk.",
}
