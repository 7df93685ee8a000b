using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Lockstep.Benchmarks;

/// <summary>
/// The analyzer benchmark's inputs: a generated project of <see cref="Files"/> files, training code against ML.NET
/// or the same shapes of plain .NET code; and the analyzer sets to run on it.
/// </summary>
internal static class AnalyzerWorkload
{
    public const int Files = 1_000;

    /// <summary>The syntax trees of the project; every tenth training file has findings, the rest are clean.</summary>
    public static IReadOnlyList<SyntaxTree> Sources(bool training)
    {
        var options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        return Enumerable.Range(0, Files)
            .Select(i => CSharpSyntaxTree.ParseText(training ? TrainingFile(i) : PlainFile(i), options, path: $"/project/File{i:D4}.cs"))
            .ToList();
    }

    /// <summary>.NET 8's reference assemblies, with ML.NET's when <paramref name="training"/> (downloaded once into the package cache).</summary>
    public static async Task<IReadOnlyList<MetadataReference>> ReferencesAsync(bool training)
    {
        var assemblies = training
            ? ReferenceAssemblies.Net.Net80.AddPackages([new("Microsoft.ML", "5.0.1")])
            : ReferenceAssemblies.Net.Net80;
        return await assemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).ConfigureAwait(false);
    }

    public static ImmutableArray<DiagnosticAnalyzer> Lockstep() =>
        typeof(global::Lockstep.Analyzers.TrainingCodeAnalyzer).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();

    /// <summary>
    /// The floor of any analyzer built on operations: one that asks for every invocation and does nothing with it,
    /// so the compiler binds every method body for analysis and builds its operation tree.
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> OperationFloor() => [new NoOpOperationAnalyzer()];

    /// <summary>The baseline: one analyzer that registers nothing, so the compiler alone does the work.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Empty() => [new EmptyAnalyzer()];

    /// <summary>Meziantou.Analyzer's analyzers for this Roslyn version, from the restored package.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Meziantou()
    {
        var package = typeof(AnalyzerWorkload).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "MeziantouAnalyzerPackage").Value!;
        var path = Path.Combine(package, "analyzers", "dotnet", "roslyn4.14", "cs", "Meziantou.Analyzer.dll");
        return new AnalyzerFileReference(path, new AssemblyLoader()).GetAnalyzers(LanguageNames.CSharp);
    }

    private static string TrainingFile(int i)
    {
        var findings = i % 10 == 0;
        return string.Create(CultureInfo.InvariantCulture, $$"""
            using System;
            using System.IO;
            using System.Linq;
            using Microsoft.ML;
            using Microsoft.ML.Data;

            namespace Generated.Training;

            public sealed class Row{{i}}
            {
                [LoadColumn(0)] public float Label { get; set; }
                [LoadColumn(1)] public float Feature { get; set; }
                public string Id { get; set; } = "";
            }

            public sealed class Trainer{{i}}
            {
                private const string ModelsFolder = "models";
                private static readonly string ModelPath = Path.Combine(ModelsFolder, "trainer-{{i}}.zip");

                private readonly MLContext ml = new MLContext({{(findings ? "" : "seed: " + i)}});
                private readonly Random random = new Random({{(findings ? "" : i.ToString(CultureInfo.InvariantCulture))}});

                public double Run(string root)
                {
                    var files = Directory.GetFiles(root, "*.csv"){{(findings ? "" : ".OrderBy(p => p, StringComparer.Ordinal).ToArray()")}};
                    var data = ml.Data.LoadFromTextFile<Row{{i}}>(files.Length > 0 ? files[0] : Path.Combine(root, "{{(findings ? "train-" : "part-")}}{{i}}{{(findings ? ".csv" : "")}}"), hasHeader: true);
                    var split = ml.Data.TrainTestSplit(data, testFraction: 0.2, seed: {{i}});
                    var pipeline = ml.Transforms.NormalizeMinMax("Feature")
                        .Append(ml.Transforms.Concatenate("Features", "Feature"))
                        .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression());
                    var model = pipeline.Fit(split.TrainSet);
                    ml.Model.Save(model, data.Schema, ModelPath);
                    var metrics = ml.BinaryClassification.Evaluate(model.Transform(split.{{(findings ? "TrainSet" : "TestSet")}}));
                    return metrics.AreaUnderRocCurve + Jitter() + Bucket("customer-{{i}}");
                }

                private double Jitter()
                {
                    var total = 0.0;
                    for (var k = 0; k < 10; k++)
                    {
                        total += random.NextDouble() * k;
                    }

                    return total / 10;
                }

                private static int Bucket(string id) => {{(findings ? "Math.Abs(id.GetHashCode()) % 10" : "id.Length % 10")}};
            }
            """);
    }

    private static string PlainFile(int i) => string.Create(CultureInfo.InvariantCulture, $$"""
        using System;
        using System.IO;
        using System.Linq;

        namespace Generated.Application;

        public sealed class Row{{i}}
        {
            public float Label { get; set; }
            public float Feature { get; set; }
            public string Id { get; set; } = "";
        }

        public sealed class Service{{i}}
        {
            private readonly Random jitter = new Random();

            public double Run(string root)
            {
                var files = Directory.GetFiles(root, "*.json");
                var rows = files.Select(f => new Row{{i}} { Id = Path.GetFileName(f), Feature = f.Length }).ToList();
                var train = rows.Where(r => r.Id.GetHashCode() % 10 < 8).ToList();
                var mean = train.Count == 0 ? 0 : train.Average(r => r.Feature);
                return mean + Delay() + Bucket("customer-{{i}}");
            }

            private double Delay()
            {
                var total = 0.0;
                for (var k = 0; k < 10; k++)
                {
                    total += jitter.NextDouble() * k;
                }

                return total / 10;
            }

            private static int Bucket(string id) => Math.Abs(id.GetHashCode()) % 10;
        }
        """);

#pragma warning disable RS1001, RS1025, RS1026, RS1036, RS1038, RS1041, RS2008 // a measuring stick, only ever run here
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class NoOpOperationAnalyzer : DiagnosticAnalyzer
    {
        // An analyzer without an enabled rule is skipped by the compiler, so this one has a rule it never reports.
        private static readonly DiagnosticDescriptor Never = new("BENCH001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(_ => { }, OperationKind.Invocation);
        }
    }
#pragma warning restore RS1001, RS1025, RS1026, RS1036, RS1038, RS1041, RS2008

    private sealed class AssemblyLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }

    /// <summary>The baseline: an analyzer that registers nothing.</summary>
#pragma warning disable RS1001, RS1025, RS1026, RS1036, RS1038, RS1041 // deliberately empty, and only ever run here
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class EmptyAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [];

        public override void Initialize(AnalysisContext context)
        {
        }
    }
#pragma warning restore RS1001, RS1025, RS1026, RS1036, RS1038, RS1041
}
