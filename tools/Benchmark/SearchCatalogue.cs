using IdmPlatform.Contracts;

namespace IdmPlatform.Benchmark;

/// <summary>
/// A made-up catalogue with the shape of a real one: statements in English, French and Spanish drawn from the field's
/// vocabulary with a Zipf-like spread (a few words everywhere, most words rare), "migration" (or its translation) in
/// about half of them, 3,000 speakers, 400 organisations, 120 events over 25 years. The same seed gives the same catalogue.
/// </summary>
internal sealed class SearchCatalogue(int seed)
{
    public static readonly IReadOnlyDictionary<string, string[]> Vocabulary = new Dictionary<string, string[]>
    {
        ["en"] =
        [
            "migration", "migrants", "governance", "dialogue", "pathways", "regular", "rights", "protection", "cooperation", "states",
            "labour", "mobility", "climate", "return", "reintegration", "integration", "communities", "youth", "women", "children",
            "displacement", "borders", "smuggling", "trafficking", "remittances", "diaspora", "data", "evidence", "health", "inclusion",
            "xenophobia", "detention", "alternatives", "family", "reunification", "regularisation", "skills", "recognition", "visas",
            "partnerships", "compact", "objectives", "review", "forum", "implementation", "pledges", "cities", "local", "authorities",
            "humanitarian", "resilience", "adaptation", "disasters", "livelihoods", "recruitment", "ethical", "decent", "work", "wages",
            "consular", "assistance", "identity", "documents", "access", "justice", "services", "education", "language", "training",
            "seasonal", "circular", "agreements", "bilateral", "regional", "processes", "sustainable", "development", "agenda", "poverty",
            "narratives", "public", "discourse", "media", "evidence-based", "policy", "coherence", "whole-of-government", "whole-of-society",
            "caucus", "civil", "society", "trade", "unions", "employers", "private", "sector", "academia", "missing", "deaths", "search",
            "rescue", "sea", "desert", "corridor", "transit", "origin", "destination", "vulnerability", "gender", "disability",
        ],
        ["fr"] =
        [
            "migrations", "migrants", "gouvernance", "dialogue", "voies", "régulières", "droits", "protection", "coopération", "États",
            "travail", "mobilité", "climat", "retour", "réintégration", "intégration", "communautés", "jeunes", "femmes", "enfants",
            "déplacement", "frontières", "trafic", "traite", "envois", "diaspora", "données", "santé", "inclusion", "xénophobie",
            "rétention", "alternatives", "regroupement", "familial", "régularisation", "compétences", "reconnaissance", "visas",
            "partenariats", "pacte", "mondial", "objectifs", "examen", "forum", "mise", "œuvre", "engagements", "villes", "autorités",
            "humanitaire", "résilience", "adaptation", "catastrophes", "recrutement", "éthique", "décent", "salaires", "consulaire",
            "identité", "accès", "justice", "services", "éducation", "formation", "saisonnier", "accords", "bilatéraux", "régionaux",
            "durable", "développement", "pauvreté", "discours", "politique", "cohérence", "société", "civile", "syndicats", "employeurs",
        ],
        ["es"] =
        [
            "migración", "migrantes", "gobernanza", "diálogo", "vías", "regulares", "derechos", "protección", "cooperación", "Estados",
            "trabajo", "movilidad", "clima", "retorno", "reintegración", "integración", "comunidades", "jóvenes", "mujeres", "niños",
            "desplazamiento", "fronteras", "tráfico", "trata", "remesas", "diáspora", "datos", "salud", "inclusión", "xenofobia",
            "detención", "alternativas", "reunificación", "familiar", "regularización", "competencias", "reconocimiento", "visados",
            "alianzas", "pacto", "mundial", "objetivos", "examen", "foro", "aplicación", "compromisos", "ciudades", "autoridades",
            "humanitaria", "resiliencia", "adaptación", "desastres", "contratación", "ética", "decente", "salarios", "consular",
            "identidad", "acceso", "justicia", "servicios", "educación", "formación", "temporal", "acuerdos", "bilaterales", "regionales",
            "sostenible", "desarrollo", "pobreza", "discurso", "política", "coherencia", "sociedad", "civil", "sindicatos", "empleadores",
        ],
    };

    private static readonly string[] FirstNames =
    [
        "Amina", "Carlos", "Sofia", "Kwame", "Ingrid", "Rahul", "Fatou", "Luis", "Mei", "Olga", "Tomás", "Aisha", "Pierre", "Nadia",
        "Joseph", "Elena", "Yusuf", "Grace", "Mateo", "Hana", "Oumar", "Lucía", "Daniel", "Zainab", "Marc", "Priya", "Ivan", "Leila",
        "Samuel", "Camille", "Andrés", "Chloé", "Tariq", "Ana", "Kofi", "Marta", "Jonas", "Salma", "Diego", "Nour",
    ];

    private static readonly string[] LastNames =
    [
        "Diallo", "Mendoza", "Rossi", "Mensah", "Larsen", "Sharma", "Ndiaye", "García", "Chen", "Petrova", "Silva", "Haddad", "Dubois",
        "Farouk", "Okafor", "Kovač", "Demir", "Achieng", "Herrera", "Tanaka", "Traoré", "Morales", "Cohen", "Bello", "Lefèvre", "Iyer",
        "Novak", "Rahimi", "Mwangi", "Moreau", "Castillo", "Bernard", "Aziz", "Pereira", "Boateng", "Jiménez", "Lindqvist", "Saleh",
        "Vargas", "Khalil", "Osei", "Navarro", "Fischer", "Yilmaz", "Ortiz", "Sato", "Keita", "Romero", "Nyambura", "Duarte",
        "Abdi", "Santos", "Hoffmann", "Nasser", "Gómez", "Mbeki", "Laurent", "Rojas", "Kone", "Alves", "Weber", "Ibrahim", "Torres",
        "Banda", "Costa", "Meyer", "Hussein", "Ramos", "Sow", "Cruz", "Kaya", "Moyo", "Flores", "Adeyemi", "Reyes",
    ];

    private static readonly string[] Themes =
    [
        "regular-pathways", "labour-migration", "climate-mobility", "return-and-reintegration", "integration", "children-and-youth",
        "protection", "detention-alternatives", "family-reunification", "data-and-evidence", "health-access", "xenophobia",
        "remittances", "diaspora", "missing-migrants", "trafficking", "smuggling", "local-governance", "global-compact", "gender",
    ];

    private readonly Random _random = new(seed);

    public string[] Speakers { get; } = Enumerable.Range(0, 3_000).Select(i => $"{FirstNames[i % FirstNames.Length]} {LastNames[(i * 7 + i / 40) % LastNames.Length]}{(i >= 3_000 / 2 ? $"-{LastNames[i % 13]}" : string.Empty)}").ToArray();

    private static readonly string[] OrganisationKinds = ["Council", "Network", "Institute", "Coalition", "Centre", "Alliance", "Foundation", "Commission", "Forum", "Association"];

    private static readonly string[] OrganisationFields =
    [
        "Refugee and Migrant Rights", "Labour Mobility", "Human Rights", "Development Cooperation", "Diaspora Affairs", "Child Protection",
        "Climate and Displacement", "Public Health", "Local Government", "Gender Equality", "Legal Aid", "Migration Studies",
    ];

    // Varied names, about one in twelve naming migration itself, as real bodies do.
    public string[] Organisations { get; } = Enumerable.Range(0, 400)
        .Select(i => $"{LastNames[i % LastNames.Length]} {OrganisationKinds[i % OrganisationKinds.Length]} for {OrganisationFields[i / 10 % OrganisationFields.Length]}").ToArray();

    public (string Slug, string Name)[] Events { get; } = Enumerable.Range(0, 120)
        .Select(i => ($"idm-{2001 + (i % 25)}-session-{i}", $"Dialogue session {i} ({2001 + (i % 25)})")).ToArray();

    public StatementView Next(int number)
    {
        var language = _random.Next(10) switch { < 6 => "en", < 8 => "fr", _ => "es" };
        var words = Vocabulary[language];
        var length = _random.Next(18, 45);
        var text = new List<string>(length + 1);
        if (_random.Next(2) == 0)
        {
            text.Add(words[0]);
        }

        for (var i = 0; i < length; i++)
        {
            // Zipf-like: the rank is small most of the time and reaches the end of the list rarely.
            var rank = (int)Math.Floor(Math.Pow(words.Length, _random.NextDouble()));
            text.Add(words[rank]);
        }

        var speaker = _random.Next(Speakers.Length);
        var organisation = _random.Next(Organisations.Length);
        var @event = Events[_random.Next(Events.Length)];
        var year = 2001 + _random.Next(25);
        var themes = new[] { Themes[_random.Next(Themes.Length)], Themes[_random.Next(Themes.Length)] }.Distinct().ToArray();
        var sentence = string.Join(' ', text) + ".";
        return new StatementView(
            $"st_bench_{seed:x}_{number}", _random.Next(3) == 0 ? "intervention" : "quote", char.ToUpperInvariant(sentence[0]) + sentence[1..], language,
            new DateOnly(year, 1 + _random.Next(12), 1 + _random.Next(28)),
            new SpeakerView($"speaker-{speaker}", Speakers[speaker], "Delegate"),
            new OrganisationView($"org-{organisation}", Organisations[organisation], null),
            new EventView(@event.Slug, @event.Name), null, themes, [1 + _random.Next(23)],
            new DocumentRefView($"doc_bench_{seed:x}_{number / 10}", $"Proceedings {number / 10}", null), new PassageView(0, sentence.Length));
    }
}
