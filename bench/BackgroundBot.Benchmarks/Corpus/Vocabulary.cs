namespace BackgroundBot.Benchmarks.Corpus;

/// <summary>The names, places and phrases the synthetic news is written with: the domain's own vocabulary.</summary>
internal static class Vocabulary
{
    public static readonly string[] Towns =
    [
        "Stepanakert", "Shushi", "Martakert", "Martuni", "Hadrut", "Berdzor", "Kalbajar", "Agdam", "Fuzuli", "Askeran",
        "Khojaly", "Jabrayil", "Zangilan", "Kubatly", "Tartar", "Barda", "Goris", "Kapan", "Sisian", "Vardenis",
    ];

    /// <summary>The other name a town goes by, where it has one; a question may use either.</summary>
    public static readonly Dictionary<string, string> OtherName = new(StringComparer.Ordinal)
    {
        ["Stepanakert"] = "Khankendi",
        ["Shushi"] = "Shusha",
        ["Martakert"] = "Aghdara",
        ["Martuni"] = "Khojavend",
        ["Berdzor"] = "Lachin",
        ["Kalbajar"] = "Karvachar",
    };

    public static readonly string[] Capitals = ["Yerevan", "Baku", "Moscow", "Ankara", "Tehran", "Tbilisi"];

    public static readonly string[] Venues =
    [
        "Moscow", "Brussels", "Washington", "Geneva", "Vienna", "Paris", "Prague", "Bishkek", "Minsk", "Almaty",
        "Tbilisi", "Istanbul", "Tehran", "Sochi", "Granada", "Munich", "Kazan", "Astana", "Key West", "Rambouillet",
    ];

    private static readonly string[] RealVillages =
    [
        "Taghavard", "Karin Tak", "Mataghis", "Talish", "Khramort", "Chldran", "Aknaghbyur", "Sarushen", "Machkalashen",
        "Avetaranots", "Khnushinak", "Karmir Shuka", "Tugh", "Azokh", "Drmbon", "Vank", "Nor Maragha", "Lusadzor",
        "Sos", "Herher", "Kolatak", "Vaghuhas", "Mokhratagh", "Haterk", "Tsaghkashat", "Nngi", "Jraberd", "Sznek",
        "Parukh", "Khachmach", "Dashbulag", "Garakend", "Chanakhchi", "Mets Taghlar", "Togh", "Spitakashen",
    ];

    /// <summary>
    /// Real village names, then made-up ones in the same style: a large archive names thousands of places, and a
    /// corpus that only knew three dozen would make every question about a village ambiguous at 100k passages.
    /// </summary>
    public static readonly string[] Villages = [.. RealVillages, .. MadeUpVillages(1500)];

    /// <summary>Made-up people (first name and surname drawn apart), for quoted officials.</summary>
    public static readonly string[] People = MadeUpPeople(1200);

    public static readonly string[] AidGroups =
    [
        "International Committee of the Red Cross", "World Food Programme", "UNICEF", "UNHCR", "Armenian Red Cross",
        "Azerbaijan Red Crescent", "Caritas", "Medecins Sans Frontieres", "Armenia Fund", "Save the Children",
    ];

    public static readonly string[] Mediators =
    [
        "the OSCE Minsk Group", "the European Union", "Russia", "the United States", "France", "Iran", "Turkey",
        "the Council of Europe", "the United Nations", "Kazakhstan",
    ];

    public static readonly string[] Sources =
    [
        "the Russian Defence Ministry", "the Armenian Foreign Ministry", "the Azerbaijani Defence Ministry",
        "the de facto authorities in Stepanakert", "the OSCE monitoring team", "the ombudsman's office",
        "the European Union Monitoring Mission", "Human Rights Watch", "Amnesty International", "local officials",
    ];

    public static readonly string[] Plans =
    [
        "a phased settlement", "the Madrid Principles", "a package deal", "a common state model", "a land swap",
        "the Kazan document", "new confidence-building measures", "the return of displaced persons",
        "an interim status for the region", "international security guarantees", "a referendum on final status",
        "the withdrawal of forces from seven districts",
    ];

    public static readonly string[] Goods = ["food", "medicine", "fuel", "baby formula", "flour", "insulin", "gas", "electricity"];

    public static readonly string[] Officials =
    [
        "the foreign minister", "the defence minister", "the prime minister", "a government spokesman",
        "the ombudsman", "a senior diplomat", "the deputy foreign minister", "a military spokesman",
    ];

    public static readonly string[] Months =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];

    public static readonly string[] Topics =
    [
        "the status of Nagorno-Karabakh", "the Lachin corridor", "the exchange of prisoners", "border demarcation",
        "the return of refugees", "landmine maps", "the reopening of transport links", "the fate of missing persons",
        "humanitarian access", "the withdrawal of troops", "the protection of cultural heritage", "the peace treaty",
    ];

    public static readonly string[] Units =
    [
        "peacekeepers", "border guards", "observers", "soldiers", "police officers", "deminers", "volunteers",
    ];

    private static string[] MadeUpVillages(int count)
    {
        string[] prefixes = ["", "", "", "Nor ", "Mets ", "Verin ", "Nerkin ", "Yukhari ", "Ashagi ", "Yeni "];
        string[] starts = ["Kar", "Tagh", "Dzor", "Gar", "Sar", "Ash", "Ber", "Kham", "Mur", "Tal", "Ven", "Chan", "Hov", "Dash", "Gul", "Ard", "Kir", "Mar", "Nav", "Zar"];
        string[] middles = ["a", "i", "o", "e", "u", "ag", "ar", "el", "in", "ov"];
        string[] ends = ["shen", "dzor", "kend", "gyugh", "bulag", "li", "ly", "tak", "ashen", "lu", "berd", "van", "aghbyur", "ter", "kar"];
        var random = new Random(1988);
        return Distinct(count, () => prefixes[random.Next(prefixes.Length)] + starts[random.Next(starts.Length)] + middles[random.Next(middles.Length)] + ends[random.Next(ends.Length)]);
    }

    private static string[] MadeUpPeople(int count)
    {
        string[] first = ["Aram", "Anahit", "Davit", "Gohar", "Levon", "Lilit", "Narek", "Ruben", "Siranush", "Tigran", "Arman", "Karine", "Samvel", "Armine", "Hayk",
            "Elnur", "Aysel", "Farid", "Gunel", "Kamran", "Leyla", "Murad", "Nigar", "Orkhan", "Rashad", "Sevinj", "Tural", "Vugar", "Zaur", "Aynur",
            "Pierre", "Claire", "Igor", "Olga", "Michael", "Sarah", "Jan", "Ewa", "Marco", "Anna"];
        string[] last = ["Avetisyan", "Baghdasaryan", "Gasparyan", "Hakobyan", "Karapetyan", "Melikyan", "Nazaryan", "Poghosyan", "Sahakyan", "Tadevosyan", "Vardanyan", "Zakaryan", "Arakelyan", "Danielyan", "Mkrtchyan",
            "Abbasov", "Babayev", "Guliyev", "Hasanov", "Ismayilova", "Jafarov", "Karimova", "Mammadli", "Nasirov", "Rzayev", "Safarova", "Taghiyev", "Valiyev", "Yusifov", "Zeynalov",
            "Dubois", "Lefevre", "Volkov", "Smirnova", "Carter", "Hughes", "Novak", "Kowalska", "Rossi", "Lindqvist"];
        var random = new Random(1991);
        return Distinct(count, () => $"{first[random.Next(first.Length)]} {last[random.Next(last.Length)]}");
    }

    // The first `count` distinct names drawn, in the order drawn (a HashSet's order changes with string hashing,
    // which .NET randomises per process, and the corpus must be the same in every process).
    private static string[] Distinct(int count, Func<string> draw)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var names = new List<string>(count);
        while (names.Count < count)
        {
            var name = draw();
            if (seen.Add(name))
            {
                names.Add(name);
            }
        }

        return [.. names];
    }
}
