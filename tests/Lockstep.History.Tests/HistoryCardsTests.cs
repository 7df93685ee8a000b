using Lockstep.Core.History;

namespace Lockstep.History.Tests;

public class HistoryCardsTests
{
    [Fact]
    public async Task A_recorded_card_is_found_by_its_file_digest()
    {
        using var history = new HistoryFolder();
        var card = HistoryFolder.Demo("candidate-pass.json");
        await HistoryWriter.WriteAsync(history.Path, HistoryFacts.Collect([card], new RecordOptions(HistoryFolder.RecordedAt, HistoryFolder.RecordedAt), _ => null), CancellationToken.None);

        var found = await HistoryCards.FindAsync(history.Path, [card.Sha256, new string('0', 64)], CancellationToken.None);

        var stamp = Assert.Single(found).Value;
        Assert.Equal(new CardStamp("churn-classifier", "1.4.0", new DateTimeOffset(2026, 11, 24, 16, 15, 0, TimeSpan.Zero)), stamp);
    }
}
