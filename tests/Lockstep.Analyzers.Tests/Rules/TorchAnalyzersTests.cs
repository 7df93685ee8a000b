using Lockstep.Analyzers.Rules;
using Lockstep.Analyzers.Tests.Infrastructure;

namespace Lockstep.Analyzers.Tests.Rules;

public class TorchManualSeedAnalyzerTests
{
    [Fact]
    public Task Modules_built_without_manual_seed_anywhere_are_reported_once() =>
        Verify.Training<TorchManualSeedAnalyzer>("""
            using static TorchSharp.torch;

            class Trainer
            {
                void Run()
                {
                    var model = [|nn.Linear(10, 1)|];
                    var optimizer = optim.Adam(model.parameters());
                }
            }
            """).RunAsync();

    [Fact]
    public Task Manual_seed_in_another_file_is_enough() =>
        Verify.Training<TorchManualSeedAnalyzer>("""
            using static TorchSharp.torch;

            class Trainer
            {
                void Run()
                {
                    var model = nn.Linear(10, 1);
                    var optimizer = optim.SGD(model.parameters(), 0.01);
                }
            }
            """).WithSource("/Seeding.cs", """
            static class Seeding
            {
                public static void Apply(int seed) => TorchSharp.torch.manual_seed(seed);
            }
            """).RunAsync();
}

public class UnseededDataLoaderAnalyzerTests
{
    [Fact]
    public Task Shuffling_without_a_seed_is_reported() =>
        Verify.Training<UnseededDataLoaderAnalyzer>("""
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
            """).RunAsync();

    [Fact]
    public Task A_seed_or_no_shuffle_is_not_reported() =>
        Verify.Training<UnseededDataLoaderAnalyzer>("""
            using static TorchSharp.torch.utils.data;

            class Trainer
            {
                void Run(Dataset train, Dataset test)
                {
                    var a = DataLoader(train, 32, shuffle: true, seed: 5);
                    var b = DataLoader(test, 32);
                    var c = DataLoader(test, 32, shuffle: false);
                }
            }
            """).RunAsync();
}

public class TorchReseedAnalyzerTests
{
    [Fact]
    public Task Reseeding_from_entropy_is_reported_and_manual_seed_is_not() =>
        Verify.Training<TorchReseedAnalyzer>("""
            using static TorchSharp.torch;

            class Trainer
            {
                void Run(Generator generator)
                {
                    [|random.seed()|];
                    [|generator.seed()|];
                    [|seed()|];
                    manual_seed(42);
                    generator.manual_seed(42);
                }
            }
            """).RunAsync();
}

public class DataFrameSampleAnalyzerTests
{
    [Fact]
    public Task Sample_is_reported_and_Head_is_not() =>
        Verify.Training<DataFrameSampleAnalyzer>("""
            using Microsoft.Data.Analysis;

            class Explorer
            {
                DataFrame Pick(DataFrame frame) => [|frame.Sample(100)|];

                DataFrame First(DataFrame frame) => frame.Head(100);
            }
            """).RunAsync();
}
