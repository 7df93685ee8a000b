using System.Reflection;
using Lockstep.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Lockstep.Analyzers.Tests;

/// <summary>Every rule together: quiet in application code, on where the project says it is training code.</summary>
public class ScopeTests
{
    private const string Violations = """
        using System;
        using System.IO;
        using System.Linq;

        class Job
        {
            private readonly Random jitter = {|LS1001:new Random()|};

            double Delay() => {|LS1002:Random.Shared|}.NextDouble();

            Random Reseeded() => new Random({|LS1004:Environment.TickCount|});

            string Input => {|LS2001:"data/input.csv"|};

            string Latest => {|LS2002:"exports/latest/users.parquet"|};

            string Remote => {|LS2003:"s3://bucket/users.parquet"|};

            string Home => {|LS2004:"/home/ana/users.parquet"|};

            int Shard(string id) => {|LS3001:id.GetHashCode()|} % 8;

            string[] Files(string root) => {|LS3002:Directory.GetFiles(root)|};

            double Total(double[] values) => {|LS3003:values.AsParallel().Sum()|};
        }
        """;

    [Fact]
    public async Task Application_code_gets_no_diagnostic_from_any_rule() =>
        await new AllRules(await TrainingReferences.PlainAsync(), MarkupsRemoved(Violations)).RunAsync();

    [Fact]
    public async Task The_same_code_marked_as_training_code_gets_every_diagnostic() =>
        await new AllRules(await TrainingReferences.PlainAsync(), Violations, "build_property.LockstepTrainingCode = true").RunAsync();

    private static string MarkupsRemoved(string source) =>
        System.Text.RegularExpressions.Regex.Replace(source, @"\{\|LS\d{4}:(.*?)\|\}", "$1");

    /// <summary>A test that runs every Lockstep analyzer at once.</summary>
    private sealed class AllRules : CSharpAnalyzerTest<Lockstep.Analyzers.Rules.UnseededRandomAnalyzer, DefaultVerifier>
    {
        public AllRules(ReferenceAssemblies references, string source, string? globalOption = null)
        {
            ReferenceAssemblies = references;
            TestCode = source;
            TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
            if (globalOption is not null)
            {
                TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\n{globalOption}\n"));
            }
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
            typeof(TrainingCodeAnalyzer).Assembly.GetTypes()
                .Where(type => type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
                .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!);
    }
}
