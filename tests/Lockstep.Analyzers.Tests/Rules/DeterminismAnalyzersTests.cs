using Lockstep.Analyzers.Rules;
using Lockstep.Analyzers.Tests.Infrastructure;

namespace Lockstep.Analyzers.Tests.Rules;

public class ProcessRandomizedHashAnalyzerTests
{
    [Fact]
    public Task Hashes_used_as_data_are_reported() =>
        Verify.Training<ProcessRandomizedHashAnalyzer>("""
            using System;

            class Splitter
            {
                bool IsTest(string id) => Math.Abs([|id.GetHashCode()|]) % 10 < 2;

                int Key(string a, int b) => [|HashCode.Combine(a, b)|];

                int Bucket(string id) => [|StringComparer.Ordinal.GetHashCode(id)|] % 16;
            }
            """).RunAsync();

    [Fact]
    public Task Hashes_inside_GetHashCode_implementations_are_not_reported() =>
        Verify.Training<ProcessRandomizedHashAnalyzer>("""
            using System;
            using System.Collections.Generic;

            sealed class Feature : IEquatable<Feature>
            {
                public string Name { get; } = "";

                public bool Equals(Feature? other) => other?.Name == Name;

                public override bool Equals(object? obj) => Equals(obj as Feature);

                public override int GetHashCode() => HashCode.Combine(Name.GetHashCode());
            }

            sealed class ByName : IEqualityComparer<string>
            {
                public bool Equals(string? x, string? y) => x == y;

                public int GetHashCode(string obj) => obj.GetHashCode();
            }
            """).RunAsync();
}

public class UnorderedFileEnumerationAnalyzerTests
{
    [Fact]
    public Task Listings_used_in_file_system_order_are_reported() =>
        Verify.Training<UnorderedFileEnumerationAnalyzer>("""
            using System.IO;
            using System.Linq;

            class Loader
            {
                void Run(string root)
                {
                    foreach (var file in [|Directory.EnumerateFiles(root, "*.csv")|])
                    {
                    }

                    var shards = [|Directory.GetFiles(root)|].Where(f => f.EndsWith(".parquet")).ToList();
                    var infos = [|new DirectoryInfo(root).GetFiles()|];
                }
            }
            """).RunAsync();

    [Fact]
    public Task Ordered_sorted_or_counted_listings_are_not_reported() =>
        Verify.Training<UnorderedFileEnumerationAnalyzer>("""
            using System;
            using System.IO;
            using System.Linq;

            class Loader
            {
                void Run(string root)
                {
                    var a = Directory.EnumerateFiles(root).OrderBy(p => p, StringComparer.Ordinal).ToList();
                    var b = Directory.GetFiles(root).Where(f => f.EndsWith(".csv")).Order(StringComparer.Ordinal);
                    var c = Directory.GetFiles(root);
                    Array.Sort(c, StringComparer.Ordinal);
                    var count = Directory.GetFiles(root).Length;
                    var any = Directory.EnumerateFiles(root).Any();
                    var d = Directory.GetFiles(root).ToList();
                    d.Sort(StringComparer.Ordinal);
                }
            }
            """).RunAsync();

    [Fact]
    public Task A_loop_that_copies_moves_or_deletes_each_entry_is_not_reported() =>
        Verify.Training<UnorderedFileEnumerationAnalyzer>("""
            using System.Collections.Generic;
            using System.IO;

            class Assets
            {
                void Copy(string trainOutput, string assets)
                {
                    foreach (var file in Directory.GetFiles(trainOutput))
                    {
                        var destination = Path.Combine(assets, "input", Path.GetFileName(file));
                        if (File.Exists(destination))
                        {
                            Cleanup.Delete(destination);
                        }

                        File.Copy(file, destination);
                    }

                    foreach (var stale in Directory.EnumerateFiles(assets, "*.tmp"))
                    {
                        File.Delete(stale);
                    }
                }

                List<string> CopyAndCollect(string source, string target)
                {
                    var copied = new List<string>();
                    foreach (var file in [|Directory.GetFiles(source)|])
                    {
                        File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
                        copied.Add(file);
                    }

                    return copied;
                }
            }

            static class Cleanup
            {
                public static string Delete(string path)
                {
                    File.Delete(path);
                    return path;
                }
            }
            """).RunAsync();
}

public class ParallelFloatReductionAnalyzerTests
{
    [Fact]
    public Task Parallel_float_reductions_are_reported() =>
        Verify.Training<ParallelFloatReductionAnalyzer>("""
            using System.Linq;
            using System.Threading.Tasks;

            class Loss
            {
                double Total(double[] losses) => [|losses.AsParallel().Sum()|];

                float Mean(float[] losses) => [|losses.AsParallel().Average()|];

                double Accumulate(double[] losses)
                {
                    var total = 0.0;
                    [|Parallel.For(0, losses.Length, i => { total += losses[i]; })|];
                    return total;
                }
            }
            """).RunAsync();

    [Fact]
    public Task Integer_and_sequential_reductions_and_local_accumulators_are_not_reported() =>
        Verify.Training<ParallelFloatReductionAnalyzer>("""
            using System.Linq;
            using System.Threading.Tasks;

            class Loss
            {
                int Count(int[] values) => values.AsParallel().Sum();

                double Total(double[] losses) => losses.Sum();

                void Scale(double[] values) => Parallel.For(0, values.Length, i =>
                {
                    var scaled = 0.0;
                    scaled += values[i] * 2;
                    values[i] = scaled;
                });
            }
            """).RunAsync();
}

public class UnpinnedTrainerThreadsAnalyzerTests
{
    [Fact]
    public Task Options_and_short_overloads_that_leave_threads_or_determinism_unset_are_reported() =>
        Verify.Training<UnpinnedTrainerThreadsAnalyzer>("""
            using Microsoft.ML;
            using Microsoft.ML.Trainers;
            using Microsoft.ML.Trainers.FastTree;
            using Microsoft.ML.Trainers.LightGbm;

            class Trainers
            {
                void Run(MLContext ml)
                {
                    var a = {|#0:new LightGbmBinaryTrainer.Options { Seed = 1 }|};
                    var b = {|#1:new FastTreeRegressionTrainer.Options()|};
                    var c = {|#2:new SdcaLogisticRegressionBinaryTrainer.Options { NumberOfThreads = null }|};
                    var d = {|#3:ml.BinaryClassification.Trainers.SdcaLogisticRegression()|};
                    var e = {|#4:ml.Regression.Trainers.LightGbm()|};
                }
            }
            """).Expecting(
                Diagnostic(0, "LightGbmBinaryTrainer.Options", "Deterministic"),
                Diagnostic(1, "FastTreeRegressionTrainer.Options", "NumberOfThreads"),
                Diagnostic(2, "SdcaLogisticRegressionBinaryTrainer.Options", "NumberOfThreads"),
                Diagnostic(3, "SdcaLogisticRegression", "NumberOfThreads"),
                Diagnostic(4, "LightGbm", "Deterministic and Seed")).RunAsync();

    [Fact]
    public Task Pinned_options_are_not_reported() =>
        Verify.Training<UnpinnedTrainerThreadsAnalyzer>("""
            using Microsoft.ML;
            using Microsoft.ML.Trainers;
            using Microsoft.ML.Trainers.FastTree;
            using Microsoft.ML.Trainers.LightGbm;

            class Trainers
            {
                void Run(MLContext ml)
                {
                    var a = new LightGbmBinaryTrainer.Options { Seed = 1, Deterministic = true };
                    var b = new FastTreeRegressionTrainer.Options { NumberOfThreads = 1 };
                    var c = new SdcaLogisticRegressionBinaryTrainer.Options();
                    c.NumberOfThreads = 1;
                    var d = ml.BinaryClassification.Trainers.SdcaLogisticRegression(c);
                }
            }
            """).RunAsync();

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Diagnostic(int location, string what, string unset) =>
        new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.UnpinnedTrainerThreads).WithLocation(location).WithArguments(what, unset);
}

public class EvaluateOnTrainSetAnalyzerTests
{
    [Fact]
    public Task Evaluating_predictions_on_the_training_split_is_reported() =>
        Verify.Training<EvaluateOnTrainSetAnalyzer>("""
            using Microsoft.ML;

            class Evaluation
            {
                void Run(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline)
                {
                    var split = ml.Data.TrainTestSplit(data, seed: 1);
                    var model = pipeline.Fit(split.TrainSet);
                    var a = [|ml.BinaryClassification.Evaluate(model.Transform(split.TrainSet))|];
                    var train = split.TrainSet;
                    var predictions = model.Transform(train);
                    var b = [|ml.Regression.Evaluate(predictions)|];
                }
            }
            """).RunAsync();

    [Fact]
    public Task Evaluating_on_the_test_split_is_not_reported_even_when_the_model_was_fit_on_the_train_split() =>
        Verify.Training<EvaluateOnTrainSetAnalyzer>("""
            using Microsoft.ML;

            class Evaluation
            {
                void Run(MLContext ml, IDataView data, IEstimator<ITransformer> pipeline)
                {
                    var split = ml.Data.TrainTestSplit(data, seed: 1);
                    var model = pipeline.Fit(split.TrainSet);
                    var predictions = model.Transform(split.TestSet);
                    var metrics = ml.BinaryClassification.Evaluate(predictions);
                }
            }
            """).RunAsync();
}
