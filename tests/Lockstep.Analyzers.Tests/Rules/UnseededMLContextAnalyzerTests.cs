using Lockstep.Analyzers.Rules;
using Lockstep.Analyzers.Tests.Infrastructure;

namespace Lockstep.Analyzers.Tests.Rules;

public class UnseededMLContextAnalyzerTests
{
    [Fact]
    public Task MLContext_without_a_seed_or_with_a_null_seed_is_reported() =>
        Verify.Training<UnseededMLContextAnalyzer>("""
            using Microsoft.ML;

            class Trainer
            {
                private readonly MLContext a = [|new MLContext()|];
                private readonly MLContext b = [|new MLContext(seed: null)|];
                private readonly MLContext c = [|new()|];
            }
            """).RunAsync();

    [Fact]
    public Task MLContext_with_a_seed_is_not_reported() =>
        Verify.Training<UnseededMLContextAnalyzer>("""
            using Microsoft.ML;

            class Trainer
            {
                private readonly MLContext a = new MLContext(seed: 1);

                MLContext FromConfiguration(int? seed) => new MLContext(seed);
            }
            """).RunAsync();
}
