import ArgumentParser

// Placeholder: filled in by the ICE sheet reader work (issue 3).
struct AgreementsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreements", abstract: "List the normalized agreements of an ICE sheet.")
}
