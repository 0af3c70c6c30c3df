"""The drafter's small word lists: general English and world knowledge, never one article's.

Titles and roles say a person follows; organisation and place words classify a name; countries,
capitals, regions and US states are places; demonyms are adjectives ("Serb forces"), not names.
"""

from __future__ import annotations

# Words that start a sentence capitalized without being a name.
STARTERS = frozenset(
    """a an the this that these those there their they them it its he she his her we our you your
    i my me us however but and or so yet also still then thus meanwhile moreover furthermore
    after before while when where since although though because if as at by for from in into of
    on to with without under over about among between during until upon according no not one
    some many most several all both each every other another such what which who whom whose why
    how last next first second new more other earlier later today yesterday tomorrow tonight
    instead despite including officials police authorities critics experts residents""".split()
)

PRONOUN_STARTS = frozenset("they it he she this these those its their his her we such".split())

# Function words never used as a unit after a number.
FUNCTION_WORDS = frozenset(
    """a an the and or but of to in on at by for from with as is are was were be been being has
    have had will would can could may might must shall should do does did not no than that this
    these those which who whom whose what when where why how it its they them their he she his
    her we our you your i me my per into onto over under after before since until about around
    between among during against through across up down out off more most less least some any
    all each every both either neither other another such only just also very so too then there
    here if while because though although whether nor yet""".split()
)

# Words that may stand between a number and its noun ("5,000 new homes").
NUMBER_ADJECTIVES = frozenset(
    """new more other additional extra young old armed active former further fewer major minor
    small large big full separate different local foreign international american british
    registered confirmed reported estimated known eligible total peacekeeping military civilian
    wounded injured dead missing displaced elderly full-time part-time consecutive straight
    straight consecutive previous prior remaining""".split()
)

# Units written as symbols or short forms: how a prompt writes them.
UNIT_WORDS = {"%": "%", "km": "km", "kg": "kg", "mph": "mph", "°c": "°C", "°f": "°F", "m": "m", "cm": "cm", "mm": "mm"}

CURRENCY = {"$": "dollars", "€": "euros", "£": "pounds", "¥": "yen"}

NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip

SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000}

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan.": 1, "feb.": 2, "aug.": 8, "sept.": 9, "sep.": 9, "oct.": 10, "nov.": 11, "dec.": 12,
}  # fmt: skip

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

# Abbreviations whose full stop ends no sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep rev st jr sr no vs etc inc corp
    ltd co dept fig approx est jan feb mar apr jun jul aug sep sept oct nov dec mt ft univ
    gov't pres maj brig""".split()
)

# Titles before a person's name ("President Vjosa Osmani", "Dr. Jane Doe").
TITLES = frozenset(
    """president vice prime minister secretary chancellor premier governor mayor senator
    representative rep. sen. gov. gen. general colonel col. lieutenant lt. major maj. captain
    capt. sergeant sgt. admiral adm. commander chief director professor prof. dr. dr mr. mr mrs.
    mrs ms. ms judge justice king queen prince princess sheikh pope bishop archbishop cardinal
    ambassador envoy spokesman spokeswoman spokesperson chairman chairwoman chair ceo coach
    lawmaker minister emir sultan president-elect speaker deputy""".split()
)

# Lowercase words that may stand inside a role before a title ("acting President").
ROLE_MODIFIERS = frozenset(
    """acting former interim deputy foreign interior defence defense finance health education
    justice state chief senior top new outgoing incoming then-president vice assistant associate
    lead principal general executive managing""".split()
)

# Nouns that make an apposition a role ("Jane Doe, a spokeswoman for ...").
ROLE_NOUNS = frozenset(
    """president minister secretary chancellor premier governor mayor senator lawmaker leader
    official spokesman spokeswoman spokesperson director chief head chairman chairwoman chair
    professor researcher scientist author analyst economist expert engineer doctor physician
    commander general officer ambassador envoy judge lawyer attorney prosecutor candidate
    founder ceo executive manager coordinator adviser advisor member captain coach student
    teacher resident farmer witness survivor owner worker volunteer activist reporter editor
    astronomer physicist biologist chemist geologist seismologist meteorologist forecaster
    epidemiologist virologist mp representative""".split()
)

# Words that make a name an organisation.
ORG_WORDS = frozenset(
    """command guard force forces army navy police party ministry department agency council
    committee commission university institute organization organisation association union bank
    company corporation corp inc ltd group court parliament assembly congress senate office
    service services federation league foundation center centre authority board network
    observatory laboratory lab hospital school college academy alliance coalition front movement
    club team fund trust society press news times post journal tribunal bureau administration
    directorate cabinet government commission survey programme program mission""".split()
)

# Acronyms that name places, not organisations.
PLACE_ACRONYMS = frozenset({"U.S.", "US", "USA", "U.S.A.", "UK", "U.K.", "UAE", "DRC", "PRC"})

# Last words that make a name a place.
PLACE_WORDS = frozenset(
    """city county province state region district island islands sea ocean river mountains
    mountain valley lake bay strait gulf peninsula desert coast plain plains highlands
    territory republic kingdom emirates street avenue square airport port harbor harbour park
    village town""".split()
)

# Lowercase nouns after which ", Name" is a place ("the capital, Pristina").
PLACE_NOUNS = frozenset("capital city town village province region state county island port district".split())

PLACE_PREPOSITIONS = frozenset(
    "in to from near at across into throughout outside around toward towards inside within off".split()
)

SPEECH_VERBS = frozenset(
    """said says told tells added adds stated explained warned noted wrote argued insisted
    claimed declared announced asked replied recalled acknowledged admitted urged""".split()
)

DEMONYMS = frozenset(
    """serb croat czech thai greek french dutch swiss arab kurd turk bosniak slovak welsh irish
    scots scottish basque pashtun uzbek kazakh tajik sikh hindu muslim christian catholic jewish
    orthodox sunni shia shiite western eastern northern southern central democratic republican
    conservative liberal socialist communist english spanish polish danish swedish finnish
    british""".split()
)
DEMONYM_SUFFIXES = ("an", "ian", "ese", "ish", "ic", "i", "ern")

COUNTRIES = frozenset(
    """Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan
    Bahamas Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia
    Botswana Brazil Brunei Bulgaria Burkina Burundi Cambodia Cameroon Canada Chad Chile China
    Colombia Comoros Congo Croatia Cuba Cyprus Czechia Denmark Djibouti Dominica Ecuador Egypt
    Eritrea Estonia Eswatini Ethiopia Fiji Finland France Gabon Gambia Georgia Germany Ghana
    Greece Grenada Guatemala Guinea Guyana Haiti Honduras Hungary Iceland India Indonesia Iran
    Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Kiribati Kosovo Kuwait
    Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya Liechtenstein Lithuania Luxembourg
    Madagascar Malawi Malaysia Maldives Mali Malta Mauritania Mauritius Mexico Micronesia Moldova
    Monaco Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nauru Nepal Netherlands
    Nicaragua Niger Nigeria Norway Oman Pakistan Palau Palestine Panama Paraguay Peru Philippines
    Poland Portugal Qatar Romania Russia Rwanda Samoa Senegal Serbia Seychelles Singapore
    Slovakia Slovenia Somalia Spain Sudan Suriname Sweden Switzerland Syria Taiwan Tajikistan
    Tanzania Thailand Togo Tonga Tunisia Turkey Türkiye Turkmenistan Tuvalu Uganda Ukraine
    Uruguay Uzbekistan Vanuatu Vatican Venezuela Vietnam Yemen Zambia Zimbabwe Britain England
    Scotland Wales America Greenland""".split()
) | frozenset(
    {
        "United States", "U.S.", "US", "USA", "United Kingdom", "UK", "U.K.", "Great Britain",
        "South Africa", "North Korea", "South Korea", "New Zealand", "Saudi Arabia", "Sri Lanka",
        "El Salvador", "Costa Rica", "Sierra Leone", "South Sudan", "Ivory Coast",
        "Czech Republic", "Dominican Republic", "Central African Republic", "North Macedonia",
        "United Arab Emirates", "UAE", "East Timor", "Papua New Guinea", "Cape Verde",
        "Bosnia and Herzegovina", "Trinidad and Tobago", "Hong Kong", "Puerto Rico",
    }
)  # fmt: skip

CAPITALS_AND_CITIES = frozenset(
    """Kabul Tirana Algiers Luanda Yerevan Canberra Vienna Baku Manama Dhaka Minsk Brussels
    Sarajevo Brasilia Sofia Ottawa Santiago Beijing Bogota Zagreb Havana Nicosia Prague
    Copenhagen Quito Cairo Tallinn Addis Helsinki Paris Tbilisi Berlin Accra Athens Budapest
    Reykjavik Delhi Jakarta Tehran Baghdad Dublin Jerusalem Rome Kingston Tokyo Amman Astana
    Nairobi Pristina Prishtina Kuwait Bishkek Riga Beirut Tripoli Vilnius Skopje Antananarivo
    Kuala Lilongwe Bamako Valletta Chisinau Ulaanbaatar Podgorica Rabat Maputo Windhoek Kathmandu
    Amsterdam Managua Niamey Abuja Oslo Muscat Islamabad Lima Manila Warsaw Lisbon Doha Bucharest
    Moscow Kigali Riyadh Dakar Belgrade Freetown Bratislava Ljubljana Mogadishu Pretoria Seoul
    Pyongyang Madrid Khartoum Stockholm Bern Geneva Zurich Damascus Taipei Dushanbe Dodoma Bangkok
    Tunis Ankara Istanbul Kampala Kyiv Kiev Montevideo Tashkent Caracas Hanoi Sanaa Lusaka Harare
    London Washington Mumbai Shanghai Sydney Melbourne Toronto Montreal Vancouver Chicago Boston
    Houston Dallas Miami Atlanta Seattle Denver Phoenix Philadelphia Detroit Manchester
    Liverpool Birmingham Glasgow Edinburgh Munich Hamburg Frankfurt Milan Naples Barcelona
    Marseille Lyon Osaka Kyoto Karachi Lahore Kolkata Chennai Bangalore Lagos Johannesburg
    Cape Istanbul Dubai Gaza Kharkiv Odesa Mariupol Aleppo Mosul Basra Kandahar Herat
    Brussels Strasbourg Hague Rotterdam Antwerp Gothenburg Krakow Gdansk Thessaloniki Porto
    Seville Valencia Florence Venice Turin Genoa Palermo Naples Bern Basel Lausanne
    Europe Asia Africa Australia Antarctica Balkans Caucasus Sahel Arctic Mediterranean
    Caribbean Scandinavia Siberia Patagonia Amazon Himalayas Alps Andes Pacific Atlantic
    Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii
    Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan
    Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania
    Tennessee Texas Utah Vermont Virginia Wisconsin Wyoming""".split()
) | frozenset(
    {
        "New York", "Los Angeles", "San Francisco", "New Delhi", "Buenos Aires", "Mexico City",
        "Rio de Janeiro", "Sao Paulo", "Kuala Lumpur", "Addis Ababa", "Abu Dhabi", "Tel Aviv",
        "Hong Kong", "Middle East", "Latin America", "North America", "South America",
        "Central Asia", "Southeast Asia", "East Africa", "West Africa", "New Jersey",
        "New Mexico", "New Hampshire", "North Carolina", "South Carolina", "North Dakota",
        "South Dakota", "West Virginia", "Rhode Island", "Washington D.C.", "Cape Town",
        "The Hague", "St. Petersburg", "Western Europe", "Eastern Europe",
    }
)  # fmt: skip

PLACES = COUNTRIES | CAPITALS_AND_CITIES

# Names that are one place written two ways: never a distractor of each other.
ALIASES = (
    frozenset({"u.s.", "us", "usa", "u.s.a.", "united states", "america", "united states of america"}),
    frozenset({"uk", "u.k.", "britain", "united kingdom", "great britain", "england"}),
    frozenset({"un", "u.n.", "united nations"}),
    frozenset({"eu", "e.u.", "european union"}),
    frozenset({"pristina", "prishtina"}),
    frozenset({"kyiv", "kiev"}),
    frozenset({"turkey", "türkiye"}),
)

# Words a question's frame leaves out when it compares sentences.
FRAME_STOPWORDS = FUNCTION_WORDS | frozenset("said says told according also would could".split())
