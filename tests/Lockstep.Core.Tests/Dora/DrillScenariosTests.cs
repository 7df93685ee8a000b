using Lockstep.Core.Dora;

namespace Lockstep.Core.Tests.Dora;

public class DrillScenariosTests
{
    [Theory]
    [InlineData("feature-store", true)]
    [InlineData("model-registry", true)]
    [InlineData("training-cluster", true)]
    [InlineData("Feature-Store", false)]
    [InlineData("feature_store", false)]
    [InlineData("", false)]
    public void Only_the_three_scenarios_spelt_exactly_are_known(string scenario, bool known)
    {
        Assert.Equal(known, DrillScenarios.IsKnown(scenario));
    }

    [Fact]
    public void The_scenarios_are_in_the_order_they_are_drilled_and_named_in_messages()
    {
        Assert.Equal(["feature-store", "model-registry", "training-cluster"], DrillScenarios.All);
        Assert.Equal("feature-store, model-registry or training-cluster", DrillScenarios.Expected);
    }
}
