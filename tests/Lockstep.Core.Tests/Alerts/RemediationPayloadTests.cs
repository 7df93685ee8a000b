using Lockstep.Core.Alerts;

namespace Lockstep.Core.Tests.Alerts;

public class RemediationPayloadTests
{
    [Fact]
    public void The_dispatch_payload_has_the_agreed_fields()
    {
        var payload = RemediationPayload.ClientPayload(AlertTestData.Alert(), "https://github.example.com/o/r/issues/5");

        Assert.Equal(
            """{"report_id":"churn","cause":"drift","verdict":"fail","action":"rollback","drifted":[{"feature":"tenure","psi":0.4},{"feature":"region","psi":0.12}],"run_url":"https://github.example.com/o/r/actions/runs/42","issue_url":"https://github.example.com/o/r/issues/5"}""",
            payload.ToJsonString());
    }

    [Fact]
    public void The_template_parameters_are_strings_with_the_features_most_drifted_first()
    {
        var parameters = RemediationPayload.TemplateParameters(AlertTestData.Alert(), "https://dev.azure.com/f/p/_workitems/edit/9");

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["reportId"] = "churn",
                ["cause"] = "drift",
                ["verdict"] = "fail",
                ["action"] = "rollback",
                ["features"] = "tenure=0.4,region=0.12",
                ["runUrl"] = "https://github.example.com/o/r/actions/runs/42",
                ["workItemUrl"] = "https://dev.azure.com/f/p/_workitems/edit/9",
            },
            parameters);
    }

    [Fact]
    public void Absent_values_are_empty_strings_in_the_template_parameters_and_null_in_the_payload()
    {
        var alert = AlertTestData.Alert(firing: false) with { RunUrl = null, Drifted = [] };

        var parameters = RemediationPayload.TemplateParameters(alert, null);
        var payload = RemediationPayload.ClientPayload(alert, null);

        Assert.Equal(string.Empty, parameters["action"]);
        Assert.Equal(string.Empty, parameters["features"]);
        Assert.Equal(string.Empty, parameters["workItemUrl"]);
        Assert.Null(payload["action"]);
        Assert.Null(payload["issue_url"]);
        Assert.Empty(payload["drifted"]!.AsArray());
    }
}
