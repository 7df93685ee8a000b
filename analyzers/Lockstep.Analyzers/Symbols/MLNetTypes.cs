using Microsoft.CodeAnalysis;

namespace Lockstep.Analyzers.Symbols;

/// <summary>The ML.NET types the rules look for, resolved once per compilation (null when not referenced).</summary>
internal sealed class MLNetTypes
{
    private MLNetTypes(Compilation compilation)
    {
        MLContext = compilation.GetTypeByMetadataName("Microsoft.ML.MLContext");
        DataOperationsCatalog = compilation.GetTypeByMetadataName("Microsoft.ML.DataOperationsCatalog");
        TrainTestData = compilation.GetTypeByMetadataName("Microsoft.ML.DataOperationsCatalog+TrainTestData");
        TrainerCatalogs = Resolve(
            compilation,
            "Microsoft.ML.BinaryClassificationCatalog",
            "Microsoft.ML.MulticlassClassificationCatalog",
            "Microsoft.ML.RegressionCatalog",
            "Microsoft.ML.ClusteringCatalog",
            "Microsoft.ML.RankingCatalog",
            "Microsoft.ML.AnomalyDetectionCatalog");
    }

    public INamedTypeSymbol? MLContext { get; }

    public INamedTypeSymbol? DataOperationsCatalog { get; }

    public INamedTypeSymbol? TrainTestData { get; }

    /// <summary>The catalogs with Evaluate and CrossValidate methods.</summary>
    public ImmutableArray<INamedTypeSymbol> TrainerCatalogs { get; }

    public static MLNetTypes From(Compilation compilation) => new(compilation);

    private static ImmutableArray<INamedTypeSymbol> Resolve(Compilation compilation, params string[] names)
    {
        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in names)
        {
            if (compilation.GetTypeByMetadataName(name) is { } type)
            {
                builder.Add(type);
            }
        }

        return builder.ToImmutable();
    }
}
