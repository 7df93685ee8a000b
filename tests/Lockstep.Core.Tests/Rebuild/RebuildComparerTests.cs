using Lockstep.Core.Contracts;
using Lockstep.Core.Rebuild;
using static Lockstep.Core.Tests.Rebuild.RebuildCards;

namespace Lockstep.Core.Tests.Rebuild;

public class RebuildComparerTests
{
    [Fact]
    public void The_same_card_is_identical()
    {
        var check = Check(Registered with { Model = Registered.Model with { Version = "1.4.1" }, Run = Registered.Run! with { Repository = "fork/churn" } });

        Assert.Equal((RebuildVerdict.Identical, "identical"), (check.Verdict, check.Summary));
        Assert.Empty(check.Differences);
        Assert.Empty(check.CannotTell);
        Assert.Equal(["registered", "rebuilt"], check.Inputs.Select(i => i.Role));
    }

    [Fact]
    public void A_different_seed_is_named_with_both_values()
    {
        var check = Check(Registered with { Run = Registered.Run! with { Seed = 7 } });

        Assert.Equal(["run.seed: 42 registered, 7 rebuilt"], Messages(check));
        Assert.Equal((RebuildVerdict.Differs, "differs (1 difference)"), (check.Verdict, check.Summary));
        Assert.Equal(new RebuildDifference { Kind = RebuildDifferenceKind.Run, Subject = "run.seed", Registered = "42", Rebuilt = "7", Message = "run.seed: 42 registered, 7 rebuilt" }, check.Differences[0]);
    }

    [Fact]
    public void A_seed_missing_from_the_rebuilt_card_differs()
    {
        Assert.Equal(["run.seed: missing from the rebuilt card"], Messages(Check(Registered with { Run = Registered.Run! with { Seed = null } })));
    }

    [Fact]
    public void A_different_commit_differs_and_its_letter_case_does_not()
    {
        var other = Check(Registered with { Run = Registered.Run! with { Commit = "fedcba9876543210fedcba9876543210fedcba98" } });
        var upper = Check(Registered with { Run = Registered.Run! with { Commit = Registered.Run.Commit!.ToUpperInvariant() } });

        Assert.Equal(["run.commit: 0123456789abcdef0123456789abcdef01234567 registered, fedcba9876543210fedcba9876543210fedcba98 rebuilt"], Messages(other));
        Assert.Equal(RebuildVerdict.Identical, upper.Verdict);
    }

    [Fact]
    public void A_rebuilt_card_without_a_run_differs_by_its_commit_and_seed()
    {
        var check = Check(Registered with { Run = null });

        Assert.Equal(["run.commit: missing from the rebuilt card", "run.seed: missing from the rebuilt card"], Messages(check));
        Assert.Equal("differs (2 differences)", check.Summary);
    }

    [Fact]
    public void A_registered_card_without_a_commit_cannot_tell()
    {
        var check = Check(Registered with { Run = Registered.Run! with { Commit = null } }, Registered);

        Assert.Equal(RebuildVerdict.CannotTell, check.Verdict);
        Assert.Equal("cannot tell: run.commit: missing from the registered card", check.Summary);
    }

    [Fact]
    public void Cannot_tell_wins_over_differences_and_lists_every_reason()
    {
        var registered = Registered with { Run = null, Datasets = [] };

        var check = Check(registered, Registered with { Run = Registered.Run! with { Seed = 1 } });

        Assert.Equal(RebuildVerdict.CannotTell, check.Verdict);
        Assert.Equal(["run.commit: missing from the registered card", "datasets: no data pin in the registered card"], check.CannotTell);
        Assert.Equal("cannot tell: run.commit: missing from the registered card; datasets: no data pin in the registered card", check.Summary);
        Assert.NotEmpty(check.Differences);
    }

    [Fact]
    public void A_different_model_name_or_task_differs()
    {
        var check = Check(Registered with { Model = new ModelInfo { Name = "fraud", Version = "1.4.0", Task = "regression" } });

        Assert.Equal(["model.name: churn registered, fraud rebuilt", "model.task: binary-classification registered, regression rebuilt"], Messages(check));
    }

    [Theory]
    [InlineData(-1e-9)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_tolerance_that_is_negative_or_not_finite_is_refused(double tolerance)
    {
        Assert.Throws<ArgumentOutOfRangeException>(nameof(tolerance), () => Check(Registered, tolerance));
    }
}
