using Lockstep.Analyzers.Rules;
using Lockstep.Analyzers.Tests.Infrastructure;

namespace Lockstep.Analyzers.Tests.Rules;

public class UnseedableRandomAnalyzerTests
{
    [Fact]
    public Task Random_Shared_and_RandomNumberGenerator_are_reported() =>
        Verify.Training<UnseedableRandomAnalyzer>("""
            using System;
            using System.Security.Cryptography;

            class Augmenter
            {
                double Noise() => [|Random.Shared|].NextDouble();

                int Pick(int count) => [|RandomNumberGenerator.GetInt32(count)|];
            }
            """).RunAsync();

    [Fact]
    public Task A_seeded_Random_is_not_reported() =>
        Verify.Training<UnseedableRandomAnalyzer>("""
            using System;

            class Augmenter
            {
                private readonly Random random = new Random(7);

                double Noise() => random.NextDouble();
            }
            """).RunAsync();
}
