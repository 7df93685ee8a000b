using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Lockstep.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs an analyzer (and a code fix) on sources whose expected diagnostics are marked inline:
/// <c>{|LS1001:new Random()|}</c>, or <c>[|…|]</c> for an analyzer with one rule.
/// </summary>
internal static class Verify
{
    /// <summary>A compilation that references the training libraries and Lockstep.Sdk.</summary>
    public static TrainingTest<TAnalyzer> Training<TAnalyzer>(string source)
        where TAnalyzer : DiagnosticAnalyzer, new() => new(source, TrainingReferences.TrainingAsync);

    /// <summary>A compilation of plain .NET, without the training libraries.</summary>
    public static TrainingTest<TAnalyzer> Application<TAnalyzer>(string source)
        where TAnalyzer : DiagnosticAnalyzer, new() => new(source, TrainingReferences.PlainAsync);

    /// <summary>The fix turns <paramref name="source"/> into <paramref name="fixedSource"/>, one at a time and with Fix All.</summary>
    public static async Task FixAsync<TAnalyzer, TFix>(string source, string fixedSource, Action<SolutionState>? configure = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = await TrainingReferences.TrainingAsync(),
        };
        test.TestState.AdditionalReferences.Add(TrainingReferences.Sdk);
        test.FixedState.AdditionalReferences.Add(TrainingReferences.Sdk);
        test.TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
        configure?.Invoke(test.TestState);
        await test.RunAsync();
    }
}

/// <summary>One analyzer run, configured fluently, then <see cref="RunAsync"/>.</summary>
internal sealed class TrainingTest<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    private readonly CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> test;
    private readonly List<string> globalConfig = [];
    private readonly List<string> editorConfig = [];
    private readonly Func<Task<ReferenceAssemblies>> references;

    public TrainingTest(string source, Func<Task<ReferenceAssemblies>> references)
    {
        this.references = references;
        test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source };
        test.TestState.AdditionalReferences.Add(TrainingReferences.Sdk);
        test.TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
    }

    /// <summary>Sets an MSBuild property the way CompilerVisibleProperty passes it (<c>build_property.Name</c>).</summary>
    public TrainingTest<TAnalyzer> WithBuildProperty(string name, string value)
    {
        globalConfig.Add($"build_property.{name} = {value}");
        return this;
    }

    /// <summary>Sets an .editorconfig option for every C# file.</summary>
    public TrainingTest<TAnalyzer> WithOption(string key, string value)
    {
        editorConfig.Add($"{key} = {value}");
        return this;
    }

    /// <summary>Compiles a program (for top-level statements) rather than a library.</summary>
    public TrainingTest<TAnalyzer> AsProgram()
    {
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return this;
    }

    public TrainingTest<TAnalyzer> WithAdditionalFile(string path, string content)
    {
        test.TestState.AdditionalFiles.Add((path, content));
        return this;
    }

    public TrainingTest<TAnalyzer> WithSource(string path, string content)
    {
        test.TestState.Sources.Add((path, content));
        return this;
    }

    public TrainingTest<TAnalyzer> Expecting(params DiagnosticResult[] diagnostics)
    {
        test.ExpectedDiagnostics.AddRange(diagnostics);
        return this;
    }

    public async Task RunAsync()
    {
        test.ReferenceAssemblies = await references();
        if (globalConfig.Count > 0)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + string.Join("\n", globalConfig) + "\n"));
        }

        if (editorConfig.Count > 0)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + string.Join("\n", editorConfig) + "\n"));
        }

        await test.RunAsync();
    }
}
