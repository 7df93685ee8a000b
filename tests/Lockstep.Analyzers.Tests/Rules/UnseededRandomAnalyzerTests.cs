using Lockstep.Analyzers.Rules;
using Lockstep.Analyzers.Tests.Infrastructure;

namespace Lockstep.Analyzers.Tests.Rules;

public class UnseededRandomAnalyzerTests
{
    [Fact]
    public Task Random_without_a_seed_in_training_code_is_reported() =>
        Verify.Training<UnseededRandomAnalyzer>("""
            using System;
            using Microsoft.ML;

            class Trainer
            {
                private readonly Random shuffler = [|new Random()|];
                private Random noise = [|new()|];

                int Draw() => new Random(42).Next();
            }
            """).RunAsync();

    [Fact]
    public Task A_seed_from_configuration_is_not_reported() =>
        Verify.Training<UnseededRandomAnalyzer>("""
            using System;

            class Trainer
            {
                Random Create(int seed) => new Random(seed);

                Random FromEnvironment() => new Random(int.Parse(Environment.GetEnvironmentVariable("SEED") ?? "1"));
            }
            """).RunAsync();

    [Fact]
    public Task Application_code_without_training_libraries_stays_quiet() =>
        Verify.Application<UnseededRandomAnalyzer>("""
            using System;

            class RetryPolicy
            {
                private readonly Random jitter = new Random();
            }
            """).RunAsync();

    [Fact]
    public Task LockstepTrainingCode_true_turns_the_rules_on_without_training_libraries() =>
        Verify.Application<UnseededRandomAnalyzer>("""
            using System;

            class Sampler
            {
                private readonly Random random = [|new Random()|];
            }
            """).WithBuildProperty("LockstepTrainingCode", "true").RunAsync();

    [Fact]
    public Task LockstepTrainingCode_false_turns_the_rules_off_in_a_project_with_training_libraries() =>
        Verify.Training<UnseededRandomAnalyzer>("""
            using System;

            class Server
            {
                private readonly Random jitter = new Random();
            }
            """).WithBuildProperty("LockstepTrainingCode", "false").RunAsync();

    [Fact]
    public Task The_message_names_the_stream_after_the_variable() =>
        Verify.Training<UnseededRandomAnalyzer>("""
            using System;

            class Trainer
            {
                void Run()
                {
                    var dropout = {|#0:new Random()|};
                }
            }
            """).Expecting(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Descriptors.UnseededRandom).WithLocation(0).WithArguments("dropout")).RunAsync();
}
