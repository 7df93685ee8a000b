using Lockstep.Core.Contracts;
using Lockstep.Core.Gates;
using Lockstep.Tests.Shared;
using Lockstep.Core.Policy;

namespace Lockstep.Scaffolding.Tests;

/// <summary>Inputs the tests render: the demo's policy and report cards, and the files of the repository.</summary>
internal static class Samples
{
    public static string Read(string relative) => Repository.Read(relative);

    public static GatePolicy DemoPolicy() => PolicyReader.Parse(Read("src/Lockstep.Cli/Demo/lockstep.yml"), "lockstep.yml");

    public static ReportCard Card(string name) => ReportCardReader.Parse(Read($"src/Lockstep.Cli/Demo/{name}"), name);

    public static GateResult GateOn(string candidate) => GateEvaluator.Evaluate(
        DemoPolicy(),
        new CardInput(candidate, Card(candidate)),
        new CardInput("baseline.json", Card("baseline.json")),
        [new InputDigest("policy", "lockstep.yml", new string('0', 64))]);
}
