"""The data on the pages, read from the database: names and official texts, not interface words."""

from __future__ import annotations

import inspect

from django.contrib.auth import get_user_model

from iwmo import codelists
from regie.billing.forms import UPLOAD_COLUMNS
from regie.billing.imports import DECLARATION_OPTIONAL
from regie.billing.models import Declaration
from regie.catalogue.models import Category, Product, SupportForm
from regie.care.models import Client, Goal
from regie.exchange.models import Message
from regie.regions.models import Municipality, Organisation, Region

from .language import DataPhrases


def codelist_texts() -> set[str]:
    """Every description of every iWmo codelist: the standard's own Dutch texts."""
    texts = set()
    for _, codelist in inspect.getmembers(codelists, inspect.isclass):
        if issubclass(codelist, codelists.Codelijst) and codelist is not codelists.Codelijst:
            texts.update(member.omschrijving for member in codelist)
    return texts


def data_phrases() -> DataPhrases:
    phrases = codelist_texts()
    phrases.update(Region.objects.values_list("name", flat=True))
    phrases.update(Municipality.objects.values_list("name", flat=True))
    phrases.update(Organisation.objects.values_list("name", flat=True))
    phrases.update(SupportForm.objects.values_list("name", flat=True))
    phrases.update(Product.objects.values_list("name", flat=True))
    phrases.update(Category.objects.values_list("name", flat=True))
    for family_name, initials, street, town in Client.objects.values_list("family_name", "initials", "street", "town"):
        phrases.update((family_name, f"{initials} {family_name}", street, town))
    for first, last in get_user_model().objects.values_list("first_name", "last_name"):
        phrases.update((first, last, f"{first} {last}"))
    # What the access officer wrote: the goals of a support plan.
    phrases.update(Goal.objects.values_list("description", flat=True))
    # The columns an upload takes, listed in a refusal: names of the file format, not words.
    phrases.add(", ".join([*UPLOAD_COLUMNS, *DECLARATION_OPTIONAL]))
    # File names as the provider or the operator gave them.
    phrases.update(Declaration.objects.exclude(filename="").values_list("filename", flat=True))
    phrases.update(Message.objects.exclude(filename="").values_list("filename", flat=True))
    # The iWmo rules' findings on received messages: texts of the standard, stored with the message.
    for problems in Message.objects.exclude(problems=[]).values_list("problems", flat=True):
        phrases.update(problem.get("melding", "") for problem in problems)
    return DataPhrases(phrases)
