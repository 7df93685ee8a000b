using Lockstep.Analyzers.Rules;
using Lockstep.Analyzers.Tests.Infrastructure;

namespace Lockstep.Analyzers.Tests.Rules;

public class EntropySeedAnalyzerTests
{
    [Fact]
    public Task Seeds_from_the_clock_or_entropy_are_reported_wherever_a_seed_goes() =>
        Verify.Training<EntropySeedAnalyzer>("""
            using System;
            using System.Diagnostics;
            using Microsoft.ML;
            using Microsoft.ML.Trainers.FastTree;
            using static TorchSharp.torch;

            class Trainer
            {
                void Run(string name)
                {
                    var a = new Random([|Environment.TickCount|]);
                    var b = new MLContext(seed: [|DateTime.Now.Millisecond|]);
                    manual_seed([|Stopwatch.GetTimestamp()|]);
                    var options = new FastTreeBinaryTrainer.Options { Seed = [|Guid.NewGuid().GetHashCode()|] };
                    var c = new Random([|name.GetHashCode()|]);
                }
            }
            """).RunAsync();

    [Fact]
    public Task A_seed_computed_earlier_in_a_local_is_followed() =>
        Verify.Training<EntropySeedAnalyzer>("""
            using System;

            class Trainer
            {
                Random Create()
                {
                    var seed = (int)DateTime.UtcNow.Ticks;
                    return new Random([|seed|]);
                }
            }
            """).RunAsync();

    [Fact]
    public Task Seeds_from_configuration_or_constants_are_not_reported() =>
        Verify.Training<EntropySeedAnalyzer>("""
            using System;
            using Microsoft.ML;

            class Trainer
            {
                Random Create(int configured) => new Random(configured);

                MLContext Context() => new MLContext(seed: int.Parse(Environment.GetEnvironmentVariable("LOCKSTEP_SEED") ?? "42"));

                void Log() => Console.WriteLine(DateTime.Now);
            }
            """).RunAsync();

    [Fact]
    public Task Extra_seed_parameter_names_come_from_the_editorconfig() =>
        Verify.Training<EntropySeedAnalyzer>("""
            using System;

            class Sampler
            {
                void Draw(int rngState) { }

                void Run() => Draw([|Environment.TickCount|]);
            }
            """).WithOption("lockstep.seed_parameter_names", "+rngState").RunAsync();
}
