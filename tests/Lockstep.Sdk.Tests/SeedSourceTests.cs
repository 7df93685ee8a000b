using Lockstep.Core;

namespace Lockstep.Sdk.Tests;

public sealed class SeedSourceTests : IDisposable
{
    private readonly TempRepository repository = new();

    [Fact]
    public void Without_a_variable_or_a_policy_the_seed_is_the_documented_default()
    {
        Assert.Equal(42, TrainingRun.DefaultSeed);
        Assert.Equal(TrainingRun.DefaultSeed, repository.Context().Seed);
    }

    [Fact]
    public void The_policy_seed_is_found_from_a_subdirectory()
    {
        repository.Write("lockstep.yml", "version: 1\nseed: 2024\ngates:\n  - { id: auc, metric: auc, min: 0.7 }\n");
        repository.Directory("src/Train/bin");

        Assert.Equal(2024, repository.Context("src/Train/bin").Seed);
    }

    [Fact]
    public void A_policy_without_a_seed_gives_the_default()
    {
        repository.Write("lockstep.yml", "version: 1\ngates:\n  - { id: auc, metric: auc, min: 0.7 }\n");

        Assert.Equal(TrainingRun.DefaultSeed, repository.Context().Seed);
    }

    [Fact]
    public void The_variable_wins_over_the_policy()
    {
        repository.Write("lockstep.yml", "version: 1\nseed: 2024\ngates:\n  - { id: auc, metric: auc, min: 0.7 }\n");

        Assert.Equal(7, repository.Context(null, ("LOCKSTEP_SEED", " 7 ")).Seed);
    }

    [Fact]
    public void An_empty_variable_counts_as_unset()
    {
        repository.Write("lockstep.yml", "version: 1\nseed: 2024\ngates:\n  - { id: auc, metric: auc, min: 0.7 }\n");

        Assert.Equal(2024, repository.Context(null, ("LOCKSTEP_SEED", "")).Seed);
    }

    [Theory]
    [InlineData("-3")]
    [InlineData("abc")]
    [InlineData("4294967296")]
    public void A_bad_variable_is_an_error_naming_the_variable(string value)
    {
        var error = Assert.Throws<InputException>(() => repository.Context(null, ("LOCKSTEP_SEED", value)).Seed);

        Assert.Equal($"LOCKSTEP_SEED: expected a whole number from 0 to 2147483647, got '{value}'", error.Message);
    }

    [Fact]
    public void A_bad_policy_seed_is_an_error_naming_the_file_and_line()
    {
        var policy = repository.Write("lockstep.yml", "version: 1\n\nseed: twelve\ngates:\n  - { id: auc, metric: auc, min: 0.7 }\n");

        var error = Assert.Throws<InputException>(() => repository.Context().Seed);

        Assert.Equal($"{policy}:3:7: seed: expected a whole number from 0 to 2147483647, got 'twelve'", error.Message);
    }

    [Fact]
    public void A_policy_above_the_git_root_is_not_read()
    {
        using var outer = new TempRepository();
        outer.Write("lockstep.yml", "version: 1\nseed: 5\ngates:\n  - { id: auc, metric: auc, min: 0.7 }\n");
        Directory.Delete(outer.Path(".git"));
        var inner = outer.Directory("inner/.git");

        Assert.Equal(TrainingRun.DefaultSeed, outer.Context("inner").Seed);
        Assert.True(Directory.Exists(inner));
    }

    public void Dispose() => repository.Dispose();
}
