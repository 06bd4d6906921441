"""What municipalities enter or import for monitoring beside the fact layer: the yearly client
experience survey (cliëntervaringsonderzoek Wmo) and the users of general provisions per quarter."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SurveyQuestion(models.TextChoices):
    """The standard statements of the client experience survey (VNG/VWS list, short form; docs/monitoring.md)."""

    KNEW_WHERE_TO_GO = "knew_where_to_go", _("I knew where to go with my request for help")
    HELPED_QUICKLY = "helped_quickly", _("I was helped quickly")
    TAKEN_SERIOUSLY = "taken_seriously", _("The staff member took me seriously")
    SOLVED_TOGETHER = "solved_together", _("The staff member and I looked for solutions together")
    CLIENT_SUPPORT = "client_support_known", _("I was told about free client support")
    SUPPORT_GOOD = "support_good", _("I find the quality of the support good")
    SUPPORT_FITS = "support_fits", _("The support fits my need for help")
    CAN_DO_WHAT_I_WANT = "can_do_what_i_want", _("Through the support I can do the things I want to do better")
    MANAGE_BETTER = "manage_better", _("Through the support I can manage better")
    QUALITY_OF_LIFE = "quality_of_life", _("Through the support I have a better quality of life")


class SurveyResult(models.Model):
    """One statement's result in one municipality in one year: the share that (fully) agreed."""

    municipality = models.ForeignKey("regions.Municipality", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    question = models.CharField(max_length=30, choices=SurveyQuestion.choices)
    agree_percent = models.DecimalField(max_digits=4, decimal_places=1)
    respondents = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["municipality", "year", "question"], name="survey_result_once")]


class GeneralProvisionUsers(models.Model):
    """The users of general provisions (algemene voorzieningen, voorliggend veld) in a municipality in a
    quarter, as the municipality counts them: the shift from specialised to basic support."""

    municipality = models.ForeignKey("regions.Municipality", on_delete=models.CASCADE, related_name="+")
    quarter = models.DateField(help_text="the first day of the quarter")
    users = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["municipality", "quarter"], name="general_provision_once")]


class FigureNote(models.Model):
    """A municipality's short note on an indicator ("new access team since March"): everyone who sees
    that indicator sees it, beside the figure, with who wrote it."""

    MAX_LENGTH = 200

    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="+")
    municipality = models.ForeignKey("regions.Municipality", on_delete=models.CASCADE, related_name="+")
    indicator = models.CharField(max_length=60)
    period = models.CharField(max_length=7, blank=True, help_text="the period it is about: YYYY-MM, YYYY-Qn or YYYY")
    text = models.CharField(max_length=MAX_LENGTH)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["region", "indicator"], name="figure_note_indicator")]
