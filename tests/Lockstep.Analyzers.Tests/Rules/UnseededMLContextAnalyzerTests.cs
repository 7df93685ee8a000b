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

    [Fact]
    public Task A_context_that_only_loads_predicts_and_evaluates_is_not_reported() =>
        Verify.Training<UnseededMLContextAnalyzer>("""
            using System.Collections.Generic;
            using Microsoft.ML;

            class Input
            {
                public float Feature;
            }

            class Output
            {
                public float Score;
            }

            class Consumption
            {
                private static readonly MLContext Shared = new MLContext();

                public Output Predict(Input input, string modelPath)
                {
                    var ml = new MLContext();
                    var model = ml.Model.Load(modelPath, out _);
                    return ml.Model.CreatePredictionEngine<Input, Output>(model).Predict(input);
                }

                public IEnumerable<Input> Rows(IEnumerable<Input> rows)
                {
                    var data = Shared.Data.LoadFromEnumerable(rows);
                    var scored = Shared.Transforms.Concatenate("Features", nameof(Input.Feature)).Fit(data).Transform(data);
                    var metrics = Shared.Regression.Evaluate(scored, "Label", "Score");
                    return Shared.Data.CreateEnumerable<Input>(Shared.Data.FilterRowsByColumn(data, nameof(Input.Feature), lowerBound: 0), reuseRowObject: false);
                }

                public void Score(string modelPath)
                {
                    var ml = new MLContext();
                    var scorer = new Scorer(ml);
                    scorer.Load(modelPath);
                }
            }

            class Scorer
            {
                private readonly MLContext context;

                public Scorer(MLContext context) => this.context = context;

                public ITransformer Load(string path) => context.Model.Load(path, out _);
            }
            """).RunAsync();

    [Fact]
    public Task A_context_that_may_draw_randomness_stays_reported() =>
        Verify.Training<UnseededMLContextAnalyzer>("""
            using Microsoft.ML;

            class Input
            {
                public float Feature;
            }

            class Training
            {
                public MLContext Exposed = [|new MLContext()|];

                public ITransformer Train(IDataView data)
                {
                    var ml = [|new MLContext()|];
                    return ml.Regression.Trainers.Sdca().Fit(data);
                }

                public DataOperationsCatalog.TrainTestData Split(IDataView data)
                {
                    var ml = [|new MLContext()|];
                    return ml.Data.TrainTestSplit(data);
                }

                public ITransformer Project(IDataView data)
                {
                    var ml = [|new MLContext()|];
                    return ml.Transforms.ProjectToPrincipalComponents("Projected", "Features", rank: 2).Fit(data);
                }

                public MLContext Create()
                {
                    var ml = [|new MLContext()|];
                    ml.Model.Load("model.zip", out _);
                    return ml;
                }

                public void Unused()
                {
                    var ml = [|new MLContext()|];
                }

                public void Handed(IDataView data)
                {
                    var ml = [|new MLContext()|];
                    Fit(ml, data);
                }

                private static ITransformer Fit(MLContext ml, IDataView data) => ml.BinaryClassification.Trainers.FastTree().Fit(data);
            }
            """).RunAsync();
}

