/// Words that are never terms (design §3): English function words, month and weekday names,
/// and the boilerplate of news pages. Other languages get no list: batch IDF pushes their
/// function words down.
enum StopWords {
    static let table = WordTable((function + " " + calendar + " " + boilerplate).split(separator: " ").map { (String($0), 1) })

    /// Whether a lower-case word is listed.
    static func contains(_ word: some Sequence<UInt8>) -> Bool { table.value(of: word) != 0 }

    private static let function = """
        a about above after again against all also am an and any are as at be because been before being below \
        between both but by can could did do does doing down during each few for from further had has have having he her here \
        hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once \
        only or other our ours ourselves out over own same she should so some such than that the their theirs them themselves \
        then there these they this those through to too under until up very was we were what when where which while who whom why \
        will with would you your yours yourself yourselves us says said whether although though however still even ever every \
        another many much within without upon onto toward towards say new one two via per amid may might must shall yet ago \
        s t d ll ve re m don didn doesn isn wasn aren weren won wouldn couldn shouldn
        """

    private static let calendar = """
        january february march april may june july august september october november december jan feb mar apr jun \
        jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat \
        sun today yesterday tomorrow
        """

    private static let boilerplate = """
        updated update published posted last edt est pdt pst cdt cst gmt bst utc et pt ist aest hkt cet am pm \
        article story news report reports video photos watch read
        """
}
