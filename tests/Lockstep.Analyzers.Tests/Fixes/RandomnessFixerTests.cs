using Lockstep.Analyzers.CodeFixes.Rules;
using Lockstep.Analyzers.Rules;
using Lockstep.Analyzers.Tests.Infrastructure;

namespace Lockstep.Analyzers.Tests.Fixes;

public class UnseededRandomFixerTests
{
    [Fact]
    public Task Each_Random_becomes_a_TrainingRun_stream_named_after_its_variable() =>
        Verify.FixAsync<UnseededRandomAnalyzer, UnseededRandomFixer>("""
            using System;

            class Trainer
            {
                private readonly Random shuffler = [|new Random()|];

                void Run()
                {
                    var dropout = [|new Random()|];
                    Random noise;
                    noise = [|new()|];
                }
            }
            """, """
            using System;
            using Lockstep.Sdk;

            class Trainer
            {
                private readonly Random shuffler = TrainingRun.Random("shuffler");

                void Run()
                {
                    var dropout = TrainingRun.Random("dropout");
                    Random noise;
                    noise = TrainingRun.Random("noise");
                }
            }
            """);
}

public class UnseededMLContextFixerTests
{
    [Fact]
    public Task The_context_is_seeded_with_TrainingRun_Seed() =>
        Verify.FixAsync<UnseededMLContextAnalyzer, UnseededMLContextFixer>("""
            using Lockstep.Sdk;
            using Microsoft.ML;

            class Trainer
            {
                private readonly MLContext a = [|new MLContext()|];
                private readonly MLContext b = [|new MLContext(seed: null)|];
                private readonly MLContext c = [|new()|];
            }
            """, """
            using Lockstep.Sdk;
            using Microsoft.ML;

            class Trainer
            {
                private readonly MLContext a = new MLContext(seed: TrainingRun.Seed);
                private readonly MLContext b = new MLContext(seed: TrainingRun.Seed);
                private readonly MLContext c = new(seed: TrainingRun.Seed);
            }
            """);
}

public class EntropySeedFixerTests
{
    [Fact]
    public Task Clock_seeds_become_TrainingRun_Seed() =>
        Verify.FixAsync<EntropySeedAnalyzer, EntropySeedFixer>("""
            using System;
            using Microsoft.ML;
            using Microsoft.ML.Transforms;
            using static TorchSharp.torch;

            class Trainer
            {
                void Run()
                {
                    var random = new Random([|Environment.TickCount|]);
                    var ml = new MLContext(seed: [|DateTime.Now.Millisecond|]);
                    manual_seed([|DateTime.UtcNow.Ticks|]);
                    var hashing = new HashingEstimator.ColumnOptions("h", "x") { Seed = [|(uint)Environment.TickCount|] };
                }
            }
            """, """
            using System;
            using Lockstep.Sdk;
            using Microsoft.ML;
            using Microsoft.ML.Transforms;
            using static TorchSharp.torch;

            class Trainer
            {
                void Run()
                {
                    var random = new Random(TrainingRun.Seed);
                    var ml = new MLContext(seed: TrainingRun.Seed);
                    manual_seed(TrainingRun.Seed);
                    var hashing = new HashingEstimator.ColumnOptions("h", "x") { Seed = (uint)TrainingRun.Seed };
                }
            }
            """);
}

public class MissingSeedArgumentFixerTests
{
    [Fact]
    public Task Splits_get_a_seed_argument() =>
        Verify.FixAsync<UnseededSplitAnalyzer, MissingSeedArgumentFixer>("""
            using Microsoft.ML;

            class Trainer
            {
                void Run(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline)
                {
                    var split = [|ml.Data.TrainTestSplit(data, testFraction: 0.2)|];
                    var shuffled = [|ml.Data.ShuffleRows(data, seed: null)|];
                    var folds = [|ml.BinaryClassification.CrossValidate(data, pipeline)|];
                }
            }
            """, """
            using Lockstep.Sdk;
            using Microsoft.ML;

            class Trainer
            {
                void Run(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline)
                {
                    var split = ml.Data.TrainTestSplit(data, testFraction: 0.2, seed: TrainingRun.Seed);
                    var shuffled = ml.Data.ShuffleRows(data, seed: TrainingRun.Seed);
                    var folds = ml.BinaryClassification.CrossValidate(data, pipeline, seed: TrainingRun.Seed);
                }
            }
            """);

    [Fact]
    public Task Shuffling_data_loaders_get_a_seed_argument() =>
        Verify.FixAsync<UnseededDataLoaderAnalyzer, MissingSeedArgumentFixer>("""
            using TorchSharp.Modules;
            using static TorchSharp.torch.utils.data;

            class Trainer
            {
                void Run(Dataset train)
                {
                    var a = [|DataLoader(train, 32, shuffle: true)|];
                    var b = [|new DataLoader(train, 32, true)|];
                }
            }
            """, """
            using Lockstep.Sdk;
            using TorchSharp.Modules;
            using static TorchSharp.torch.utils.data;

            class Trainer
            {
                void Run(Dataset train)
                {
                    var a = DataLoader(train, 32, shuffle: true, seed: TrainingRun.Seed);
                    var b = new DataLoader(train, 32, true, seed: TrainingRun.Seed);
                }
            }
            """);
}
