using Lockstep.Core;
using Lockstep.Core.Dora;

namespace Lockstep.AzureDevOps.Tests;

/// <summary>One incident tag for both lanes would count a work item as an incident of each: it is refused.</summary>
public class SharedIncidentTagTests
{
    [Theory]
    [InlineData("incident", "incident", "incident")]
    [InlineData("Incident", "incident ", "incident ")]
    [InlineData("incident", "model-incident", null)]
    public void The_tag_both_lanes_name_is_found_ignoring_case(string code, string model, string? shared) =>
        Assert.Equal(shared, new DeliverySourceSettings { Since = DateTimeOffset.MinValue, IncidentTags = new Dictionary<Lane, string> { [Lane.Code] = code, [Lane.Model] = model } }.SharedIncidentTag);

    [Fact]
    public void The_task_refuses_one_tag_for_both_lanes_in_one_line()
    {
        var error = Assert.Throws<InputException>(() => AzureTaskInputs.FromEnvironment(new Dictionary<string, string>
        {
            ["INPUT_CANDIDATE"] = "c.json",
            ["INPUT_DORASOURCE"] = "azure-devops",
            ["INPUT_MODELENVIRONMENTS"] = "model-production",
            ["INPUT_CODEINCIDENTTAG"] = "incident",
            ["INPUT_MODELINCIDENTTAG"] = "Incident",
        }));

        Assert.Equal("task inputs: modelIncidentTag: 'Incident' is codeIncidentTag too: a work item with it would be an incident of both lanes; give each lane its own tag", error.Message);
    }
}
