using Lockstep.Analyzers.Rules;
using Lockstep.Analyzers.Tests.Infrastructure;

namespace Lockstep.Analyzers.Tests.Rules;

public class UnseededSplitAnalyzerTests
{
    [Fact]
    public Task Splits_without_a_seed_on_an_unseeded_context_are_reported() =>
        Verify.Training<UnseededSplitAnalyzer>("""
            using Microsoft.ML;

            class Trainer
            {
                void Run(MLContext given, IDataView data, IEstimator<ITransformer> pipeline)
                {
                    var ml = new MLContext();
                    var split = [|ml.Data.TrainTestSplit(data, testFraction: 0.2)|];
                    var shuffled = [|given.Data.ShuffleRows(data)|];
                    var folds = [|ml.BinaryClassification.CrossValidate(data, pipeline, numberOfFolds: 5)|];
                    var catalog = ml.Data;
                    var sample = [|catalog.BootstrapSample(data)|];
                }
            }
            """).RunAsync();

    [Fact]
    public Task A_seed_argument_or_a_seeded_context_is_enough() =>
        Verify.Training<UnseededSplitAnalyzer>("""
            using Microsoft.ML;

            class Trainer
            {
                private readonly MLContext seeded = new MLContext(seed: 1);

                void Run(MLContext given, IDataView data)
                {
                    var ml = new MLContext(seed: 7);
                    var a = ml.Data.TrainTestSplit(data, testFraction: 0.2);
                    var b = given.Data.CrossValidationSplit(data, seed: 3);
                    var c = seeded.Data.ShuffleRows(data);
                    var d = new MLContext(2).Data.BootstrapSample(data);
                }
            }
            """).RunAsync();

    [Fact]
    public Task A_field_assigned_an_unseeded_context_anywhere_in_its_type_is_not_proof() =>
        Verify.Training<UnseededSplitAnalyzer>("""
            using Microsoft.ML;

            class Trainer
            {
                private MLContext ml = new MLContext(seed: 1);

                void Reset() => ml = new MLContext();

                DataOperationsCatalog.TrainTestData Split(IDataView data) => [|ml.Data.TrainTestSplit(data)|];
            }
            """).RunAsync();

    [Fact]
    public Task A_context_seeded_in_the_constructor_is_proof() =>
        Verify.Training<UnseededSplitAnalyzer>("""
            using Microsoft.ML;

            class Trainer
            {
                private readonly MLContext ml;

                public Trainer(int seed) => ml = new MLContext(seed);

                DataOperationsCatalog.TrainTestData Split(IDataView data) => ml.Data.TrainTestSplit(data);
            }
            """).RunAsync();

    [Fact]
    public Task Top_level_statements_are_checked() =>
        Verify.Training<UnseededSplitAnalyzer>("""
            using Microsoft.ML;

            var ml = new MLContext();
            IDataView data = ml.Data.LoadFromEnumerable(new[] { new Row() });
            var split = [|ml.Data.TrainTestSplit(data)|];

            class Row { public float X { get; set; } }
            """).AsProgram().RunAsync();

    [Fact]
    public Task A_private_method_whose_every_call_passes_a_seeded_context_is_not_reported() =>
        Verify.Training<UnseededSplitAnalyzer>("""
            using Microsoft.ML;

            class ModelBuilder
            {
                private static MLContext mlContext = new MLContext(seed: 1);

                public static void Run(IDataView data, IEstimator<ITransformer> pipeline)
                {
                    Evaluate(mlContext, data, pipeline);
                    Evaluate(new MLContext(seed: 2), data, pipeline);
                    Shuffle(new MLContext(), data);
                    Split(mlContext, data);
                }

                private static void Evaluate(MLContext mlContext, IDataView data, IEstimator<ITransformer> pipeline) =>
                    mlContext.MulticlassClassification.CrossValidate(data, pipeline, numberOfFolds: 5);

                private static IDataView Shuffle(MLContext ml, IDataView data) => [|ml.Data.ShuffleRows(data)|];

                public static DataOperationsCatalog.TrainTestData Split(MLContext ml, IDataView data) => [|ml.Data.TrainTestSplit(data)|];

                private static DataOperationsCatalog.TrainTestData Never(MLContext ml, IDataView data) => [|ml.Data.TrainTestSplit(data)|];
            }
            """).RunAsync();
}

