/// The words attribution reads: speech verbs, titles, role nouns and the capitalized words that
/// are never part of a name.
enum SpeakerWords {
  /// Finite speech verbs: "…,” Nakatani said / stated Nikkei.
  static let verbs = Set<String>([
    "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "remarked", "noted", "notes",
    "warned", "warns", "emphasized", "emphasised", "highlighted", "asserted", "claimed", "conveyed",
    "explained", "insisted", "insists", "stressed", "argued", "argues", "declared", "announced", "wrote",
    "writes", "commented", "replied", "responded", "answered", "cautioned", "urged", "observed",
    "acknowledged", "admitted", "conceded", "recalled", "continued", "concluded", "asked", "predicted",
    "promised", "vowed", "pledged", "confirmed", "denied", "reported", "reports", "tweeted", "posted",
    "maintained", "complained", "suggested", "estimated", "joked", "shouted", "boasted", "quipped",
    "countered", "charged", "alleged", "agreed", "testified", "pleaded", "pleads", "demanded", "retorted",
    "reiterated", "announces", "adding", "repeated", "disclosed", "revealed", "indicated", "spoke",
  ])

  /// Verbs whose subject is the object's opposite: "said Howard" names the speaker, "told Howard" a
  /// listener.
  static let notInverted = Set<String>(["told", "tells", "asked", "urged", "adding"])

  /// Participles that take the subject of their sentence: "Bush defended the strikes, saying: "…"".
  static let participles = Set<String>([
    "saying", "adding", "stating", "telling", "declaring", "warning", "noting", "explaining", "insisting",
    "arguing", "asking", "stressing", "claiming", "writing", "urging", "vowing", "promising", "calling",
  ])

  /// Words that may stand between a speaker and the speech verb: "Howard also said", "he has said".
  static let auxiliaries = Set<String>([
    "also", "later", "earlier", "then", "has", "had", "have", "would", "will", "previously", "again", "today",
    "yesterday", "recently", "repeatedly", "just", "reportedly", "once", "further", "simply", "had",
    "separately", "last", "night", "tonight", "and", "quickly", "flatly", "angrily", "publicly", "privately",
    "himself", "herself", "however",
  ])

  /// Words of titles that stand before a name ("Prime Minister", "Rear Admiral", "Mr"): the
  /// linker's titles and the ranks and offices of wire copy. The name begins after the last of them.
  static let titles = Set(Matcher.titles.map { String(decoding: $0, as: UTF8.self) }).union([
    "Treasurer", "Sheikh", "Mullah", "Commander", "Colonel", "Lieutenant", "Captain", "Sergeant",
    "Brigadier", "Commodore", "Rear", "Vice", "Deputy", "Acting", "Attorney-General", "Attorney",
    "Inspector", "Detective", "Superintendent", "Constable", "Bishop", "Archbishop", "Father", "Reverend",
    "Rev", "Pope", "Cardinal", "Imam", "Ayatollah", "Marshal", "Corporal", "Maj", "Brig", "Cmdr", "Cdr",
    "Lt-Col", "Lt-Gen", "Maj-Gen", "Brig-Gen", "Secretary-General", "Vice-President", "Magistrate",
    "Coroner", "Prosecutor", "Sheriff", "Officer", "Executive", "Counsel", "Opposition", "Foreign",
    "Defence", "Defense", "Prime", "Health", "Economist", "Analyst", "Broker", "Dealer", "Trader",
    "Spokesperson", "Trade", "Finance", "Interior", "Home", "Immigration",
  ])

  /// Role nouns of descriptions and appositives: "the spokesman", "a western diplomat".
  static let roles = Set<String>([
    "spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "leader", "commander", "chief",
    "official", "officials", "president", "general", "ambassador", "envoy", "lawyer", "attorney", "chairman",
    "director", "head", "governor", "senator", "prosecutor", "judge", "analyst", "diplomat", "source",
    "officer", "colonel", "captain", "sergeant", "brother", "father", "mother", "sister", "son", "daughter",
    "wife", "husband", "relative", "friend", "premier", "treasurer", "admiral", "executive", "economist",
    "dealer", "trader", "witness", "resident", "expert", "adviser", "advisor", "aide", "negotiator",
    "representative", "member", "statement", "report", "mp", "mayor", "manager", "owner", "founder",
    "analysts", "sources", "diplomats", "witnesses", "residents", "experts", "dealers", "traders",
    "soldier", "commissioner", "counsel", "cleric", "mullah", "warlord", "militant", "spokesmen",
  ])

  /// Small words inside names: "Osama bin Laden", "Charles de Gaulle".
  static let particles = Set<String>([
    "bin", "al", "al-", "el", "de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "ibn", "bint",
    "ben", "dos", "das", "del",
  ])

  /// Capitalized words that are never part of a person's name: the linker's function words, and
  /// pronouns, days, months and quantifiers.
  static let notNames = Set(Matcher.functionWords.map { String(decoding: $0, as: UTF8.self) }).union([
    "I", "It", "He", "She", "They", "We", "You", "His", "Her", "Their", "Its", "Our", "My", "Today",
    "Yesterday", "Tomorrow", "Earlier", "Later", "Last", "Next", "Asked", "Speaking", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April",
    "June", "July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr",
    "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Some", "Many", "Most", "Other", "Others",
    "All", "Each", "Every", "Several", "Such", "Another", "Any", "Mr.", "Mrs.", "Ms.", "Dr.", "Who", "Which",
    "Sources", "Officials", "Analysts", "Police", "Witnesses", "Authorities", "Reporters", "Whereas",
  ])

  /// Words that make a capitalized run the name of a place or an organization, not a person.
  static let institutionWords = Set<String>([
    "Alliance", "Council", "Party", "Army", "Force", "Forces", "Ministry", "Department", "Bank", "Union",
    "Nations", "States", "Kingdom", "Republic", "Government", "Office", "Committee", "Commission", "Court",
    "House", "Airport", "Street", "News", "Agency", "Corporation", "Corp", "Company", "Co", "Inc", "Ltd",
    "Group", "International", "University", "Association", "Organisation", "Organization", "Front",
    "Movement", "Command", "Centre", "Center", "Institute", "Service", "Services", "Club", "Times", "Post",
    "Herald", "Radio", "Television", "TV", "Network", "Parliament", "Senate", "Congress", "Assembly",
    "Cabinet", "Police", "Authority", "Board", "Fund", "Federation", "Church", "Hospital", "School",
    "College", "Market", "Exchange", "Airlines", "Airways", "Bureau", "Administration", "Navy", "Guard",
    "Corps", "Brigade", "Division", "Island", "Islands", "River", "Mountains", "Province", "Region", "City",
    "County", "State", "Valley", "Bay", "Sea", "Ocean", "Gulf", "Strait", "East", "West", "North", "South",
    "Middle", "Coast", "Square", "Road", "Palace", "Base", "Camp", "Pass", "Peninsula", "Desert", "Bridge",
    "Harbour", "Harbor", "Park", "Tower", "Towers", "Trade", "Pacific", "Atlantic", "Games", "Cup", "War",
    "Act", "Treaty", "Accord", "Agreement", "Plan", "Project", "Program", "Programme", "New",
    "Saudi", "United", "Northern", "Southern", "Eastern", "Western", "Central", "Great", "Los", "San", "Hong",
    "Sri", "Tel", "Holdings", "Industries", "Motors", "Energy", "Oil", "Petroleum", "Reserve", "Treasury",
    "Secretariat", "Tribunal", "Council", "Foundation", "Trust", "Society", "Institute", "Laboratories",
    "Systems", "Technologies", "Communications", "Broadcasting", "Press", "Journal", "Daily", "Weekly",
    "Channel", "Nine", "Seven", "Ten", "Olympic", "Territory", "Highway", "Mosque", "Prison", "Jail",
  ])

  /// Words that may follow a speaker's name in the clause of attribution: "said Smith in a
  /// statement", "said Smith, who …".
  static let followers = Set<String>([
    "in", "on", "at", "after", "before", "when", "while", "as", "who", "whose", "during", "to", "from", "of",
    "adding", "according", "today", "yesterday", "tonight", "last", "this", "late", "early", "earlier",
    "later", "and", "but", "recently", "also", "told", "said", "says", "with", "without", "by", "for",
    "outside", "inside", "near", "following", "ahead", "upon", "afterwards", "again", "then",
  ])

  /// Words before a capitalized word that make it a place or a thing, not an actor: "ambassador
  /// to Pakistan said".
  static let prepositions = Set<String>([
    "to", "in", "at", "from", "for", "with", "of", "by", "into", "near", "across", "against", "via", "toward",
    "towards", "outside", "inside", "on", "over", "under", "around", "through", "between",
  ])

  /// Determiners that open a description: "the spokesman", "a western diplomat", "one dealer".
  static let determiners = Set<String>([
    "the", "a", "an", "one", "another", "his", "her", "its", "their", "two", "three", "several", "some",
    "other", "many", "most",
  ])
}
