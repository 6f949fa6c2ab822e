import ArgumentParser

// Placeholder: filled in by the ICE sheet reader work (issue 3).
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary", abstract: "Count agreements per model and state in ICE sheets.")
}
