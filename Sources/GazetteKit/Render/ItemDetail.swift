/// How much of an item a message shows; the size budget lowers it from the last item up.
enum ItemDetail: Int, Comparable, Sendable {
    case full, sentence, headline, dropped

    static func < (lhs: ItemDetail, rhs: ItemDetail) -> Bool { lhs.rawValue < rhs.rawValue }
}
