using System.Collections.Immutable;
using Lockstep.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Lockstep.Analyzers.Rules;

/// <summary>LS1001: <c>new Random()</c> without a seed.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnseededRandomAnalyzer : TrainingCodeAnalyzer
{
    /// <summary>The diagnostic property that carries the stream name the fix passes to TrainingRun.Random.</summary>
    public const string StreamProperty = "stream";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnseededRandom);

    protected override void OnTrainingCompilationStart(CompilationStartAnalysisContext context)
    {
        if (context.Compilation.GetTypeByMetadataName("System.Random") is not { } random)
        {
            return;
        }

        context.RegisterOperationAction(
            operation =>
            {
                var creation = (IObjectCreationOperation)operation.Operation;
                if (creation.Arguments.Length != 0 || !SymbolEqualityComparer.Default.Equals(creation.Type, random))
                {
                    return;
                }

                var stream = AssignedName.Of(creation) ?? "random";
                operation.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.UnseededRandom,
                    creation.Syntax.GetLocation(),
                    ImmutableDictionary<string, string?>.Empty.Add(StreamProperty, stream),
                    stream));
            },
            OperationKind.ObjectCreation);
    }
}
