@testable import GazetteKit

/// Invented items for the clustering tests: a few stories told by several outlets, stories of the
/// same kind side by side, and unrelated filler so that the batch statistics look like an edition.
enum StoryFixtures {
    static func item(_ id: String, _ title: String, _ lead: String = "") -> StoryItem {
        StoryItem(id: id, title: title, lead: lead)
    }

    /// One wire story with three different headlines.
    static let bridge = [
        item("bridge-1", "Harbour bridge closes after cracks found in main span",
             "Engineers closed the Kessington harbour bridge on Tuesday after inspectors found cracks in its main steel span, the city transport office said."),
        item("bridge-2", "Kessington shuts harbour bridge over structural cracks",
             "The city transport office said the Kessington harbour bridge will stay closed while engineers examine cracks in the main span."),
        item("bridge-3", "Cracks in steel span force closure of Kessington bridge",
             "Inspectors found cracks in the main steel span of the Kessington harbour bridge, and the city closed it to traffic."),
    ]

    /// A story and a later update of it.
    static let strike = [
        item("strike-1", "Lormouth ferry workers begin 48-hour strike",
             "Ferry crews in Lormouth walked out on Monday in a dispute over pay, stranding island commuters."),
        item("strike-2", "Updated: Lormouth ferry strike strands island commuters for second day",
             "The strike by Lormouth ferry crews over pay entered its second day, and island commuters queued for the few boats still running."),
    ]

    /// Two earthquakes in one region with different magnitudes.
    static let quakes = [
        item("quake-a1", "Magnitude 5.6 earthquake strikes off the coast of Veloria",
             "An earthquake of magnitude 5.6 struck off the western coast of Veloria, the national seismic office said. No damage was reported."),
        item("quake-a2", "5.6 magnitude quake shakes western Veloria coast",
             "A magnitude 5.6 earthquake shook the western coast of Veloria; the seismic office reported no damage."),
        item("quake-b1", "Magnitude 6.4 earthquake hits northern Veloria",
             "A magnitude 6.4 earthquake hit northern Veloria, damaging houses in mountain villages, the seismic office said."),
        item("quake-b2", "Strong 6.4 quake damages villages in northern Veloria",
             "The earthquake, of magnitude 6.4, damaged houses in northern Veloria's mountain villages, the seismic office said."),
    ]

    /// Jobless claims of two different weeks.
    static let claims = [
        item("claims-a", "Jobless claims rise to 2.1 million",
             "The labour office said 2.1 million people filed new jobless claims last week."),
        item("claims-b", "Jobless claims climb to 3.8 million",
             "The labour office said 3.8 million people filed new jobless claims last week."),
    ]

    /// Two different events that share their main name, two items each; each event's outlets
    /// agree on a place the other event's never mention.
    static let twins = [
        item("dalbeck-run-1", "Senator Dalbeck announces run for governor",
             "Senator Mara Dalbeck told a rally in Harwick on Saturday she will seek her party's nomination for governor next spring."),
        item("dalbeck-run-2", "Dalbeck enters governor race",
             "Mara Dalbeck, a two-term senator, launched a campaign for governor at a rally in her home town of Harwick."),
        item("dalbeck-storm-1", "Storm damages Senator Dalbeck's family farm",
             "A storm tore the roof off barns on the farm Mara Dalbeck's family runs outside Pellston, the senator's office said."),
        item("dalbeck-storm-2", "Dalbeck farm hit by storm, barns destroyed",
             "Barns on the Dalbeck family farm near Pellston were destroyed when a storm swept through overnight."),
    ]

    /// The same story in Japanese from two outlets (no spaces between words), and unrelated
    /// stories in other languages.
    static let multilingual = [
        item("ja-1", "札幌市で大雪 交通機関に乱れ", "札幌市では記録的な大雪となり、鉄道やバスの運休が相次いだ。"),
        item("ja-2", "札幌市で記録的な大雪、鉄道運休相次ぐ", "記録的な大雪の影響で札幌市内の鉄道とバスに運休が出た。"),
        item("zh-1", "上海股市今日上涨", "上海证券交易所指数收盘上涨百分之二。"),
        item("de-1", "Bundestag beschließt neues Haushaltsgesetz", "Der Bundestag hat am Freitag das Haushaltsgesetz beschlossen."),
        item("ru-1", "В Москве открылась новая станция метро", "Станция стала частью большой кольцевой линии."),
        item("th-1", "กรุงเทพฯ ฝนตกหนัก น้ำท่วมหลายพื้นที่", "ฝนตกหนักทำให้เกิดน้ำท่วม"),
        item("ar-1", "افتتاح معرض الكتاب في القاهرة", "يستمر المعرض أسبوعين"),
    ]

    /// Unrelated stories, one item each.
    static let filler = [
        item("f1", "City council approves new cycling lanes", "The council voted to add cycling lanes along the river road."),
        item("f2", "Museum opens exhibition of medieval maps", "The exhibition shows forty maps lent by private collectors."),
        item("f3", "Local bakery wins national bread award", "Judges praised the rye loaf of a family bakery."),
        item("f4", "School term to start a week later", "Repairs to heating systems delayed the start of the school term."),
        item("f5", "Orchestra announces summer concert series", "The series includes six open-air concerts in the park."),
        item("f6", "Airport adds direct flights to the islands", "Two airlines will fly daily from the regional airport."),
        item("f7", "Hospital opens new children's ward", "The ward has thirty beds and a play room."),
        item("f8", "Football club signs young goalkeeper", "The nineteen-year-old joins on a three-year contract."),
    ]

    /// Everything above as one edition.
    static var edition: [StoryItem] {
        var items: [StoryItem] = bridge
        items += filler.prefix(3)
        items += strike
        items += quakes
        items += claims
        items += filler.suffix(5)
        items += twins
        items += multilingual
        return items
    }
}
