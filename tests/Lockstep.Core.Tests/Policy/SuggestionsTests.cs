using Lockstep.Core.Policy;

namespace Lockstep.Core.Tests.Policy;

public class SuggestionsTests
{
    [Theory]
    [InlineData("max_regresion", "max_regression")]
    [InlineData("mni", "min")]
    [InlineData("gate", "gates")]
    [InlineData("higher_is_beter", "higher_is_better")]
    public void Suggests_the_key_that_was_meant(string typed, string meant) =>
        Assert.Equal(meant, Suggestions.Closest(typed, ["gates", "min", "max", "max_regression", "higher_is_better"]));

    [Fact]
    public void Suggests_nothing_for_an_unrelated_word() =>
        Assert.Null(Suggestions.Closest("colour", ["min", "max", "metric"]));

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ab", "ba", 1)]
    public void Edit_distance_counts_insertions_deletions_substitutions_and_swaps(string a, string b, int distance) =>
        Assert.Equal(distance, Suggestions.EditDistance(a, b));
}
