"""Codelijsten van iWmo 3.2, als ``StrEnum``.

GEGENEREERD door ``python -m iwmo.tools.genereer_codelijsten`` uit de enumeraties van
``basisschema.xsd`` (release 3.2, XSD-versie 1.0.0). Niet met de hand wijzigen; een test
vergelijkt deze module met de bron-CSV.

Elk lid is een ``str`` met de code als waarde (``Eenheid.UUR == '04'``) en heeft
``.omschrijving`` met de Nederlandse tekst uit de standaard.
"""

from __future__ import annotations

from enum import StrEnum


class Codelijst(StrEnum):
    """Basis: waarde is de code, ``omschrijving`` de tekst uit de standaard."""

    omschrijving: str

    def __new__(cls, code: str, omschrijving: str) -> Codelijst:
        lid = str.__new__(cls, code)
        lid._value_ = code
        lid.omschrijving = omschrijving
        return lid

    @classmethod
    def omschrijving_van(cls, code: str) -> str | None:
        """Omschrijving bij een code, of ``None`` als de code niet in de lijst staat."""
        try:
            return cls(code).omschrijving
        except ValueError:
            return None


class AanduidingWoonadres(Codelijst):
    """AanduidingWoonadres (NUM061)."""

    AAN_BOORD = 'AB', 'Aan boord'
    BIJ = 'BY', 'Bij'
    TEGENOVER = 'TO', 'Tegenover'
    WOONWAGEN = 'WW', 'Woonwagen'


class AdresSoort(Codelijst):
    """AdresSoort (COD757)."""

    BRP_ADRES = '01', 'BRP-adres'
    CORRESPONDENTIE_ADRES = '02', 'Correspondentie-adres'
    VERBLIJFADRES = '03', 'Verblijfadres'
    TIJDELIJK_VERBLIJFADRES = '04', 'Tijdelijk verblijfadres'


class Communicatievorm(Codelijst):
    """Communicatievorm (COD747)."""

    TOLK_TAAL = '1', 'Tolk taal'
    DOVENTOLK = '2', 'Doventolk'
    DOOFBLINDENTOLK = '3', 'Doofblindentolk'


class DatumGebruik(Codelijst):
    """DatumGebruik (COD170)."""

    DAG_ONBEKEND = '1', 'dag onbekend; alleen maand en jaar gebruiken'
    DAG_EN_MAAND_ONBEKEND = '2', 'dag en maand onbekend; alleen jaar gebruiken'
    DATUM_ONBEKEND = '3', 'dag, maand en jaar onbekend; onbekende datum'


class DebetCredit(Codelijst):
    """DebetCredit (COD043)."""

    CREDIT = 'C', 'Creditbedrag en aantal'
    DEBET = 'D', 'Debetbedrag en aantal'


class Eenheid(Codelijst):
    """Eenheid (WJ756)."""

    MINUUT = '01', 'Minuut'
    UUR = '04', 'Uur'
    ETMAAL = '14', 'Etmaal'
    DAGDEEL = '16', 'Dagdeel (4 uur)'
    STUKS_OUTPUT = '82', 'Stuks (output)'
    EURO = '83', "Euro's"
    STUKS_INSPANNING = '84', 'Stuks (inspanning)'


class Frequentie(Codelijst):
    """Frequentie (WMO757)."""

    PER_DAG = '1', 'Per dag'
    PER_WEEK = '2', 'Per week'
    PER_MAAND = '4', 'Per maand'
    TOTAAL_BINNEN_GELDIGHEIDSDUUR = '6', 'Totaal binnen geldigheidsduur toewijzing'


class Geslacht(Codelijst):
    """Geslacht (COD046)."""

    ONBEKEND = '0', 'Onbekend'
    MANNELIJK = '1', 'Mannelijk'
    VROUWELIJK = '2', 'Vrouwelijk'


class JaNee(Codelijst):
    """JaNee (COD260)."""

    JA = '1', 'Ja'
    NEE = '2', 'Nee'


class JuridischeStatus(Codelijst):
    """JuridischeStatus (WJ232)."""

    RM_VOORLOPIG_VOORTGEZET = '01', 'Rechterlijke machtiging (rm) voorlopig / voortgezette machtiging'
    RM_EIGEN_VERZOEK = '02', 'RM op eigen verzoek'
    RM_VOORWAARDELIJK_ONTSLAG = '03', 'RM met voorwaardelijk ontslag'
    ONDERTOEZICHTSTELLING = '04', 'Onder toezichtstelling (ots)'
    INBEWARINGSTELLING = '05', 'In bewaring stelling (ibs)'
    STRAFRECHTELIJK_TBS = '11', 'Strafrechterlijke justitiele contacten: tbs'
    STRAFRECHTELIJK_OVERIG = '12', 'Strafrechterlijke justitiele contacten: overig'


class LandCode(Codelijst):
    """Landcodes (ISO 3166-1 alfa-2, zoals opgenomen in het basisschema)."""

    AD = 'AD', 'ANDORRA'
    AE = 'AE', 'VERENIGDE ARABISCHE EMIRATEN'
    AF = 'AF', 'AFGHANISTAN'
    AG = 'AG', 'ANTIGUA EN BARBUDA'
    AI = 'AI', 'ANGUILA'
    AL = 'AL', 'ALBANIE'
    AM = 'AM', 'ARMENIE'
    AO = 'AO', 'ANGOLA'
    AQ = 'AQ', 'ANTARTICA'
    AR = 'AR', 'ARGENTINIE'
    AS = 'AS', 'AMERIKAANS-SAMOA'
    AT = 'AT', 'OOSTENRIJK'
    AU = 'AU', 'AUSTRALIE'
    AW = 'AW', 'ARUBA'
    AX = 'AX', 'ÅLANDSEILANDEN'
    AZ = 'AZ', 'AZERBEIDZJAN'
    BA = 'BA', 'BOSNIE EN HERZEGOVINA'
    BB = 'BB', 'BARBADOS'
    BD = 'BD', 'BANGLADESH'
    BE = 'BE', 'BELGIE'
    BF = 'BF', 'BURKINA FASO'
    BG = 'BG', 'BULGARIJE'
    BH = 'BH', 'BAHREIN'
    BI = 'BI', 'BURUNDI'
    BJ = 'BJ', 'BENIN'
    BL = 'BL', 'SAINT BARTHÉLEMY'
    BM = 'BM', 'BERMUDA'
    BN = 'BN', 'BRUNEI'
    BO = 'BO', 'BOLIVIA'
    BQ = 'BQ', 'BONAIRE, SINT EUSTATIUS en SABA'
    BR = 'BR', 'BRAZILIE'
    BS = 'BS', "BAHAMA'S"
    BT = 'BT', 'BHUTAN'
    BV = 'BV', 'BOUVET'
    BW = 'BW', 'BOTSWANA'
    BY = 'BY', 'WIT-RUSLAND'
    BZ = 'BZ', 'BELIZE'
    CA = 'CA', 'CANADA'
    CC = 'CC', 'COCOSEILANDEN'
    CD = 'CD', 'CONGO-KINSHASA'
    CF = 'CF', 'CENTRAAL-AFRIKAANSE REPUBLIEK'
    CG = 'CG', 'CONGO-BRAZZAVILLE'
    CH = 'CH', 'ZWITSERLAND'
    CI = 'CI', 'IVOORKUST'
    CK = 'CK', 'COOKEILANDEN'
    CL = 'CL', 'CHILI'
    CM = 'CM', 'KAMEROEN'
    CN = 'CN', 'CHINA'
    CO = 'CO', 'COLOMBIA'
    CR = 'CR', 'COSTA RICA'
    CU = 'CU', 'CUBA'
    CV = 'CV', 'KAAPVERDIE'
    CW = 'CW', 'CURAÇAO'
    CX = 'CX', 'CHRISTMASEILAND'
    CY = 'CY', 'CYPRUS'
    CZ = 'CZ', 'TSJECHIE'
    DE = 'DE', 'DUITSLAND'
    DJ = 'DJ', 'DJIBOUTI'
    DK = 'DK', 'DENEMARKEN'
    DM = 'DM', 'DOMINICA'
    DO = 'DO', 'DOMINICAANSE REPUBLIEK'
    DZ = 'DZ', 'ALGERIJE'
    EC = 'EC', 'ECUADOR'
    EE = 'EE', 'ESTLAND'
    EG = 'EG', 'EGYPTE'
    EH = 'EH', 'WESTELIJKE SAHARA'
    ER = 'ER', 'ERITREA'
    ES = 'ES', 'SPANJE'
    ET = 'ET', 'ETHIOPIE'
    FI = 'FI', 'FINLAND'
    FJ = 'FJ', 'FIJI'
    FK = 'FK', 'FALKLANDEILANDEN'
    FM = 'FM', 'MICRONESIA'
    FO = 'FO', 'FAERÖER'
    FR = 'FR', 'FRANKRIJK'
    GA = 'GA', 'GABON'
    GB = 'GB', 'VERENIGD KONINKRIJK'
    GD = 'GD', 'GRENADA'
    GE = 'GE', 'GEORGIE'
    GF = 'GF', 'FRANS-GUYANA'
    GG = 'GG', 'GUERNSEY'
    GH = 'GH', 'GHANA'
    GI = 'GI', 'GIBRALTAR'
    GL = 'GL', 'GROENLAND'
    GM = 'GM', 'GAMBIA'
    GN = 'GN', 'GUINEA'
    GP = 'GP', 'GUADELOUPE'
    GQ = 'GQ', 'EQUATORIAAL-GUINEA'
    GR = 'GR', 'GRIEKENLAND'
    GS = 'GS', 'ZUID-GEORGIE EN DE ZUIDELIJKE SANDWICHEILANDEN'
    GT = 'GT', 'GUATEMALA'
    GU = 'GU', 'GUAM'
    GW = 'GW', 'GUINEE-BISSAU'
    GY = 'GY', 'GUYANA'
    HK = 'HK', 'HONGKONG'
    HM = 'HM', 'HEARD EN MCDONALDEILANDEN'
    HN = 'HN', 'HONDURAS'
    HR = 'HR', 'KROATIE'
    HT = 'HT', 'HAÏTI'
    HU = 'HU', 'HONGARIJE'
    ID = 'ID', 'INDONESIE'
    IE = 'IE', 'IERLAND'
    IL = 'IL', 'ISRAEL'
    IM = 'IM', 'ISLE OF MAN'
    IN = 'IN', 'INDIA'
    IO = 'IO', 'BRITS TERRITORIUM IN DE INDISCHE OCEAAN'
    IQ = 'IQ', 'IRAK'
    IR = 'IR', 'IRAN'
    IS = 'IS', 'IJSLAND'
    IT = 'IT', 'ITALIE'
    JE = 'JE', 'JERSEY'
    JM = 'JM', 'JAMAICA'
    JO = 'JO', 'JORDANIE'
    JP = 'JP', 'JAPAN'
    KE = 'KE', 'KENIA'
    KG = 'KG', 'KIRGIZIE'
    KH = 'KH', 'CAMBODJA'
    KI = 'KI', 'KIRIBATI'
    KM = 'KM', 'COMOREN'
    KN = 'KN', 'SAINT KITTS EN NEVIS'
    KP = 'KP', 'NOORD-KOREA'
    KR = 'KR', 'ZUID-KOREA'
    KW = 'KW', 'KOEWEIT'
    KY = 'KY', 'CAYMANEILANDEN'
    KZ = 'KZ', 'KAZACHSTAN'
    LA = 'LA', 'LAOS'
    LB = 'LB', 'LIBANON'
    LC = 'LC', 'SAINT LUCIA'
    LI = 'LI', 'LIECHTENSTEIN'
    LK = 'LK', 'SRI LANKA'
    LR = 'LR', 'LIBERIA'
    LS = 'LS', 'LESOTHO'
    LT = 'LT', 'LITOUWEN'
    LU = 'LU', 'LUXEMBURG'
    LV = 'LV', 'LETLAND'
    LY = 'LY', 'LIBIE'
    MA = 'MA', 'MAROKKO'
    MC = 'MC', 'MONACO'
    MD = 'MD', 'MOLDAVIE'
    ME = 'ME', 'MONTENEGRO'
    MF = 'MF', 'SAINT MARTIN'
    MG = 'MG', 'MADAGASKAR'
    MH = 'MH', 'MARSHALLEILANDEN'
    MK = 'MK', 'MACEDONIE'
    ML = 'ML', 'MALI'
    MM = 'MM', 'MYANMAR'
    MN = 'MN', 'MONGOLIE'
    MO = 'MO', 'MACAU'
    MP = 'MP', 'NOORDELIJKE MARIANEN'
    MQ = 'MQ', 'MARTINIQUE'
    MR = 'MR', 'MAURITANIE'
    MS = 'MS', 'MONTSERRAT'
    MT = 'MT', 'MALTA'
    MU = 'MU', 'MAURITIUS'
    MV = 'MV', 'MALDIVEN'
    MW = 'MW', 'MALAWI'
    MX = 'MX', 'MEXICO'
    MY = 'MY', 'MALEISIE'
    MZ = 'MZ', 'MOZAMBIQUE'
    NA = 'NA', 'NAMIBIE'
    NC = 'NC', 'NIEUW-CALEDONIE'
    NE = 'NE', 'NIGER'
    NF = 'NF', 'NORFOLK'
    NG = 'NG', 'NIGERIA'
    NI = 'NI', 'NICARAGUA'
    NL = 'NL', 'NEDERLAND'
    NO = 'NO', 'NOORWEGEN'
    NP = 'NP', 'NEPAL'
    NR = 'NR', 'NAURU'
    NU = 'NU', 'NIUE'
    NZ = 'NZ', 'NIEUW-ZEELAND'
    OM = 'OM', 'OMAN'
    PA = 'PA', 'PANAMA'
    PE = 'PE', 'PERU'
    PF = 'PF', 'FRANS-POLYNESIE'
    PG = 'PG', 'PAPOEA-NIEUW-GUINEA'
    PH = 'PH', 'FILIPIJNEN'
    PK = 'PK', 'PAKISTAN'
    PL = 'PL', 'POLEN'
    PM = 'PM', 'SAINT-PIERRE EN MIQUELON'
    PN = 'PN', 'PITCAIRNEILANDEN'
    PR = 'PR', 'PUERTO RICO'
    PS = 'PS', 'PALESTIJNSE AUTORITEIT'
    PT = 'PT', 'PORTUGAL'
    PW = 'PW', 'PALAU'
    PY = 'PY', 'PARAGUAY'
    QA = 'QA', 'QATAR'
    RE = 'RE', 'RÉUNION'
    RO = 'RO', 'ROEMENIE'
    RS = 'RS', 'SERVIE'
    RU = 'RU', 'RUSLAND'
    RW = 'RW', 'RWANDA'
    SA = 'SA', 'SAOEDI-ARABIE'
    SB = 'SB', 'SALOMONSEILANDEN'
    SC = 'SC', 'SEYCHELLEN'
    SD = 'SD', 'SOEDAN'
    SE = 'SE', 'ZWEDEN'
    SG = 'SG', 'SINGAPORE'
    SH = 'SH', 'SINT-HELENA'
    SI = 'SI', 'SLOVENIE'
    SJ = 'SJ', 'SPITSBERGEN EN JAN MAYEN'
    SK = 'SK', 'SLOWAKIJE'
    SL = 'SL', 'SIERRA LEONE'
    SM = 'SM', 'SAN MARINO'
    SN = 'SN', 'SENEGAL'
    SO = 'SO', 'SOMALIE'
    SR = 'SR', 'SURINAME'
    SS = 'SS', 'ZUID SOEDAN'
    ST = 'ST', 'SAO TOMÉ EN PRINCIPE'
    SV = 'SV', 'EL SALVADOR'
    SX = 'SX', 'SINT MAARTEN (Nederlands deel)'
    SY = 'SY', 'SYRIE'
    SZ = 'SZ', 'SWAZILAND'
    TC = 'TC', 'TURKS- EN CAICOSEILANDEN'
    TD = 'TD', 'TSJAAD'
    TF = 'TF', 'FRANSE ZUIDELIJKE EN ANTARCTISCHE GEBIEDEN'
    TG = 'TG', 'TOGO'
    TH = 'TH', 'THAILAND'
    TJ = 'TJ', 'TADZJIKISTAN'
    TK = 'TK', 'TOKELAU'
    TL = 'TL', 'OOST-TIMOR'
    TM = 'TM', 'TURKMENISTAN'
    TN = 'TN', 'TUNESIE'
    TO = 'TO', 'TONGA'
    TR = 'TR', 'TURKIJE'
    TT = 'TT', 'TRINIDAD EN TOBAGO'
    TV = 'TV', 'TUVALU'
    TW = 'TW', 'TAIWAN'
    TZ = 'TZ', 'TANZANIA'
    UA = 'UA', 'OEKRAINE'
    UG = 'UG', 'OEGANDA'
    UM = 'UM', 'KLEINE PACIFISCHE EILANDEN VAN DE VERENIGDE STATEN'
    US = 'US', 'VERENIGDE STATEN'
    UY = 'UY', 'URUGUAY'
    UZ = 'UZ', 'OEZBEKISTAN'
    VA = 'VA', 'VATICAANSTAD'
    VC = 'VC', 'SAINT VINCENT EN DE GRENADINES'
    VE = 'VE', 'VENEZUELA'
    VG = 'VG', 'BRITSE MAAGDENEILANDEN'
    VI = 'VI', 'AMERIKAANSE MAAGDENEILANDEN'
    VN = 'VN', 'VIETNAM'
    VU = 'VU', 'VANUATU'
    WF = 'WF', 'WALLIS EN FUTUNA'
    WS = 'WS', 'SAMOA'
    YE = 'YE', 'JEMEN'
    YT = 'YT', 'MAYOTTE'
    ZA = 'ZA', 'ZUID-AFRIKA'
    ZM = 'ZM', 'ZAMBIA'
    ZW = 'ZW', 'ZIMBABWE'


class NaamGebruik(Codelijst):
    """NaamGebruik (COD700)."""

    EIGEN_NAAM = '1', 'Eigen naam'
    NAAM_PARTNER = '2', 'Naam echtgenoot of geregistreerd partner of alternatieve naam'
    NAAM_PARTNER_EIGEN_NAAM = '3', 'Naam echtgenoot of geregistreerd partner gevolgd door eigen naam'
    EIGEN_NAAM_NAAM_PARTNER = '4', 'Eigen naam gevolgd door naam echtgenoot of geregistreerd partner'
    PSEUDONIEM = '5', 'Pseudoniem'
    NIET_NATUURLIJK_PERSOON = '6', 'Niet-natuurlijk persoon'


class ProductCategorie(Codelijst):
    """ProductCategorie (WMO020)."""

    HULP_BIJ_HET_HUISHOUDEN = '01', 'Hulp bij het huishouden'
    BEGELEIDING = '02', 'Begeleiding'
    PERSOONLIJKE_VERZORGING = '03', 'Persoonlijke verzorging'
    KORTDUREND_VERBLIJF = '04', 'Kortdurend verblijf'
    WOONDIENSTEN = '05', 'Woondiensten'
    OVERIGE_ONDERSTEUNING_INDIVIDU = '06', 'Overige ondersteuning gericht op het individu of huishouden/gezin'
    DAGBESTEDING = '07', 'Dagbesteding'
    VERVOERDIENSTEN = '08', 'Vervoerdiensten'
    OVERIGE_GROEPSGERICHTE_ONDERSTEUNING = '09', 'Overige groepsgerichte ondersteuning'
    OVERIGE_MAATWERK_ARRANGEMENTEN = '10', 'Overige maatwerk arrangementen'
    ROLSTOELEN = '11', 'Rolstoelen'
    VERVOERVOORZIENINGEN = '12', 'Vervoervoorzieningen'
    WOONVOORZIENINGEN = '13', 'Woonvoorzieningen'
    OVERIGE_HULPMIDDELEN = '14', 'Overige hulpmiddelen'
    BESCHERMD_WONEN = '15', 'Beschermd wonen'
    OPVANG = '16', 'Opvang'
    SPOEDOPVANG = '17', 'Spoedopvang'
    OVERIGE_BESCHERMD_WONEN_EN_OPVANG = '18', 'Overige beschermd wonen en opvang'


class RedenAfwijzingVerzoek(Codelijst):
    """RedenAfwijzingVerzoek (WJ759)."""

    NIEUWE_AANVRAAG = '1', 'Geen wijziging, maar nieuwe aanvraag'
    PAST_NIET_BINNEN_BUDGET = '2', 'Past niet binnen budget'
    GEEN_CONTRACT = '3', 'Geen contract'
    PAST_NIET_BINNEN_CONTRACT = '4', 'Past niet binnen contract'
    ANDERE_GEMEENTE = '5', 'Andere gemeente'
    STAPELING = '6', 'Stapeling'
    ZORGINHOUDELIJKE_AFKEUR = '7', 'Zorginhoudelijke afkeur'
    WOONPLAATSBEGINSEL = '8', 'Woonplaatsbeginsel'
    LEEFTIJDSGRENS_IS_BEREIKT = '9', 'Leeftijdsgrens is bereikt'


class RedenBeeindiging(Codelijst):
    """RedenBeeindiging (WMO588)."""

    OVERLIJDEN = '02', 'Overlijden'
    VOLGENS_PLAN = '19', 'Levering volgens plan beeindigd'
    TIJDELIJK = '20', 'Levering is tijdelijk beeindigd'
    EENZIJDIG_DOOR_CLIENT = '21', 'Levering is eenzijdig door client beeindigd'
    EENZIJDIG_DOOR_AANBIEDER = '22', 'Levering is eenzijdig door aanbieder beeindigd'
    VOORTIJDIG_IN_OVERLEG = '23', 'Levering is in overeenstemming voortijdig beeindigd'
    VERHUIZING_ANDERE_GEMEENTE = '31', 'Verhuizing naar een andere gemeente'
    DOOR_GEMEENTE = '36', 'Geinitieerd door de gemeente'
    WIJZIGINGSVERZOEK = '37', 'In verband met wijzigingsverzoek'
    OVERSTAP_ANDERE_AANBIEDER = '38', 'Overstap naar andere aanbieder'
    UITSTROOM_ANDER_DOMEIN = '39', 'Uitstroom naar ander domein'


class RedenVerzoek(Codelijst):
    """RedenVerzoek (WJ758)."""

    VERANDERING_CLIENTSITUATIE = '1', 'Verandering clientsituatie'
    WIJZIGING_ZORGPLAN = '2', 'Wijziging zorgplan'


class RedenWijziging(Codelijst):
    """RedenWijziging (WMO002)."""

    ADMINISTRATIEVE_CORRECTIE_VERVALLEN = '01', 'Administratieve correctie (vervallen)'
    CLIENT_OVERLEDEN = '02', 'Client overleden'
    CONTRACTWIJZIGING = '03', 'Contractwijziging'
    HERBEOORDELING_VERLENGING = '04', 'Herbeoordeling: verlenging toewijzing'
    HERBEOORDELING_VERKORTING = '05', 'Herbeoordeling: verkorting toewijzing'
    UITSTROOM_NAAR_ANDER_DOMEIN = '06', 'Uitstroom naar ander domein'
    VERHUIZING_ANDERE_GEMEENTE = '07', 'Verhuizing naar een andere gemeente'
    WIJZIGING_LEVERINGSVORM = '08', 'Wijziging leveringsvorm'
    OVERSTAP_ANDERE_AANBIEDER = '09', 'Overstap naar andere aanbieder'
    NIEUWE_BEKOSTIGINGSSYSTEMATIEK = '10', 'Overgang naar nieuwe bekostigingssystematiek'
    GEMEENTELIJKE_HERINDELING = '11', 'Gemeentelijke herindeling'
    DOOR_AANBIEDER = '12', 'Geinitieerd door de aanbieder'
    VERWIJDERD = '13', 'Verwijderd'
    ADMINISTRATIEVE_CORRECTIE = '14', 'Administratieve correctie'


class RetourCode(Codelijst):
    """Retourcodes (WJ001). Ledennaam = 'R' + code, omdat de omschrijvingen zinnen zijn."""

    R0001 = '0001', 'Bericht is afgekeurd om technische redenen.'
    R0200 = '0200', 'Geen opmerking over deze berichtklasse.'
    R0233 = '0233', 'Berichtklasse is niet beoordeeld.'
    R0611 = '0611', 'Het ingediende tarief komt niet overeen met het contractuele tarief'
    R8001 = '8001', 'Declaratie is volledig toegewezen.'
    R8017 = '8017', 'Van deze credit prestatie is geen debet prestatie bekend.'
    R8021 = '8021', 'Referentienummer prestatie is reeds aangeleverd.'
    R8187 = '8187', 'De prestatie hoort niet bij deze client.'
    R8214 = '8214', 'DeclaratiePeriode is niet de kalendermaand die volgt op voorgaande DeclaratiePeriode terwijl iedere declaratieperiode zorg geleverd is.'
    R8848 = '8848', 'Dagtekening moet gelijk zijn aan of voor de systeemdatum liggen.'
    R9019 = '9019', 'Het regie bericht kan niet gekoppeld worden aan een toewijzing.'
    R9056 = '9056', 'Identificatie moet per berichtsoort uniek zijn voor de verzendende partij.'
    R9063 = '9063', 'Het bericht kan niet verwerkt worden omdat geen eerder bericht ontvangen is.'
    R9069 = '9069', 'Er is geen actueel startbericht met dezelfde sleutel.'
    R9071 = '9071', 'Het eerdere start bericht kan niet verwijderd worden omdat de zorg al beeindigd is'
    R9074 = '9074', 'Er is al een eerder bericht ontvangen met dezelfde sleutel.'
    R9307 = '9307', 'Begindatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing'
    R9308 = '9308', 'Einddatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing'
    R9319 = '9319', 'De ProductPeriode valt niet geheel binnen een DeclaratiePeriode.'
    R9321 = '9321', 'Het ingediende volume overschrijdt het toegewezen volume.'
    R9322 = '9322', 'De som van de ingediende volumes overschrijdt het  toegewezen volume'
    R9326 = '9326', 'De actuele levering is nog niet gestopt met een Stopbericht.'
    R9332 = '9332', 'Toewijzing heeft geen uniek nummer binnen wettelijk domein.'
    R9333 = '9333', 'Declaratienummer is niet uniek'
    R9338 = '9338', 'Niet iedere prestatie in een declaratiebericht is gerelateerd aan een toegewezen product op basis van het toewijzingnummer'
    R9339 = '9339', 'ProductCategorie in de prestatie is niet gelijk aan ProductCategorie in het ToegewezenProduct.'
    R9340 = '9340', 'ProductCode in de Prestatie is niet gelijk aan ProductCode in het ToegewezenProduct.'
    R9341 = '9341', 'Eenheid in de Prestatie past niet bij Eenheid in het ToegewezenProduct'
    R9346 = '9346', "Eenheid is ongelijk is aan waarde 83 (Euro's), maar IngediendBedrag is niet gelijk aan GeleverdVolume vermenigvuldigd met (het onafgeronde) ProductTarief."
    R9347 = '9347', 'ReferentieAanbieder is niet uniek voor de aanbieder binnen het wettelijk domein'
    R9349 = '9349', 'Het VOW bericht bevat niet alle actuele toegewezen producten van de client, hetzij in OngewijzigdProduct, hetzij in TeWijzigenProduct'
    R9350 = '9350', 'OngewijzigdProduct is niet gerelateerd aan een actueel toegewezen product op basis van het toewijzingnummer.'
    R9351 = '9351', 'TeWijzigenProduct is niet gerelateerd aan een actuele toewijzing op basis van ToewijzingNummer.'
    R9355 = '9355', 'ReferentieAanbieder in het antwoordbericht komt niet voor in een eerder verzoek om toewijzing of verzoek om wijziging'
    R9357 = '9357', 'GewensteIngangsdatum is kleiner dan of gelijk aan de dagtekening, maar niet gelijk aan de ingangsdatum van het originele ToegewezenProduct.'
    R9359 = '9359', 'Er is al een toewijzing gestuurd met deze ReferentieAanbieder.'
    R9360 = '9360', 'Er is al een antwoordbericht met deze ReferentieAanbieder, terwijl antwoordbericht in VerzoekAntwoord waarde 2 (aanvraag in onderzoek) heeft.'
    R9361 = '9361', 'Het product komt vaker voor met overlappende zorgperiodes.'
    R9365 = '9365', "Er is al een antwoordbericht met dezelfde ReferentieAanbieder waar VerzoekAntwoord niet de waarde 'Aanvraag in onderzoek' heeft."
    R9366 = '9366', 'ProductReferentie komt niet voor in een Declaratiebericht'
    R9367 = '9367', 'De waarde komt niet overeen met de waarde uit heenbericht met gelijke ProductReferentie'
    R9369 = '9369', 'Budget is meegegeven, maar de som van GeleverdVolume in alle ingediende Prestaties passen niet binnen het toegewezen Budget.'
    R9373 = '9373', 'Budget is gewijzigd, maar GewensteIngangsdatum is niet gelijk aan die in de actuele toewijzing'
    R9374 = '9374', 'Er is al een verzoek onderhanden.'
    R9375 = '9375', 'Omvang is gevuld, terwijl Product in toewijzing met ToewijzingNummer leeg is en Einddatum groter dan 31-12-2020 of leeg is'
    R9379 = '9379', 'ReferentieAanbieder refereert niet naar een verzoek om toewijzing of verzoek om wijziging, is onterecht gevuld'
    R9384 = '9384', 'Declaratie op toewijzing met RedenWijziging "13" (Verwijderd)'
    R9385 = '9385', 'Toewijzing heeft goedgekeurde declaratieregels'
    R9387 = '9387', 'Begindatum van de ProductPeriode is niet eerste dag van de kalendermaand waarop ProductPeriode betrekking heeft en Ingangsdatum van de toewijzing ligt niet later in deze betreffende maand'
    R9388 = '9388', 'Einddatum van de ProductPeriode is niet laatste dag van de kalendermaand waarop ProductPeriode betrekking heeft en Einddatum van de toewijzing ligt niet eerder in deze betreffende maand.'
    R9389 = '9389', 'Deze prestatie heeft een debetprestatie zonder bijbehorende creditprestatie'
    R9390 = '9390', 'Er is al een Prestatie met gelijk ProductReferentie met waarde Credit'
    R9411 = '9411', 'Omvang is leeg, terwijl Code in Product bij de toewijzing met ToewijzingNummer gevuld is.'
    R9412 = '9412', 'Omvang is niet leeg, terwijl Code in Product bij de toewijzing met ToewijzingNummer leeg is en einddatum groter dan 31-12-2020 of leeg is'
    R9413 = '9413', 'StatusAanlevering is waarde 1 of 2 en RedenBeeindiging heeft waarde 20, terwijl er al een ander StopProduct met hetzelfde Bsn, ToewijzingNummer, Begindatum en RedenBeeindiging waarde 20 is.'
    R9414 = '9414', 'Einddatum is niet >= aan Einddatum uit actuele StopProduct met gelijk Bsn, ToewijzingNummer en Begindatum'
    R9415 = '9415', 'Er is al een StopProduct met gelijk Bsn, ToewijzingNummer, Begindatum en RedenBeeindiging <> waarde 20 en StatusAanlevering heeft waarde 1 of 2.'
    RS300 = 'S300', 'Gemeentecode komt niet voor in de lijst van CBS.'
    RS329 = 'S329', 'ProductCode hoort niet bij de ProductCategorie.'


class SoortRelatie(Codelijst):
    """SoortRelatie (COD472)."""

    CURATOR_JURIDISCH = '03', 'Curator (juridisch)'
    FINANCIEEL_GEMACHTIGD = '04', 'Financieel (gemachtigd)'
    FINANCIEEL_TOETSING = '05', 'Financieel (toetsing)'
    LEEFEENHEID = '06', 'Leefeenheid'
    HULPVERLENER = '07', 'Hulpverlener'
    SPECIALIST = '08', 'Specialist'
    ANDERS = '09', 'Anders'
    OUDER = '10', 'Ouder'
    VOOGD = '11', 'Voogd'
    PARTNER = '12', 'Partner/echtgeno(o)t(e)'
    PLEEGOUDER = '13', 'Pleegouder'
    BEWINDVOERDER = '14', 'Bewindvoerder'
    MENTOR = '15', 'Mentor'
    KIND = '16', 'Zoon/dochter'
    FAMILIELID = '17', 'Familielid'
    GEZINSLID = '18', 'Gezinslid'
    BUUR = '19', 'Buur'
    VRIEND_KENNIS = '20', 'Vriend(in)/kennis'
    CLIENTONDERSTEUNER = '21', 'Clientondersteuner'
    HUISARTS = '22', 'Huisarts'
    ERVEN_VAN = '23', 'Erven van'
    WERKGEVER = '24', 'Werkgever'
    WIJKCOACH = '25', 'Wijkcoach'


class StatusAanlevering(Codelijst):
    """StatusAanlevering (COD467)."""

    EERSTE_AANLEVERING = '1', 'Eerste aanlevering'
    GEWIJZIGDE_AANLEVERING = '2', 'Gewijzigde aanlevering'
    VERWIJDEREN_AANLEVERING = '3', 'Verwijderen aanlevering'
    NIET_VAN_TOEPASSING = '9', 'Niet van toepassing (ongewijzigd)'


class TypeVerwijzer(Codelijst):
    """TypeVerwijzer (COD327)."""

    GEMEENTE = '01', 'Gemeente'
    HUISARTS = '02', 'Huisarts'
    JEUGDARTS = '03', 'Jeugdarts'
    GECERTIFICEERDE_INSTELLING = '04', 'Gecertificeerde instelling'
    MEDISCH_SPECIALIST = '05', 'Medisch specialist'
    ZELFVERWIJZER = '06', 'Zelfverwijzer/geen verwijzer'
    JUSTITIE = '08', 'Rechter, Officier van Justitie, functionaris Justitiele jeugdinrichting'


class VerzoekAntwoord(Codelijst):
    """VerzoekAntwoord (WJ760)."""

    VERZOEK_AFGEWEZEN = '1', 'Verzoek afgewezen'
    AANVRAAG_IN_ONDERZOEK = '2', 'Aanvraag in onderzoek'


class WettelijkeVertegenwoordiging(Codelijst):
    """WettelijkeVertegenwoordiging (WJ003)."""

    VOOGDIJ = '06', 'Voogdij'
    BEWINDVOERING = '07', 'Bewindvoering'
    MENTORSCHAP = '08', 'Mentorschap'
    ONDER_CURATELE_STELLING = '09', 'Onder curatele stelling'
    ZAAKWAARNEMING = '10', 'Zaakwaarneming'


# Datatype in het basisschema -> codelijst-klasse.
PER_DATATYPE: dict[str, type[Codelijst]] = {
    'LDT_AanduidingWoonadres': AanduidingWoonadres,
    'LDT_AdresSoort': AdresSoort,
    'LDT_Communicatievorm': Communicatievorm,
    'LDT_DatumGebruik': DatumGebruik,
    'LDT_DebetCredit': DebetCredit,
    'LDT_Eenheid': Eenheid,
    'LDT_Frequentie': Frequentie,
    'LDT_Geslacht': Geslacht,
    'LDT_JaNee': JaNee,
    'LDT_JuridischeStatus': JuridischeStatus,
    'LDT_LandCode': LandCode,
    'LDT_NaamGebruik': NaamGebruik,
    'LDT_ProductCategorie': ProductCategorie,
    'LDT_RedenAfwijzingVerzoek': RedenAfwijzingVerzoek,
    'LDT_RedenBeeindiging': RedenBeeindiging,
    'LDT_RedenVerzoek': RedenVerzoek,
    'LDT_RedenWijziging': RedenWijziging,
    'LDT_RetourCode': RetourCode,
    'LDT_SoortRelatie': SoortRelatie,
    'LDT_StatusAanlevering': StatusAanlevering,
    'LDT_TypeVerwijzer': TypeVerwijzer,
    'LDT_VerzoekAntwoord': VerzoekAntwoord,
    'LDT_WettelijkeVertegenwoordiging': WettelijkeVertegenwoordiging,
}

# Codelijst-klasse -> identificatie van de codelijst in de standaard.
CODELIJST_ID: dict[type[Codelijst], str] = {
    AanduidingWoonadres: 'NUM061',
    AdresSoort: 'COD757',
    Communicatievorm: 'COD747',
    DatumGebruik: 'COD170',
    DebetCredit: 'COD043',
    Eenheid: 'WJ756',
    Frequentie: 'WMO757',
    Geslacht: 'COD046',
    JaNee: 'COD260',
    JuridischeStatus: 'WJ232',
    LandCode: 'COD036',
    NaamGebruik: 'COD700',
    ProductCategorie: 'WMO020',
    RedenAfwijzingVerzoek: 'WJ759',
    RedenBeeindiging: 'WMO588',
    RedenVerzoek: 'WJ758',
    RedenWijziging: 'WMO002',
    RetourCode: 'WJ001',
    SoortRelatie: 'COD472',
    StatusAanlevering: 'COD467',
    TypeVerwijzer: 'COD327',
    VerzoekAntwoord: 'WJ760',
    WettelijkeVertegenwoordiging: 'WJ003',
}
