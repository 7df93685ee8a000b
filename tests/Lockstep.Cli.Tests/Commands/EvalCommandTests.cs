using Lockstep.Core.Contracts;

namespace Lockstep.Cli.Tests.Commands;

public sealed class EvalCommandTests : IDisposable
{
    private const string Predictions = """
        y,p,latency,region
        0,0.1,12.5,EU
        0,0.6,8,US
        1,0.7,30,EU
        1,0.4,14,US
        1,0.95,9.5,EU
        0,0.5,11,US
        1,0.2,40,EU
        0,0.05,7,US
        """;

    private readonly CliHarness cli = new();

    private static readonly string[] Args =
        ["eval", "--predictions", "preds.csv", "--label", "y", "--score", "p", "--model-name", "churn", "--model-version", "1.4.0", "--out", "card.json"];

    [Fact]
    public void Writes_a_report_card_with_the_metrics_scikit_learn_gives()
    {
        cli.Write("preds.csv", Predictions);

        var run = cli.Run(Args);

        Assert.True(run.ExitCode == 0, run.ToString());
        var card = ReportCardReader.Parse(cli.Read("card.json"), "card.json");
        Assert.Equal(("churn", "1.4.0", "binary-classification"), (card.Model.Name, card.Model.Version, card.Model.Task));

        // Oracle: scikit-learn 1.2.1 on these eight rows (see Core.Tests ClassificationMetricsTests).
        Assert.Equal(0.5, card.Metrics["accuracy"], 1e-12);
        Assert.Equal(0.587473575639252, card.Metrics["log_loss"]);
        Assert.Equal(0.214375, card.Metrics["brier"]);
        Assert.Equal(0.75, card.Metrics["auc"]); // roc_auc_score(y, p)

        var dataset = Assert.Single(card.Datasets);
        Assert.Equal(("evaluation", "preds.csv", 8L), (dataset.Role, dataset.Uri, dataset.Rows));
        Assert.Equal(64, dataset.Sha256!.Length);
        Assert.NotNull(card.Timeline!.EvaluatedAt);
        Assert.Contains("wrote card.json", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Latency_percentiles_and_slices()
    {
        cli.Write("preds.csv", Predictions);

        var run = cli.Run([.. Args, "--latency-ms", "latency", "--slice", "region"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var card = ReportCardReader.Parse(cli.Read("card.json"), "card.json");

        // Oracle: np.percentile([12.5, 8, 30, 14, 9.5, 11, 40, 7], 99) = 39.3 (NumPy 1.24.2).
        Assert.Equal(39.3, card.Metrics["latency.p99_ms"]);
        Assert.Equal(40, card.Metrics["latency.max_ms"]);
        Assert.Equal(["region=EU", "region=US"], card.Slices.Keys.Order());
        // Oracle: roc_auc_score([0, 1, 1, 1], [0.1, 0.7, 0.95, 0.2]) = 1.0 (scikit-learn 1.2.1): the EU rows.
        Assert.Equal(1.0, card.Slices["region=EU"]["auc"]);
    }

    [Fact]
    public void A_slice_with_one_class_keeps_its_other_metrics_and_says_why()
    {
        cli.Write("preds.csv", "y,p,segment\n0,0.1,a\n1,0.9,a\n1,0.8,b\n1,0.6,b\n");

        var run = cli.Run([.. Args, "--slice", "segment"]);

        var card = ReportCardReader.Parse(cli.Read("card.json"), "card.json");
        Assert.False(card.Slices["segment=b"].ContainsKey("auc"));
        Assert.Equal(1.0, card.Slices["segment=b"]["recall"]);
        Assert.Contains("note: slice segment=b: only one class is present", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Into_adds_to_an_existing_card_and_keeps_the_rest()
    {
        cli.WriteDemoInputs("pass");
        cli.Write("preds.csv", Predictions);

        var run = cli.Run("eval", "--predictions", "preds.csv", "--label", "y", "--score", "p", "--into", "candidate.json", "--out", "candidate.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var card = ReportCardReader.Parse(cli.Read("candidate.json"), "candidate.json");
        Assert.Equal("churn-classifier", card.Model.Name);
        Assert.Equal(0.5, card.Metrics["accuracy"], 1e-12);
        Assert.Equal(118, card.Metrics["latency.p99_ms"]);
        Assert.Equal(["train", "test", "evaluation"], card.Datasets.Select(d => d.Role));
    }

    [Fact]
    public void Regression_task_gives_rmse_mae_r2()
    {
        cli.Write("preds.csv", "y,yhat\n3,2.5\n-0.5,0\n2,2\n7,8\n");

        var run = cli.Run("eval", "--task", "regression", "--predictions", "preds.csv", "--label", "y", "--score", "yhat", "--model-name", "m", "--model-version", "1", "--out", "card.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var card = ReportCardReader.Parse(cli.Read("card.json"), "card.json");
        Assert.Equal(0.6123724356957945, card.Metrics["rmse"]);
        Assert.Equal(0.9486081370449679, card.Metrics["r2"]);
    }

    [Fact]
    public async Task Reads_parquet_the_same_as_csv()
    {
        cli.Write("preds.csv", Predictions);
        var csv = cli.Run(Args);
        var csvCard = ReportCardReader.Parse(cli.Read("card.json"), "card.json");
        await ParquetFiles.WriteAsync(Path.Combine(cli.Directory, "preds.parquet"), Predictions);

        var parquet = cli.Run("eval", "--predictions", "preds.parquet", "--label", "y", "--score", "p", "--model-name", "churn", "--model-version", "1.4.0", "--out", "card2.json");

        Assert.True(parquet.ExitCode == 0, parquet.ToString());
        Assert.Equal(csvCard.Metrics, ReportCardReader.Parse(cli.Read("card2.json"), "card2.json").Metrics);
    }

    public static TheoryData<string, string, string> BadPredictions => new()
    {
        { "one class only", "y,p\n1,0.2\n1,0.9\n", "error: preds.csv: column 'y': only one class is present (all labels are 1); the AUC is undefined\n" },
        { "empty file", "", "error: preds.csv: the file is empty: expected a header row\n" },
        { "header only", "y,p\n", "error: preds.csv: column 'y': no rows to evaluate\n" },
        { "non-numeric score", "y,p\n0,0.2\n1,high\n", "error: preds.csv:3: column 'p': expected a number, got 'high'\n" },
        { "label outside 0/1", "y,p\n0,0.2\n2,0.9\n", "error: preds.csv:3: column 'y': expected a binary label (0 or 1, false or true), got '2'\n" },
        { "NaN score", "y,p\n0,0.2\n1,NaN\n", "error: preds.csv:3: column 'p': expected a finite number, got 'NaN'\n" },
        { "missing column", "y,score\n0,0.2\n", "error: preds.csv:1: no column 'p' (the header has: y, score)\n" },
    };

    [Theory]
    [MemberData(nameof(BadPredictions))]
    public void Bad_predictions_exit_2_naming_file_row_and_column(string because, string content, string expected)
    {
        cli.Write("preds.csv", content);

        var run = cli.Run(Args);

        Assert.True(run.ExitCode == 2, $"{because}: {run}");
        Assert.True(ErrorLine(run) == expected, $"{because}: {run}");
        Assert.False(cli.Exists("card.json"));
    }

    [Fact]
    public void A_parquet_file_that_is_not_parquet_exits_2()
    {
        cli.Write("preds.parquet", "y,p\n0,0.1\n");

        var run = cli.Run("eval", "--predictions", "preds.parquet", "--label", "y", "--score", "p", "--model-name", "m", "--model-version", "1", "--out", "card.json");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: preds.parquet: not a readable Parquet file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_name_and_version_are_required_without_into()
    {
        cli.Write("preds.csv", Predictions);

        var run = cli.Run("eval", "--predictions", "preds.csv", "--label", "y", "--score", "p", "--out", "card.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--model-name and --model-version are required unless --into", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.5", "error: --threshold must be between 0 and 1 (scores are probabilities), got 1.5\n")]
    [InlineData("-0.1", "error: --threshold must be between 0 and 1 (scores are probabilities), got -0.1\n")]
    [InlineData("NaN", "error: --threshold expects a number, got 'NaN'\n")]
    public void A_threshold_outside_0_1_is_refused_in_one_line(string threshold, string expected)
    {
        cli.Write("preds.csv", Predictions);

        var run = cli.Run([.. Args, "--threshold", threshold]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected, ErrorLine(run));
        Assert.False(cli.Exists("card.json"));
    }

    [Fact]
    public void Scores_outside_0_1_leave_out_log_loss_and_brier_and_name_the_row()
    {
        cli.Write("preds.csv", "y,p\n0,0.1\n1,0.7\n1,1.0000001\n0,-3\n");

        var run = cli.Run(Args);

        Assert.True(run.ExitCode == 0, run.ToString());
        var card = ReportCardReader.Parse(cli.Read("card.json"), "card.json");
        Assert.False(card.Metrics.ContainsKey("log_loss"));
        Assert.False(card.Metrics.ContainsKey("brier"));
        Assert.Equal(1.0, card.Metrics["auc"]);
        Assert.Contains(
            "note: log_loss and brier left out: the score of row 3 (scores[2]) is 1.0000001, outside [0, 1]; they need probabilities",
            run.Error,
            StringComparison.Ordinal);
    }

    // Ties within each class, across the classes and between the two models; the EU rows are the first five.
    private const string PairedPredictions = """
        y,p_candidate,p_production,region
        0,0.1,0.2,EU
        0,0.4,0.2,EU
        1,0.4,0.5,EU
        0,0.3,0.5,EU
        1,0.8,0.7,EU
        1,0.6,0.5,US
        0,0.6,0.3,US
        1,0.9,0.7,US
        0,0.2,0.1,US
        1,0.3,0.2,US
        """;

    private static readonly string[] PairedArgs =
        ["eval", "--predictions", "preds.csv", "--label", "y", "--score", "p_candidate", "--baseline-score", "p_production", "--model-name", "churn", "--model-version", "1.5.0", "--out", "card.json"];

    [Fact]
    public void Baseline_score_writes_delongs_comparison_into_the_card()
    {
        cli.Write("preds.csv", PairedPredictions);

        var run = cli.Run(PairedArgs);

        Assert.True(run.ExitCode == 0, run.ToString());
        var metrics = ReportCardReader.Parse(cli.Read("card.json"), "card.json").Metrics;

        // Oracle: DeLong's covariance by the explicit kernel in NumPy 1.24 / SciPy 1.10 (see Core.Tests DeLongTestTests, "small").
        Assert.Equal(0.82, metrics["auc"], 1e-9);
        Assert.Equal(0.8400000000000001, metrics["auc.baseline"], 1e-9);
        Assert.Equal(-0.02000000000000013, metrics["auc.delta"], 1e-9);
        Assert.Equal(0.11747340124470733, metrics["auc.delta.se"], 1e-9);
        Assert.Equal(-0.17025130615175077, metrics["auc.delta.z"], 1e-9);
        Assert.Equal(0.8648125041589416, metrics["auc.delta.p_value"], 1e-9);
        Assert.Equal(-0.25024363558104923, metrics["auc.delta.ci_low"], 1e-9);
        Assert.Equal(0.210243635581049, metrics["auc.delta.ci_high"], 1e-9);
    }

    [Fact]
    public async Task Baseline_score_reads_parquet_the_same_as_csv()
    {
        cli.Write("preds.csv", PairedPredictions);
        cli.Run(PairedArgs);
        var csvMetrics = ReportCardReader.Parse(cli.Read("card.json"), "card.json").Metrics;
        await ParquetFiles.WriteAsync(Path.Combine(cli.Directory, "preds.parquet"), PairedPredictions);

        var parquet = cli.Run([.. PairedArgs.Select(a => a == "preds.csv" ? "preds.parquet" : a == "card.json" ? "card2.json" : a)]);

        Assert.True(parquet.ExitCode == 0, parquet.ToString());
        Assert.Equal(csvMetrics, ReportCardReader.Parse(cli.Read("card2.json"), "card2.json").Metrics);
        Assert.True(csvMetrics.ContainsKey("auc.delta.p_value"));
    }

    [Fact]
    public void Ci_sets_the_level_of_the_interval()
    {
        cli.Write("preds.csv", PairedPredictions);

        var run = cli.Run([.. PairedArgs, "--ci", "0.9"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var metrics = ReportCardReader.Parse(cli.Read("card.json"), "card.json").Metrics;

        // Oracle: the same script at level 0.90.
        Assert.Equal(-0.21322655010768257, metrics["auc.delta.ci_low"], 1e-9);
        Assert.Equal(0.17322655010768231, metrics["auc.delta.ci_high"], 1e-9);
    }

    [Fact]
    public void Baseline_score_is_compared_per_slice_and_a_slice_that_cannot_be_says_why()
    {
        cli.Write("preds.csv", PairedPredictions + "\n1,0.7,0.6,ASIA\n0,0.2,0.3,ASIA\n");

        var run = cli.Run([.. PairedArgs, "--slice", "region"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var card = ReportCardReader.Parse(cli.Read("card.json"), "card.json");
        Assert.True(card.Slices["region=EU"].ContainsKey("auc.delta.p_value"));
        Assert.True(card.Slices["region=US"].ContainsKey("auc.delta.ci_high"));
        Assert.Equal(0.0, card.Slices["region=ASIA"]["auc.delta"]);
        Assert.False(card.Slices["region=ASIA"].ContainsKey("auc.delta.se"));
        Assert.Contains("note: slice region=ASIA: auc.delta.se, auc.delta.z, auc.delta.p_value, auc.delta.ci_low and auc.delta.ci_high left out: DeLong's test needs at least two rows of each class", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_baseline_column_is_one_error_line_and_no_card()
    {
        cli.Write("preds.csv", PairedPredictions);

        var run = cli.Run([.. PairedArgs.Select(a => a == "p_production" ? "p_prod" : a)]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: preds.csv:1: no column 'p_prod' (the header has: y, p_candidate, p_production, region)\n", ErrorLine(run));
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.False(cli.Exists("card.json"));
    }

    [Theory]
    [InlineData("1", "error: --ci must lie strictly between 0 and 1 (a confidence level such as 0.95), got 1\n")]
    [InlineData("0", "error: --ci must lie strictly between 0 and 1 (a confidence level such as 0.95), got 0\n")]
    public void A_ci_outside_0_1_is_refused_in_one_line(string level, string expected)
    {
        cli.Write("preds.csv", PairedPredictions);

        var run = cli.Run([.. PairedArgs, "--ci", level]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected, ErrorLine(run));
        Assert.False(cli.Exists("card.json"));
    }

    [Fact]
    public void Baseline_score_with_a_regression_task_is_refused()
    {
        cli.Write("preds.csv", PairedPredictions);

        var run = cli.Run([.. PairedArgs, "--task", "regression"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --baseline-score compares AUCs: it needs --task binary\n", ErrorLine(run));
    }

    [Fact]
    public async Task Bootstrap_writes_intervals_the_same_from_csv_and_parquet()
    {
        cli.Write("preds.csv", PairedPredictions);
        string[] args = [.. PairedArgs, "--bootstrap", "200", "--slice", "region"];

        var csv = cli.Run(args);
        await ParquetFiles.WriteAsync(Path.Combine(cli.Directory, "preds.parquet"), PairedPredictions);
        var parquet = cli.Run([.. args.Select(a => a == "preds.csv" ? "preds.parquet" : a == "card.json" ? "card2.json" : a)]);

        Assert.True(csv.ExitCode == 0, csv.ToString());
        Assert.True(parquet.ExitCode == 0, parquet.ToString());
        var card = ReportCardReader.Parse(cli.Read("card.json"), "card.json");
        var metrics = card.Metrics;
        Assert.Equal(10, metrics["rows"]);
        Assert.True(metrics["accuracy.ci_low"] <= metrics["accuracy"] && metrics["accuracy"] <= metrics["accuracy.ci_high"]);
        Assert.True(metrics["brier.se"] > 0);
        Assert.Equal(metrics["accuracy"] - metrics["accuracy.baseline"], metrics["accuracy.delta"]);
        Assert.True(metrics.ContainsKey("accuracy.delta.ci_high"));

        // DeLong's single-AUC variance of the "small" example (see Core.Tests DeLongAucIntervalTests).
        Assert.Equal(0.13711309200802088, metrics["auc.se"], 1e-12);
        Assert.Equal(5, card.Slices["region=EU"]["rows"]);
        Assert.True(card.Slices["region=US"].ContainsKey("accuracy.se"));
        var fromParquet = ReportCardReader.Parse(cli.Read("card2.json"), "card2.json");
        Assert.Equal(metrics, fromParquet.Metrics);
        Assert.Equal(card.Slices["region=US"], fromParquet.Slices["region=US"]);
        Assert.Contains("bootstrap: 200 resamples of 10 rows in ", csv.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_seed_gives_the_same_intervals_and_another_seed_other_ones()
    {
        cli.Write("preds.csv", PairedPredictions);
        Dictionary<string, double> Metrics(string seed, string output)
        {
            var run = cli.Run([.. PairedArgs.Select(a => a == "card.json" ? output : a), "--bootstrap", "300", "--bootstrap-seed", seed]);
            Assert.True(run.ExitCode == 0, run.ToString());
            return ReportCardReader.Parse(cli.Read(output), output).Metrics.ToDictionary();
        }

        var first = Metrics("7", "a.json");

        Assert.Equal(first, Metrics("7", "b.json"));
        Assert.NotEqual(first["accuracy.se"], Metrics("8", "c.json")["accuracy.se"]);
    }

    [Fact]
    public void Baseline_score_alone_writes_rows_but_no_bootstrap_interval()
    {
        cli.Write("preds.csv", PairedPredictions);

        var run = cli.Run(PairedArgs);

        Assert.True(run.ExitCode == 0, run.ToString());
        var metrics = ReportCardReader.Parse(cli.Read("card.json"), "card.json").Metrics;
        Assert.Equal(10, metrics["rows"]);
        Assert.False(metrics.ContainsKey("accuracy.se"));
        Assert.DoesNotContain("bootstrap:", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--bootstrap", "-5" }, "error: --bootstrap must be 0 (off) or at least 2 resamples (1000 is recommended), got -5\n")]
    [InlineData(new[] { "--bootstrap", "1" }, "error: --bootstrap must be 0 (off) or at least 2 resamples (1000 is recommended), got 1\n")]
    [InlineData(new[] { "--bootstrap-seed", "3" }, "error: --bootstrap-seed seeds the bootstrap: it needs --bootstrap N with N at least 2\n")]
    public void A_bad_bootstrap_option_is_one_error_line_and_no_card(string[] options, string expected)
    {
        cli.Write("preds.csv", PairedPredictions);

        var run = cli.Run([.. PairedArgs, .. options]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected, ErrorLine(run));
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.False(cli.Exists("card.json"));
    }

    [Fact]
    public void A_non_number_of_resamples_is_refused()
    {
        cli.Write("preds.csv", PairedPredictions);

        var run = cli.Run([.. PairedArgs, "--bootstrap", "many"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(ErrorLine(run).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(cli.Exists("card.json"));
    }

    [Fact]
    public void Help_has_examples() =>
        Assert.Contains("Examples:\n    lockstep eval --predictions preds.csv", cli.Run("eval", "--help").Out, StringComparison.Ordinal);

    /// <summary>The error line; a one-line read summary may come before it.</summary>
    internal static string ErrorLine(CliRun run) => string.Concat(run.Error.Split('\n').Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).Select(l => l + "\n"));

    public void Dispose() => cli.Dispose();
}
