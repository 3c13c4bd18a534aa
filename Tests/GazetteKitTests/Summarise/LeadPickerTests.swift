import Testing
@testable import GazetteKit

@Suite struct SentenceSplitterTests {
    @Test(arguments: [
        ("The U.S. is cautioning its allies. Mr. Smith said so.", ["The U.S. is cautioning its allies.", "Mr. Smith said so."]),
        ("Dr. Who met Prof. X in Jan. 2020. They talked.", ["Dr. Who met Prof. X in Jan. 2020.", "They talked."]),
        ("J. R. R. Tolkien wrote it. It sold well.", ["J. R. R. Tolkien wrote it.", "It sold well."]),
        ("Prices rose 3.5 percent. Wages did not.", ["Prices rose 3.5 percent.", "Wages did not."]),
        ("\"Stop!\" she said. \"Why?\" he asked.", ["\"Stop!\" she said.", "\"Why?\" he asked."]),
        ("He said “it is over.” Then he left.", ["He said “it is over.”", "Then he left."]),
        ("Wait... what happened? Nobody knows.", ["Wait... what happened?", "Nobody knows."]),
        ("It ended at 10 p.m. on Friday.", ["It ended at 10 p.m. on Friday."]),
        ("東京は晴れ。大阪は雨！", ["東京は晴れ。", "大阪は雨！"]),
        ("No terminal punctuation", ["No terminal punctuation"]),
    ])
    func splits(text: String, sentences: [String]) {
        #expect(SentenceSplitter.split(text) == sentences)
    }
}

@Suite struct LeadPickerTests {
    let paragraphs = [
        "By Jane Doe",
        "Updated 9:30 AM",
        "This audio is created with AI assistance",
        "Storm closes harbour",
        "The storm closed the harbour on Sunday. Ferries stayed in port. Mr. Lund, the harbour master, said the quay would reopen on Tuesday at 6 a.m. if the wind drops.",
        "Fishermen moved their boats to the inner basin before noon, and volunteers sandbagged the fish market.",
        "A third paragraph that is never needed.",
    ]

    @Test func skipsFurnitureAndTheHeadlineAndTakesTwoParagraphs() {
        let (lead, source) = LeadPicker().pick(paragraphs: paragraphs, headline: "Storm closes harbour", description: nil)
        #expect(source == .body)
        #expect(lead == [paragraphs[4], paragraphs[5]])
    }

    @Test func trimsToTheBudgetAtASentenceBoundary() {
        let (lead, _) = LeadPicker(paragraphCount: 2, characterBudget: 80).pick(paragraphs: paragraphs, headline: nil, description: nil)
        #expect(lead == ["The storm closed the harbour on Sunday. Ferries stayed in port."])
    }

    @Test func neverCutsTheFirstSentenceNorEndsOnAnAbbreviation() {
        let (lead, _) = LeadPicker(paragraphCount: 1, characterBudget: 10).pick(paragraphs: paragraphs, headline: nil, description: nil)
        #expect(lead == ["The storm closed the harbour on Sunday."])
        let trimmed = LeadPicker(characterBudget: 120).trim([paragraphs[4]])
        #expect(trimmed == ["The storm closed the harbour on Sunday. Ferries stayed in port."])
        #expect(!(trimmed.last?.hasSuffix("Mr.") ?? true))
    }

    @Test func fallsBackToTheDescriptionThenToNothing() {
        #expect(LeadPicker().pick(paragraphs: ["Menu", "Home"], headline: nil, description: "A summary.") == (["A summary."], .description))
        #expect(LeadPicker().pick(paragraphs: [], headline: nil, description: nil) == ([], .none))
    }

    @Test(arguments: [
        "by The Coastal Courier news desk April 27, 2026 9:01 AM 1 min read",
        "Councillor Ada Brennan speaks at the forum on March 1, 2026. (Tom Reyes/ Coastal images via Wire Photos)",
        "Updated Nov. 20, 2026 9:28 AM UTC",
        "LONDON (Reuters) -",
        "April 7, 2024 11:01 AM",
        "Listen to this article",
    ])
    func furniture(text: String) {
        #expect(LeadPicker.isFurniture(text))
    }

    @Test func proseIsNotFurniture() {
        #expect(!LeadPicker.isFurniture("By the end of the week, the council had agreed to keep the ferry running."))
    }
}
